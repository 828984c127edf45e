package ai.corti.client.core.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.core.testing.HostileServer;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that trickles its answer cannot stretch a call: {@code responseTimeout} bounds the whole answer, not
 * each read, and the token fetch has its own overall deadline. The server really trickles (one byte every 200 or
 * 300 ms, in real time); the assertions are on what the client does, with generous margins for a loaded machine.
 */
@Timeout(20)
class DeadlinesTest {

    private static final String TOKEN_PATH = "/realms/base/protocol/openid-connect/token";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final HostileServer server = HostileServer.start();
    private HttpPipeline pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        server.close();
    }

    @Test
    void aTricklingBodyEndsAtTheResponseTimeoutNotAtTheCallBudget() {
        pipeline = new HttpPipeline(TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2")
                .bearerToken("t").responseTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(20))
                .maxRetries(0).build());
        // 100 bytes at one per 200 ms is 20 s; an idle timeout, reset by every byte, would never fire.
        server.enqueue(HostileServer.trickling(200, "{\"pad\":\"" + "a".repeat(90) + "\"}", Duration.ofMillis(200)));

        long started = System.nanoTime();
        CortiTimeoutException error = catchThrowableOfType(CortiTimeoutException.class, () -> pipeline.execute(
                ApiRequest.of("GET", "/interactions/"), JsonNode.class, RequestOptions.DEFAULT).block(WAIT));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(error.wholeCall()).as("the attempt's deadline, not the call budget").isFalse();
        assertThat(error.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aTricklingTokenEndpointFailsTheFetchAtItsDeadlineAndTheNextCallFetchesAnew() {
        pipeline = new HttpPipeline(TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2")
                .tokenUrl(server.url() + TOKEN_PATH).clientCredentials("id", "secret")
                .responseTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(20)).build());
        server.enqueue(HostileServer.trickling(200, Fixtures.token("slow-token", 300), Duration.ofMillis(300)),
                HostileServer.json(200, Fixtures.token("quick-token", 300)),
                HostileServer.json(200, "{\"ok\":true}"));

        long started = System.nanoTime();
        CortiAuthenticationException error = catchThrowableOfType(CortiAuthenticationException.class,
                () -> pipeline.execute(ApiRequest.of("GET", "/interactions/"), JsonNode.class, RequestOptions.DEFAULT)
                        .block(WAIT));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        JsonNode next = pipeline.execute(ApiRequest.of("GET", "/interactions/"), JsonNode.class,
                RequestOptions.DEFAULT).block(WAIT).value();

        assertThat(error).hasMessageContaining("did not answer within PT1S");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(next.get("ok").asBoolean()).isTrue();
        assertThat(server.received(TOKEN_PATH)).hasSize(2);
        assertThat(server.received("/v2/interactions/").get(0).header("Authorization")).isEqualTo("Bearer quick-token");
    }
}
