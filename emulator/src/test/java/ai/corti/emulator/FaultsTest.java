package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.error.RateLimitException;
import ai.corti.client.core.error.ServerException;
import ai.corti.client.core.retry.RetryOptions;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults reach the SDK as the real failures would, one per API call, never on the token endpoint. */
class FaultsTest {

    private static final RetryOptions FAST_RETRIES = new RetryOptions(2, Duration.ofMillis(1), Duration.ofMillis(5), 0,
            Duration.ofSeconds(5));

    private CortiEmulator emulator;
    private CortiClient client;

    @BeforeEach
    void start() {
        emulator = CortiEmulator.start();
        client = emulator.configure(CortiClient.builder()).retryOptions(FAST_RETRIES).build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aGetRetriedPastTwo503sSucceeds() {
        emulator.faults().failNext(2, 503);

        assertThat(client.interactions().list().stream()).isEmpty();
        assertThat(apiStatuses()).containsExactly(503, 503, 200);
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void threeFailuresExhaustTwoRetriesAndSurfaceAsATypedError() {
        emulator.faults().failNext(3, 503);

        assertThatThrownBy(() -> client.interactions().list().stream().count())
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.errorResponse().orElseThrow().getDetail()).contains("Injected fault");
                });
        assertThat(apiStatuses()).containsExactly(503, 503, 503);
    }

    @Test
    void aFailedCreateIsNotRetriedAndCreatesNothing() {
        emulator.faults().failNext(1, 503);

        assertThatThrownBy(() -> client.interactions().create(request())).isInstanceOf(ServerException.class);
        assertThat(emulator.interactionCount(CortiEmulator.DEFAULT_TENANT)).isZero();
        client.interactions().create(request());
        assertThat(emulator.interactionCount(CortiEmulator.DEFAULT_TENANT)).isEqualTo(1);
    }

    @Test
    void aFailureCanAnnounceRetryAfter() {
        emulator.faults().failNext(1, 429, Duration.ofSeconds(7));
        RawHttp http = new RawHttp(emulator);

        HttpResponse<String> response = http.call("GET", "/interactions/", "base", null);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(RawHttp.json(response).get("status").asInt()).isEqualTo(429);
    }

    @Test
    void theSdkHonoursAnInjectedRetryAfter() {
        emulator.faults().failNext(1, 429, Duration.ZERO);

        assertThat(client.interactions().list().stream()).isEmpty();
        assertThat(apiStatuses()).containsExactly(429, 200);
        emulator.faults().failNext(3, 429, Duration.ZERO);
        assertThatThrownBy(() -> client.interactions().list().stream().count()).isInstanceOf(RateLimitException.class);
    }

    @Test
    void aDelayedAnswerComesLate() {
        emulator.faults().delayNext(1, Duration.ofMillis(200));

        long started = System.nanoTime();
        client.interactions().list().stream().count();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(200);
    }

    @Test
    void aDelayLongerThanTheClientsPatienceIsATimeout() {
        emulator.faults().delayNext(1, Duration.ofSeconds(2));
        try (CortiClient impatient = emulator.configure(CortiClient.builder()).maxRetries(0)
                .responseTimeout(Duration.ofMillis(100)).build()) {
            assertThatThrownBy(() -> impatient.interactions().create(request()))
                    .isInstanceOf(CortiTimeoutException.class);
        }
    }

    @Test
    void aDroppedConnectionIsATransportErrorAndAGetRetriesPastIt() {
        emulator.faults().dropNext(1);
        assertThatThrownBy(() -> client.interactions().create(request())).isInstanceOf(CortiTransportException.class);

        emulator.faults().dropNext(1);
        assertThat(client.interactions().list().stream()).hasSize(0);
        assertThat(apiStatuses()).containsExactly(0, 0, 200);
        assertThat(emulator.interactionCount(CortiEmulator.DEFAULT_TENANT)).isZero();
    }

    @Test
    void theTokenEndpointIsNeverFaulted() {
        emulator.faults().failNext(1, 500);

        assertThatThrownBy(() -> client.interactions().create(request())).isInstanceOf(ServerException.class);
        assertThat(emulator.exchanges()).extracting(RecordedExchange::status).containsExactly(200, 500);
    }

    @Test
    void faultsAreValidatedAndCanBeCleared() {
        assertThatThrownBy(() -> emulator.faults().failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().failNext(0, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().delayNext(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);

        emulator.faults().failNext(2, 500).delayNext(1, Duration.ofSeconds(1));
        assertThat(emulator.faults().pending()).isEqualTo(3);
        emulator.faults().clear();
        assertThat(emulator.faults().pending()).isZero();
    }

    private java.util.List<Integer> apiStatuses() {
        return emulator.exchanges().stream().filter(e -> !RecordedExchange.TOKEN.equals(e.operationId()))
                .map(RecordedExchange::status).toList();
    }

    private static InteractionsCreateRequest request() {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest().identifier("enc")
                .status(InteractionsEncounterStatusEnum.PLANNED).type(InteractionsEncounterTypeEnum.OUTPATIENT));
    }
}
