package ai.corti.client.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Flux;

/** Waits, boundedly and without sleeping, for something another thread does. */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private Await() {
    }

    /** Asserts the condition becomes true within a few seconds, polling on a timer. */
    public static void until(BooleanSupplier condition, String what) {
        Boolean last = Flux.interval(Duration.ZERO, POLL)
                .map(tick -> condition.getAsBoolean())
                .takeUntil(done -> done)
                .take(LIMIT)
                .blockLast(LIMIT.plusSeconds(1));
        assertThat(last).as(what).isTrue();
    }
}
