package ai.corti.client.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.error.CortiClientClosedException;
import ai.corti.client.core.internal.http.ReactorNettyTransport;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestTransports;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Closing the transport on its own (the pipeline ends its calls itself): it does not track each exchange, so an
 * exchange in flight ends as the event loops stop under it, and is named for the close, not as a network failure.
 */
class TransportCloseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScriptedServer server = ScriptedServer.start();
    private final ReactorNettyTransport transport = TestTransports.create();

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    @Test
    void anExchangeInFlightEndsWithTheClosedErrorWhenTheTransportCloses() {
        server.enqueue((request, response) -> Mono.never());

        StepVerifier.create(transport.exchange(TestTransports.get(server.url() + "/slow", Duration.ofSeconds(30))))
                .expectSubscription()
                .then(() -> awaitRequest())
                .then(() -> transport.closeLater().block(WAIT))
                .expectError(CortiClientClosedException.class)
                .verify(WAIT);
    }

    @Test
    void anExchangeAfterCloseIsRefusedBeforeAnythingIsSent() {
        transport.closeLater().block(WAIT);

        StepVerifier.create(transport.exchange(TestTransports.get(server.url() + "/late", Duration.ofSeconds(5))))
                .expectError(CortiClientClosedException.class)
                .verify(WAIT);

        assertThat(server.received()).isEmpty();
    }

    private void awaitRequest() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.received().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the request never reached the server");
            }
            Thread.onSpinWait();
        }
    }
}
