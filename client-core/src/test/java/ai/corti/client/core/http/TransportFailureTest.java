package ai.corti.client.core.http;

import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.auth.OAuthFixtures;
import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failures below HTTP, on real sockets: each surfaces as one of the SDK's exceptions (never a Netty,
 * Reactor Netty or Jackson type) and leaves no connection checked out.
 */
@Timeout(10)
class TransportFailureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ScriptedServer server = ScriptedServer.start();
    private HttpPipeline pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        server.close();
    }

    private HttpPipeline pipeline(CortiClientOptions options) {
        pipeline = new HttpPipeline(options);
        return pipeline;
    }

    private Throwable call(String method) {
        Object body = method.equals("GET") ? null : Map.of("k", "v");
        Throwable error = catchThrowable(() -> pipeline.execute(new ApiRequest(method, "/interactions/abc", List.of(),
                body), JsonNode.class, RequestOptions.DEFAULT).block(TIMEOUT));
        assertThat(error).isInstanceOf(CortiException.class);
        assertThat(error.getClass().getPackageName()).isEqualTo("ai.corti.client.core.error");
        PoolAssertions.awaitNoActiveConnections(pipeline);
        return error;
    }

    @Test
    void connectionRefusedIsATransportErrorThatNeverSentTheRequest() throws Exception {
        int port = OAuthFixtures.closedPort();
        pipeline(TestOptions.builder().tenantName("base").baseUrl("http://127.0.0.1:" + port + "/v2")
                .bearerToken("test-token").maxRetries(0).build());

        Throwable error = call("GET");

        assertThat(error).isExactlyInstanceOf(CortiTransportException.class);
        assertThat(((CortiTransportException) error).requestNeverSent()).isTrue();
        assertThat(error.getMessage()).startsWith("GET /v2/interactions/abc: could not connect");
    }

    @Test
    void droppedConnectionIsATransportErrorThatMayHaveBeenSent() {
        server.enqueue(Reply.drop());
        pipeline(TestOptions.forServer(server).maxRetries(0).build());

        Throwable error = call("POST");

        assertThat(error).isExactlyInstanceOf(CortiTransportException.class);
        assertThat(((CortiTransportException) error).requestNeverSent()).isFalse();
        assertThat(error.getMessage()).startsWith("POST /v2/interactions/abc: connection failed");
        assertThat(server.received()).hasSize(1); // it did reach the server: not safe to resend a POST
    }

    @Test
    void responseSlowerThanTheResponseTimeoutIsAnAttemptTimeout() {
        server.enqueue(Reply.delayed(Duration.ofSeconds(1), Reply.json(200, "{}")));
        pipeline(TestOptions.forServer(server).maxRetries(0).responseTimeout(Duration.ofMillis(300)).build());

        long started = System.nanoTime();
        Throwable error = call("GET");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(error).isExactlyInstanceOf(CortiTimeoutException.class);
        CortiTimeoutException timeout = (CortiTimeoutException) error;
        assertThat(timeout.wholeCall()).isFalse();
        assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(error.getMessage()).isEqualTo("GET /v2/interactions/abc: no complete answer within PT0.3S");
        assertThat(tookMillis).isLessThan(1000);
    }

    @Test
    void callBudgetRunningOutIsAWholeCallTimeout() {
        server.enqueue(Reply.delayed(Duration.ofSeconds(1), Reply.json(200, "{}")));
        pipeline(TestOptions.forServer(server).responseTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofMillis(300)).build());

        Throwable error = call("GET");

        assertThat(error).isExactlyInstanceOf(CortiTimeoutException.class);
        CortiTimeoutException timeout = (CortiTimeoutException) error;
        assertThat(timeout.wholeCall()).isTrue();
        assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(error.getMessage()).contains("call budget of PT0.3S").contains("1 attempts");
    }

    @Test
    void perCallTimeoutOverridesTheClientBudget() {
        server.enqueue(Reply.delayed(Duration.ofSeconds(1), Reply.json(200, "{}")));
        pipeline(TestOptions.forServer(server).build());

        Throwable error = catchThrowable(() -> pipeline.execute(ApiRequest.of("GET", "/interactions/abc"),
                JsonNode.class, RequestOptions.builder().timeout(Duration.ofMillis(200)).build()).block(TIMEOUT));

        assertThat(error).isExactlyInstanceOf(CortiTimeoutException.class);
        assertThat(((CortiTimeoutException) error).timeout()).isEqualTo(Duration.ofMillis(200));
        PoolAssertions.awaitNoActiveConnections(pipeline);
    }

    @Test
    void aFailedExchangeDoesNotPoisonThePool() {
        server.enqueue(Reply.drop(), Reply.json(200, "{\"ok\":true}"));
        pipeline(TestOptions.forServer(server).maxRetries(0).build());

        call("GET");
        JsonNode next = pipeline.execute(ApiRequest.of("GET", "/interactions/abc"), JsonNode.class,
                RequestOptions.DEFAULT).block(TIMEOUT).value();

        assertThat(next.get("ok").asBoolean()).isTrue();
        PoolAssertions.awaitNoActiveConnections(pipeline);
    }
}
