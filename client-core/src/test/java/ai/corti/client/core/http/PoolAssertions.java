package ai.corti.client.core.http;

import ai.corti.client.core.internal.pipeline.HttpPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.IntSupplier;
import reactor.core.publisher.Flux;

/** Waits, boundedly and without sleeping, for a pool to reach a number of checked-out connections. */
public final class PoolAssertions {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private PoolAssertions() {
    }

    /**
     * Asserts the pipeline's pool gets to no checked-out connection within a few seconds.
     *
     * @param pipeline the pipeline
     */
    public static void awaitNoActiveConnections(HttpPipeline pipeline) {
        awaitActive(pipeline::activeConnections, 0);
    }

    /**
     * Asserts a count reaches a value within a few seconds.
     *
     * @param active   reads the count
     * @param expected the value to reach
     */
    public static void awaitActive(IntSupplier active, int expected) {
        Integer last = Flux.interval(Duration.ZERO, POLL)
                .map(tick -> active.getAsInt())
                .takeUntil(n -> n == expected)
                .take(LIMIT)
                .blockLast(LIMIT.plusSeconds(1));
        assertThat(last).as("connections checked out of the pool").isEqualTo(expected);
    }
}
