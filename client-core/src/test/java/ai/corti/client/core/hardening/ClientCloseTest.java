package ai.corti.client.core.hardening;

import static ai.corti.client.core.testing.HostileServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.error.CortiClientClosedException;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.retry.RetryOptions;
import ai.corti.client.core.testing.Await;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.core.testing.HostileServer;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code close()} stops the client: calls in flight end at once with {@link CortiClientClosedException} and send
 * nothing more (no retry, no token request), new calls are refused before anything is sent, and the threads the
 * client started stop.
 */
@Timeout(20)
class ClientCloseTest {

    private static final String TOKEN_PATH = "/realms/base/protocol/openid-connect/token";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final HostileServer server = HostileServer.start();
    private HttpPipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        server.close();
    }

    private HttpPipeline connect() {
        pipeline = new HttpPipeline(TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2")
                .tokenUrl(server.url() + TOKEN_PATH).clientCredentials("id", "secret")
                .retryOptions(new RetryOptions(5, Duration.ofMillis(50), Duration.ofMillis(200), 0.0,
                        Duration.ofSeconds(1)))
                .responseTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(60)).build());
        return pipeline;
    }

    private CompletableFuture<JsonNode> get() {
        return pipeline.execute(ApiRequest.of("GET", "/interactions/"), JsonNode.class, RequestOptions.DEFAULT)
                .map(r -> r.value()).toFuture();
    }

    private static CortiClientClosedException closedFailure(CompletableFuture<?> call) {
        return catchThrowableOfType(CortiClientClosedException.class, () -> {
            try {
                call.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void callsInFlightEndAtOnceAndNothingMoreIsSent() {
        connect();
        server.enqueue(json(200, Fixtures.token("t1", 300)));
        server.otherwise(r -> HostileServer.silent());
        List<CompletableFuture<JsonNode>> calls = IntStream.range(0, 5).mapToObj(i -> get()).toList();
        Await.until(() -> server.received("/v2/interactions/").size() == 5, "five calls reached the server");

        long started = System.nanoTime();
        pipeline.closeAndWait(WAIT);

        for (CompletableFuture<JsonNode> call : calls) {
            assertThat(closedFailure(call)).hasMessageContaining("closed");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT);
        // The client's threads are gone, so nothing can be sent any more: what the server got is final.
        assertThat(server.received("/v2/interactions/")).hasSize(5);
        assertThat(server.received(TOKEN_PATH)).hasSize(1);
    }

    @Test
    void aCallWaitingToRetryEndsAtOnceAndIsNotRetried() {
        connect();
        server.enqueue(json(200, Fixtures.token("t1", 300)), json(503, "{}", "Retry-After", "1"));
        CompletableFuture<JsonNode> call = get();
        Await.until(() -> server.received("/v2/interactions/").size() == 1, "the first attempt answered 503");

        pipeline.closeAndWait(WAIT);

        assertThat(closedFailure(call)).isNotNull();
        assertThat(server.received("/v2/interactions/")).as("no retry after close").hasSize(1);
    }

    @Test
    void aCallWaitingForItsTokenEndsAtOnce() {
        connect();
        server.enqueue(HostileServer.silent());
        CompletableFuture<JsonNode> call = get();
        Await.until(() -> server.received(TOKEN_PATH).size() == 1, "the token request is in flight");

        pipeline.closeAndWait(WAIT);

        assertThat(closedFailure(call)).isNotNull();
        assertThat(server.received("/v2/interactions/")).isEmpty();
    }

    @Test
    void aCallAfterCloseIsRefusedBeforeAnythingIsSent() {
        connect();
        pipeline.closeAndWait(WAIT);

        assertThat(closedFailure(get())).isNotNull();
        assertThat(server.received()).isEmpty();
        assertThat(server.connectionsOpened()).isZero();
    }

    @Test
    void theThreadsTheClientStartedStop() throws InterruptedException {
        connect();
        server.enqueue(json(200, Fixtures.token("t1", 300)), json(200, "{}"));
        get().join();
        String prefix = pipeline.name() + "-";
        List<Thread> started = threadsNamed(prefix);
        assertThat(started).as("the client's event loops and timer ran").isNotEmpty();

        pipeline.closeAndWait(WAIT);

        // Joined after the close, not only those that ran: an event loop no call used is started by its own
        // shutdown, and a loop's termination is signalled from its thread an instant before the thread ends.
        for (Thread thread : threadsNamed(prefix)) {
            thread.join(WAIT.toMillis());
        }
        assertThat(threadsNamed(prefix)).as("threads of the closed client").isEmpty();
    }

    private static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .toList();
    }
}
