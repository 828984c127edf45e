package ai.corti.client.core.internal.http;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.scheduler.Scheduler;

/**
 * Ends a single-valued publisher with an error when it has not ended by a deadline, and cancels it.
 *
 * <p>What {@code Mono.timeout(Mono.delay(..), Mono.error(..))} does, as one operator: every call of the SDK has a
 * deadline, and Reactor's general timeout (a serialiser, a switchable subscription, a delay publisher and its
 * subscriber, per call) showed in the profile of the per-call path. Here it is one subscriber and one timer task;
 * whichever of the value, the end, the error, the cancel and the deadline wins one compare-and-set is the only
 * thing that happens. Internal to the SDK.
 *
 * @param <T> the value
 */
public final class Deadline<T> extends MonoOperator<T, T> {

    private final Duration limit;
    private final Scheduler timer;
    private final Supplier<? extends Throwable> expired;

    private Deadline(Mono<T> source, Duration limit, Scheduler timer, Supplier<? extends Throwable> expired) {
        super(source);
        this.limit = limit;
        this.timer = timer;
        this.expired = expired;
    }

    /**
     * Bounds a publisher by a deadline that starts when it is subscribed.
     *
     * @param source  what to bound
     * @param limit   how long it may take, from its subscription to its value or end
     * @param timer   where the deadline runs
     * @param expired the error it ends with when the deadline passes first
     * @param <T>     the value
     * @return the bounded publisher
     */
    public static <T> Mono<T> of(Mono<T> source, Duration limit, Scheduler timer,
                                 Supplier<? extends Throwable> expired) {
        return new Deadline<>(source, limit, timer, expired);
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        Bound<T> bound = new Bound<>(actual, expired);
        actual.onSubscribe(bound);
        // Armed before the source is subscribed, so a deadline is always the first timer a call schedules (tests
        // in virtual time rely on the order); a deadline that fires before the source arrives cancels it on arrival.
        Disposable task;
        try {
            task = timer.schedule(bound, limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            task = null; // the client is closing: its shutdown ends the call
        }
        bound.arm(task);
        source.subscribe(bound);
    }

    /** The one subscriber: passes the first end on, or the deadline's error. */
    private static final class Bound<T> extends EndsOnce<T> implements Runnable {
        private final Supplier<? extends Throwable> expired;
        private volatile Disposable task;

        Bound(CoreSubscriber<? super T> actual, Supplier<? extends Throwable> expired) {
            super(actual);
            this.expired = expired;
        }

        /** Keeps the timer task, or cancels it at once when the call already ended. */
        void arm(Disposable scheduled) {
            task = scheduled;
            if (isEnded() && scheduled != null) {
                scheduled.dispose();
            }
        }

        @Override
        protected void ended() {
            Disposable scheduled = task;
            if (scheduled != null) {
                scheduled.dispose();
            }
        }

        /** The deadline passed. */
        @Override
        public void run() {
            endWith(expired.get());
        }
    }
}
