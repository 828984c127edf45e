package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.it.support.Await;
import ai.corti.it.support.Facade;
import ai.corti.it.support.InteractionsApi;
import ai.corti.it.support.LeakCheck;
import ai.corti.it.support.MockCorti;
import ai.corti.it.support.MockCortiExtension;
import ai.corti.client.core.testing.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockserver.model.Delay;
import org.mockserver.model.HttpRequest;

/** Token endpoint faults and token lifecycle, on both facades. */
@ExtendWith(LeakCheck.class)
class TokenFaultTest {

    private static final String SECRET = "s3cr3t-Do-Not-Print";
    private static final Duration BUDGET = FaultMatrixTest.BUDGET;
    private static final HttpRequest TOKEN = request().withMethod("POST").withPath(MockCorti.TOKEN_PATH);

    @RegisterExtension
    static final MockCortiExtension MOCK = new MockCortiExtension();
    private InteractionsApi api;
    private MutableClock clock;

    @BeforeEach
    void newClock() {
        clock = new MutableClock();
    }

    @AfterEach
    void closeClient() {
        if (api != null) {
            Await.until(() -> api.activeConnections() == 0, Duration.ofSeconds(3));
            assertThat(api.activeConnections()).isZero();
            api.close();
        }
    }

    private InteractionsApi connect(Facade facade, String tokenUrl) {
        api = facade.connect(b -> b.tenantName("base").baseUrl(MOCK.mock().baseUrl()).tokenUrl(tokenUrl)
                .clientCredentials("token-client", SECRET)
                .retryOptions(FaultMatrixTest.FAST_RETRIES)
                .responseTimeout(FaultMatrixTest.RESPONSE_TIMEOUT)
                .callTimeout(BUDGET)
                .clock(clock));
        return api;
    }

    private static Throwable timed(Runnable call) {
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(call::run);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThanOrEqualTo(BUDGET.toMillis());
        return thrown;
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void badCredentialsGiveAClearAuthenticationErrorWithoutTheSecret(Facade facade) {
        MOCK.mock().fault(TOKEN, 1, MockCorti.json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}"));

        Throwable thrown = timed(() -> connect(facade, MOCK.mock().tokenUrl()).get(UUID.randomUUID()));

        assertThat(thrown).isExactlyInstanceOf(CortiAuthenticationException.class)
                .hasMessageContaining(MOCK.mock().tokenUrl())
                .hasMessageContaining("401")
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining(SECRET);
        assertThat(((CortiAuthenticationException) thrown).statusCode()).isEqualTo(401);
        assertThat(MOCK.mock().apiRequests()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void tokenEndpointDown(Facade facade) throws IOException {
        String deadUrl;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadUrl = "http://127.0.0.1:" + socket.getLocalPort() + MockCorti.TOKEN_PATH;
        } // closed: nothing listens there any more

        Throwable thrown = timed(() -> connect(facade, deadUrl).get(UUID.randomUUID()));

        assertThat(thrown).isExactlyInstanceOf(CortiAuthenticationException.class)
                .hasMessageContaining("could not be reached")
                .hasMessageNotContaining(SECRET);
        assertThat(MOCK.mock().apiRequests()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void tokenEndpointSlow(Facade facade) {
        MOCK.mock().faultAlways(TOKEN, MockCorti.json(200, Fixtures.token("late", 300)).withDelay(Delay.seconds(2)));

        Throwable thrown = timed(() -> connect(facade, MOCK.mock().tokenUrl()).get(UUID.randomUUID()));

        assertThat(thrown).isExactlyInstanceOf(CortiAuthenticationException.class)
                .hasMessageContaining("did not answer within " + FaultMatrixTest.RESPONSE_TIMEOUT);
        assertThat(MOCK.mock().apiRequests()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void aTokenExpiringMidRunIsRefreshedAndNoCallFails(Facade facade) {
        InteractionsApi client = connect(facade, MOCK.mock().tokenUrl());

        for (int i = 0; i < 3; i++) {
            client.get(UUID.randomUUID());
        }
        clock.advance(Duration.ofSeconds(200)); // past refresh-ahead (300 s token, refreshed 2 min early)
        for (int i = 0; i < 3; i++) {
            client.get(UUID.randomUUID());
        }

        assertThat(MOCK.mock().tokenRequests()).isEqualTo(2);
        assertThat(MOCK.mock().apiRequests()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void anApiUnauthorizedTriggersOneRefreshAndOneRetry(Facade facade) {
        UUID id = UUID.randomUUID();
        HttpRequest get = request().withMethod("GET").withPath("/v2/interactions/" + id);
        MOCK.mock().fault(get, 1, response().withStatusCode(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""));

        InteractionsGetResponse got = connect(facade, MOCK.mock().tokenUrl()).get(id);

        assertThat(got.getId()).isNotNull();
        assertThat(MOCK.mock().count(get)).isEqualTo(2);
        assertThat(MOCK.mock().tokenRequests()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void fiftyConcurrentCallsAtExpiryCauseExactlyOneTokenRequest(Facade facade) {
        InteractionsApi client = connect(facade, MOCK.mock().tokenUrl());
        client.get(UUID.randomUUID());
        assertThat(MOCK.mock().tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(301)); // the cached token has expired
        MOCK.mock().faultAlways(TOKEN, MockCorti.json(200, Fixtures.token("fresh", 300)).withDelay(Delay.milliseconds(200)));
        List<UUID> ids = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList();

        List<InteractionsGetResponse> all = client.getConcurrently(ids, 50);

        assertThat(all).hasSize(50).allSatisfy(i -> assertThat(i.getId()).isNotNull());
        assertThat(MOCK.mock().tokenRequests()).isEqualTo(2); // the first one, and exactly one at expiry
        assertThat(MOCK.mock().apiRequests()).isEqualTo(51);
    }
}
