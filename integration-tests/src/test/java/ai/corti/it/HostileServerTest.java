package ai.corti.it;

import static ai.corti.client.core.testing.HostileServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.CortiClientClosedException;
import ai.corti.client.core.error.CortiDecodingException;
import ai.corti.client.core.error.CortiPaginationException;
import ai.corti.client.core.error.CortiResponseTooLargeException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.core.testing.HostileServer;
import ai.corti.client.core.testing.Secrets;
import ai.corti.it.support.Facade;
import ai.corti.it.support.InteractionsApi;
import ai.corti.it.support.LeakCheck;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hardening rules through both public facades, against a server that misbehaves at byte level (the core's
 * tests cover each rule in depth; these prove the facades inherit them). Runs under BlockHound and paranoid leak
 * detection like the rest of the module.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class HostileServerTest {

    private static final String TOKEN_PATH = "/realms/base/protocol/openid-connect/token";
    private static final String TOKEN = "eyJ.hostile-test-token/x+y=";
    private static final UUID ID = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");

    private final HostileServer server = HostileServer.start();
    private InteractionsApi api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
        server.close();
    }

    private InteractionsApi connect(Facade facade, Duration responseTimeout) {
        api = facade.connect(b -> b.tenantName("base").baseUrl(server.url() + "/v2").tokenUrl(server.url() + TOKEN_PATH)
                .clientCredentials("hostile-client", "hostile-secret").maxResponseSize(256 * 1024)
                .responseTimeout(responseTimeout).maxRetries(0));
        server.enqueue(json(200, Fixtures.token(TOKEN, 300)));
        return api;
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void anAnswerOverTheLimitFailsTypedAndItsConnectionIsClosed(Facade facade) {
        connect(facade, Duration.ofSeconds(10));
        server.enqueue(HostileServer.huge(200, "application/json", 50L * 1024 * 1024, false, (byte) ' '));

        Throwable error = catchThrowable(() -> api.get(ID));

        assertThat(error).isInstanceOf(CortiResponseTooLargeException.class).hasMessageContaining("262144-byte limit");
        ai.corti.client.core.testing.Await.until(() -> server.connectionsClosed() >= 1,
                "the client closed the connection");
        assertThat(api.activeConnections()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void aGzipBombIsStoppedAtTheLimit(Facade facade) {
        connect(facade, Duration.ofSeconds(10));
        server.enqueue(HostileServer.gzipBomb(200, 256L * 1024 * 1024));

        assertThat(catchThrowable(() -> api.get(ID))).isInstanceOf(CortiResponseTooLargeException.class);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void anErrorPageEchoingTheRequestNeverShowsTheToken(Facade facade) {
        connect(facade, Duration.ofSeconds(10));
        server.enqueue(HostileServer.echoing(500, "text/html", r -> "<pre>" + r.echo() + "</pre>"));

        Throwable error = catchThrowable(() -> api.get(ID));

        assertThat(error).isInstanceOf(CortiApiException.class);
        Secrets.assertNoneIn(error, TOKEN, "hostile-secret");
        assertThat(server.received("/v2/interactions/" + ID).get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void aTricklingAnswerEndsAtTheResponseTimeout(Facade facade) {
        connect(facade, Duration.ofSeconds(1));
        server.enqueue(HostileServer.trickling(200, Fixtures.interaction(ID), Duration.ofMillis(200)));

        long started = System.nanoTime();
        Throwable error = catchThrowable(() -> api.get(ID));

        assertThat(error).isInstanceOf(CortiTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void aListingOfAServerThatIgnoresIndexEnds(Facade facade) {
        connect(facade, Duration.ofSeconds(10));
        List<UUID> page = List.of(UUID.randomUUID(), UUID.randomUUID());
        server.otherwise(r -> json(200, Fixtures.page(page)));

        Throwable error = catchThrowable(() -> api.list(ListInteractionsRequest.builder().pageSize(2).build(), 1000));

        assertThat(error).isInstanceOf(CortiPaginationException.class);
        assertThat(server.received("/v2/interactions/")).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void aPageWithANullItemOrARepeatedKeyIsADecodingError(Facade facade) {
        connect(facade, Duration.ofSeconds(10));
        server.enqueue(json(200, "{\"interactions\":[" + Fixtures.interaction(ID) + ",null]}"),
                json(200, Fixtures.interaction(ID).replaceFirst("\\{", "{\"id\":\"" + UUID.randomUUID() + "\",")));

        assertThat(catchThrowable(() -> api.list(ListInteractionsRequest.all(), 10)))
                .isInstanceOf(CortiDecodingException.class).hasMessageContaining("null item");
        assertThat(catchThrowable(() -> api.get(ID))).isInstanceOf(CortiDecodingException.class)
                .hasMessageContaining("Duplicate field 'id'");
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void closeEndsACallInFlightAndRefusesTheNextOne(Facade facade) throws Exception {
        connect(facade, Duration.ofSeconds(30));
        server.otherwise(r -> HostileServer.silent());
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Throwable> inFlight = CompletableFuture.supplyAsync(() -> catchThrowable(() -> api.get(ID)),
                    caller);
            ai.corti.client.core.testing.Await.until(() -> server.received("/v2/interactions/" + ID).size() == 1,
                    "the call reached the server");

            api.close();

            assertThat(inFlight.get(5, TimeUnit.SECONDS)).isInstanceOf(CortiClientClosedException.class);
            assertThat(catchThrowable(() -> api.get(ID))).isInstanceOf(CortiClientClosedException.class);
            assertThat(server.received()).hasSize(2); // the token and the one call; nothing after close
        } finally {
            caller.shutdownNow();
        }
    }
}
