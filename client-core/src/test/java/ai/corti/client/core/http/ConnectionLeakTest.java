package ai.corti.client.core.http;

import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.internal.http.ReactorNettyTransport;
import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.TestTransports;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Cancelling a call frees its connection; nothing stays checked out of the pool. */
@Timeout(10)
class ConnectionLeakTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Long enough that the test always cancels first; the server is closed right after. */
    private static final Duration SERVER_DELAY = Duration.ofMillis(1500);

    private final ScriptedServer server = ScriptedServer.start();
    private final HttpPipeline pipeline = new HttpPipeline(TestOptions.forServer(server).maxRetries(0).build());

    @AfterEach
    void close() {
        pipeline.close();
        server.close();
    }

    private Mono<CortiResponse<JsonNode>> get() {
        return pipeline.execute(ApiRequest.of("GET", "/interactions/abc"), JsonNode.class, RequestOptions.DEFAULT);
    }

    private void awaitReceived(int requests) {
        Flux.interval(Duration.ZERO, Duration.ofMillis(10))
                .takeUntil(tick -> server.received().size() >= requests)
                .blockLast(TIMEOUT);
        assertThat(server.received()).hasSize(requests);
    }

    @Test
    void cancellingAnInFlightCallReleasesItsConnection() {
        server.otherwise(r -> Reply.delayed(SERVER_DELAY, Reply.json(200, "{}")));

        Disposable call = get().subscribe(r -> { }, e -> { });
        awaitReceived(1);
        PoolAssertions.awaitActive(pipeline::activeConnections, 1); // in flight: the check below can fail

        call.dispose();

        PoolAssertions.awaitNoActiveConnections(pipeline);
    }

    @Test
    void cancellingManyInFlightCallsReleasesEveryConnection() {
        server.otherwise(r -> Reply.delayed(SERVER_DELAY, Reply.json(200, "{}")));

        List<Disposable> calls = IntStream.range(0, 20).mapToObj(i -> get().subscribe(r -> { }, e -> { })).toList();
        awaitReceived(20);
        PoolAssertions.awaitActive(pipeline::activeConnections, 20);

        calls.forEach(Disposable::dispose);

        PoolAssertions.awaitNoActiveConnections(pipeline);
    }

    @Test
    void aCallerSideTimeoutCancelsAndReleasesTheConnection() {
        server.otherwise(r -> Reply.delayed(SERVER_DELAY, Reply.json(200, "{}")));

        StepVerifier.create(get().timeout(Duration.ofMillis(200)))
                .expectError(TimeoutException.class)
                .verify(TIMEOUT);

        assertThat(server.received()).hasSize(1);
        PoolAssertions.awaitNoActiveConnections(pipeline);
    }

    @Test
    void thePipelineWorksAfterACancellation() {
        server.enqueue(Reply.delayed(SERVER_DELAY, Reply.json(200, "{}")), Reply.json(200, "{\"second\":true}"));

        Disposable call = get().subscribe(r -> { }, e -> { });
        awaitReceived(1);
        call.dispose();
        PoolAssertions.awaitNoActiveConnections(pipeline);

        assertThat(get().block(TIMEOUT).value().get("second").asBoolean()).isTrue();
        PoolAssertions.awaitNoActiveConnections(pipeline);
    }

    @Test
    void aCancelledExchangeClosesItsConnectionWhileACompletedOneStaysPooled() {
        server.enqueue(Reply.json(200, "{}"), Reply.delayed(SERVER_DELAY, Reply.json(200, "{}")));
        try (ReactorNettyTransport transport = TestTransports.create(pipeline.options().pool())) {
            URI uri = URI.create(server.url() + "/v2/interactions/abc");

            transport.exchange(TestTransports.get(uri.toString(), Duration.ofSeconds(5))).block(TIMEOUT);
            PoolAssertions.awaitActive(transport::activeConnections, 0);
            assertThat(transport.openConnections()).as("kept alive for reuse").isEqualTo(1);

            Disposable cancelled = transport.exchange(TestTransports.get(uri.toString(), Duration.ofSeconds(5)))
                    .subscribe(r -> { }, e -> { });
            awaitReceived(2);
            PoolAssertions.awaitActive(transport::activeConnections, 1);
            cancelled.dispose();

            PoolAssertions.awaitActive(transport::activeConnections, 0);
            // A half-read connection must not go back to the pool for the next caller.
            PoolAssertions.awaitActive(transport::openConnections, 0);
        }
    }
}
