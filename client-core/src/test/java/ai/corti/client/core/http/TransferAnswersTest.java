package ai.corti.client.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.TokenProvider;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.error.Problem;
import ai.corti.client.core.error.UnauthorizedException;
import ai.corti.client.core.internal.http.RequestBody;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Error answers and refused tokens on the two transfer paths: a download's error status is the same typed
 * exception a JSON call gets, and a 401 resends a request only when its body can be sent again.
 */
class TransferAnswersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PROBLEM = "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"no such recording\"}";

    /** Hands out token-1, token-2, ... and agrees to replace a refused one. */
    private final AtomicInteger issued = new AtomicInteger();
    private final TokenProvider rotating = new TokenProvider() {
        @Override
        public Mono<AccessToken> getToken() {
            return Mono.fromSupplier(() -> AccessToken.nonExpiring("token-" + issued.incrementAndGet()));
        }

        @Override
        public boolean invalidate(AccessToken rejected) {
            return true;
        }
    };

    private ScriptedServer server;
    private HttpPipeline pipeline;

    @BeforeEach
    void start() {
        server = ScriptedServer.start();
        pipeline = new HttpPipeline(TestOptions.forServer(server).tokenProvider(rotating).build());
    }

    @AfterEach
    void stop() {
        pipeline.closeAndWait(Duration.ofSeconds(5));
        server.close();
    }

    @Test
    void aDownloadAnswered404IsNotFoundWithTheProblem() {
        server.enqueue(Reply.of(404, "application/problem+json", PROBLEM));

        Throwable thrown = catchThrowable(() -> pipeline.download(ApiRequest.of("GET", "/recordings/1"),
                RequestOptions.DEFAULT).blockLast(WAIT));

        assertThat(thrown).isInstanceOf(NotFoundException.class);
        NotFoundException notFound = (NotFoundException) thrown;
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.problem()).map(Problem::detail).hasValue("no such recording");
    }

    @Test
    void aDownloadWhoseTokenIsRefusedIsSentOnceMoreWithAFreshOne() {
        server.enqueue(Reply.json(401, "{}"), Reply.of(200, "audio/wav", "RIFF-bytes"));

        List<ByteBuffer> chunks = pipeline.download(ApiRequest.of("GET", "/recordings/1"), RequestOptions.DEFAULT)
                .collectList().block(WAIT);

        assertThat(text(chunks)).isEqualTo("RIFF-bytes");
        assertThat(server.received()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void aOneShotUploadWhoseTokenIsRefusedIsNotSentAgain() {
        server.enqueue(Reply.json(401, "{\"status\":401,\"title\":\"Unauthorized\"}"), Reply.json(201, "{}"));
        AtomicInteger reads = new AtomicInteger();
        Flux<ByteBuffer> once = Flux.defer(() -> {
            reads.incrementAndGet();
            return Flux.just(ByteBuffer.wrap("audio".getBytes(StandardCharsets.UTF_8)));
        });
        ApiRequest upload = new ApiRequest("POST", "/recordings", List.of(), Map.of(),
                new RequestBody.Streamed(once, 5, "application/octet-stream", false));

        Throwable thrown = catchThrowable(() -> pipeline.execute(upload, JsonNode.class, RequestOptions.DEFAULT)
                .block(WAIT));

        assertThat(thrown).isInstanceOf(UnauthorizedException.class);
        assertThat(reads).as("times the body was read").hasValue(1);
        assertThat(server.received()).hasSize(1);
        // The refused token is dropped all the same: the next call asks for a fresh one.
        server.enqueue(Reply.json(200, "{}"));
        pipeline.execute(ApiRequest.of("GET", "/x"), JsonNode.class, RequestOptions.DEFAULT).block(WAIT);
        assertThat(server.received().get(1).header("Authorization")).isEqualTo("Bearer token-2");
    }

    @Test
    void anUploadThatCanBeReadAgainIsSentAgainWithAFreshToken() {
        server.enqueue(Reply.json(401, "{}"), Reply.json(201, "{\"ok\":true}"));
        Flux<ByteBuffer> replayable = Flux.defer(() -> Flux.just(ByteBuffer.wrap(
                "audio".getBytes(StandardCharsets.UTF_8))));
        ApiRequest upload = new ApiRequest("POST", "/recordings", List.of(), Map.of(),
                new RequestBody.Streamed(replayable, 5, "application/octet-stream", true));

        int status = pipeline.execute(upload, JsonNode.class, RequestOptions.DEFAULT).block(WAIT).statusCode();

        assertThat(status).isEqualTo(201);
        assertThat(server.received()).extracting(ScriptedServer.Received::body).containsExactly("audio", "audio");
    }

    private static String text(List<ByteBuffer> chunks) {
        StringBuilder out = new StringBuilder();
        chunks.forEach(chunk -> out.append(StandardCharsets.UTF_8.decode(chunk)));
        return out.toString();
    }
}
