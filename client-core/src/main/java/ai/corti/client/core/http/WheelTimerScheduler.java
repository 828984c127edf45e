package ai.corti.client.core.http;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The default timer for call budgets and retry backoff: a hashed wheel, on which arming and cancelling
 * a timeout is a lock-free queue operation. Every call arms a budget timer and almost every call cancels
 * it; on a {@code ScheduledThreadPoolExecutor} (Reactor's parallel scheduler) each of those takes a lock
 * and may wake a worker thread, which the benchmarks showed as a visible share of a call's CPU.
 *
 * <p>Precision is the wheel's tick (10 ms), ample for budgets and backoffs measured in seconds. A timer
 * that fires hands its task to {@link Schedulers#parallel()}, so nothing runs on the wheel's own thread.
 * Tests replace this scheduler with a virtual-time one through the client builder.
 */
public final class WheelTimerScheduler implements Scheduler {

    /** The one wheel of the process: a daemon thread that sleeps when no timeout is armed. */
    public static final WheelTimerScheduler INSTANCE = new WheelTimerScheduler();

    private final HashedWheelTimer wheel =
            new HashedWheelTimer(new DefaultThreadFactory("corti-timer", true), 10, TimeUnit.MILLISECONDS, 512);

    private WheelTimerScheduler() {
    }

    @Override
    public Disposable schedule(Runnable task) {
        return Schedulers.parallel().schedule(task);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        Timeout timeout = wheel.newTimeout(t -> Schedulers.parallel().schedule(task), delay, unit);
        return timeout::cancel;
    }

    @Override
    public Worker createWorker() {
        return new WheelWorker();
    }

    @Override
    public String toString() {
        return "WheelTimerScheduler";
    }

    /** A worker whose tasks are cancelled together when it is disposed. */
    private final class WheelWorker implements Worker {
        private final Disposable.Composite tasks = Disposables.composite();

        @Override
        public Disposable schedule(Runnable task) {
            return track(WheelTimerScheduler.this.schedule(task));
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            return track(WheelTimerScheduler.this.schedule(task, delay, unit));
        }

        private Disposable track(Disposable task) {
            tasks.add(task);
            return task;
        }

        @Override
        public void dispose() {
            tasks.dispose();
        }

        @Override
        public boolean isDisposed() {
            return tasks.isDisposed();
        }
    }
}
