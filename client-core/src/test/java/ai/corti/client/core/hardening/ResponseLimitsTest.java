package ai.corti.client.core.hardening;

import static ai.corti.client.core.testing.HostileServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiResponseTooLargeException;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.testing.Await;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.core.testing.HostileServer;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Answers larger than the client reads into memory: counted as they arrive (after decompression), refused past the
 * limit with a typed exception naming it, and the connection closed rather than pooled. Limits are small here so
 * the test runs in the ordinary fork; the memory bombs with default limits run in a small-heap fork in the
 * integration tests.
 */
@Timeout(20)
class ResponseLimitsTest {

    private static final long LIMIT = 64 * 1024;
    private static final long ERROR_LIMIT = 8 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HostileServer server = HostileServer.start();
    private HttpPipeline pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        server.close();
    }

    private HttpPipeline pipeline(TestOptions options) {
        pipeline = new HttpPipeline(options.maxResponseSize(LIMIT).maxErrorResponseSize(ERROR_LIMIT).build());
        return pipeline;
    }

    private HttpPipeline bearerPipeline() {
        return pipeline(TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2").bearerToken("t"));
    }

    private CortiResponseTooLargeException tooLarge() {
        return catchThrowableOfType(CortiResponseTooLargeException.class, () -> pipeline.execute(
                ApiRequest.of("GET", "/interactions/"), JsonNode.class, RequestOptions.DEFAULT).block(WAIT));
    }

    private void assertTheConnectionWasClosedByTheClient() {
        // The hostile server keeps connections alive: only the client can have closed it.
        Await.until(() -> server.connectionsOpened() > 0 && server.connectionsClosed() == server.connectionsOpened(),
                "the client closed the connection instead of returning it to the pool");
        Await.until(() -> pipeline.activeConnections() == 0, "no connection checked out");
    }

    @Test
    void anAnnouncedBodyOverTheLimitIsRefusedOnItsHeaders() {
        bearerPipeline();
        server.enqueue(HostileServer.huge(200, "application/json", 10 * LIMIT, true, (byte) 'a'));

        CortiResponseTooLargeException error = tooLarge();

        assertThat(error.limit()).isEqualTo(LIMIT);
        assertThat(error.statusCode()).isEqualTo(200);
        assertThat(error).hasMessageContaining("GET /v2/interactions/ -> HTTP 200")
                .hasMessageContaining(LIMIT + "-byte limit");
        assertTheConnectionWasClosedByTheClient();
    }

    @Test
    void aChunkedBodyIsCountedAsItArrivesAndStoppedAtTheLimit() {
        bearerPipeline();
        server.enqueue(HostileServer.huge(200, "application/json", 200L * 1024 * 1024, false, (byte) 'a'));

        CortiResponseTooLargeException error = tooLarge();

        assertThat(error.limit()).isEqualTo(LIMIT);
        assertTheConnectionWasClosedByTheClient();
    }

    @Test
    void aGzipBombIsCountedOnTheInflatedBytes() {
        bearerPipeline();
        HostileServer.Answer bomb = HostileServer.gzipBomb(200, 64L * 1024 * 1024);
        server.enqueue(bomb);

        CortiResponseTooLargeException error = tooLarge();

        assertThat(error.limit()).isEqualTo(LIMIT);
        assertThat(server.received("/v2/interactions/").get(0).header("Accept-Encoding")).contains("gzip");
        assertTheConnectionWasClosedByTheClient();
    }

    @Test
    void anErrorBodyHasItsOwnSmallerLimit() {
        bearerPipeline();
        server.enqueue(HostileServer.huge(502, "text/html", 2 * ERROR_LIMIT, false, (byte) 'x'));

        CortiResponseTooLargeException error = tooLarge();

        assertThat(error.limit()).isEqualTo(ERROR_LIMIT);
        assertThat(error.statusCode()).isEqualTo(502);
        assertThat(error).hasMessageContaining("error answers");
        assertThat(server.received()).as("a too-large answer is not retried, even for a GET").hasSize(1);
    }

    @Test
    void aBodyExactlyAtTheLimitIsRead() {
        bearerPipeline();
        String body = "{\"pad\":\"" + "a".repeat((int) LIMIT - 10) + "\"}";
        assertThat(body).hasSize((int) LIMIT);
        server.enqueue(json(200, body));

        JsonNode value = pipeline.execute(ApiRequest.of("GET", "/interactions/"), JsonNode.class,
                RequestOptions.DEFAULT).block(WAIT).value();

        assertThat(value.get("pad").asText()).hasSize((int) LIMIT - 10);
    }

    @Test
    void aTokenAnswerOverTheLimitFailsThatFetchOnlyAndTheNextCallFetchesAnew() {
        pipeline(TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2")
                .tokenUrl(server.url() + "/realms/base/protocol/openid-connect/token").clientCredentials("id", "secret"));
        server.enqueue(HostileServer.huge(200, "application/json", 10 * ERROR_LIMIT, false, (byte) 'a'),
                json(200, Fixtures.token("fresh-token", 300)), json(200, "{\"ok\":true}"));

        CortiAuthenticationException error = catchThrowableOfType(CortiAuthenticationException.class,
                () -> pipeline.execute(ApiRequest.of("GET", "/interactions/"), JsonNode.class, RequestOptions.DEFAULT)
                        .block(WAIT));
        JsonNode next = pipeline.execute(ApiRequest.of("GET", "/interactions/"), JsonNode.class,
                RequestOptions.DEFAULT).block(WAIT).value();

        assertThat(error).hasMessageContaining(ERROR_LIMIT + "-byte limit");
        assertThat(next.get("ok").asBoolean()).isTrue();
        assertThat(server.received("/realms/base/protocol/openid-connect/token")).hasSize(2);
        assertThat(server.received("/v2/interactions/").get(0).header("Authorization")).isEqualTo("Bearer fresh-token");
    }
}
