package ai.corti.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Flux;

/** Polls a condition on a timer (no Thread.sleep), for state that settles asynchronously. */
public final class Await {

    private Await() {
    }

    /** Waits until the condition holds or the limit passes; the caller asserts afterwards. */
    public static void until(BooleanSupplier condition, Duration limit) {
        if (condition.getAsBoolean()) {
            return;
        }
        Flux.interval(Duration.ofMillis(10)).takeUntil(i -> condition.getAsBoolean()).take(limit).blockLast();
    }
}
