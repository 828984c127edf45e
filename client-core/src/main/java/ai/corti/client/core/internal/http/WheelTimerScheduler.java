package ai.corti.client.core.internal.http;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * A client's timer for call budgets, attempt deadlines and retry backoff: a hashed wheel, on which arming and
 * cancelling a timeout is a lock-free queue operation. Every call arms a budget timer and almost every call
 * cancels it; on a {@code ScheduledThreadPoolExecutor} (Reactor's parallel scheduler) each of those takes a lock
 * and may wake a worker thread, which the benchmarks showed as a visible share of a call's CPU.
 *
 * <p>Precision is the wheel's tick (10 ms), ample for budgets and backoffs measured in seconds. A timer that fires
 * hands its task to an executor (the client's event loops), so nothing runs on the wheel's own thread. Each client
 * owns one and stops it when closed. Tests replace it with a virtual-time scheduler through the client builder.
 * Internal to the SDK.
 */
public final class WheelTimerScheduler implements Scheduler {

    private final HashedWheelTimer wheel;
    private final Executor handoff;
    private volatile boolean disposed;

    /**
     * Creates the timer; its daemon thread starts with the first timeout armed.
     *
     * @param threadName the wheel thread's name
     * @param handoff    runs the tasks whose time has come
     */
    public WheelTimerScheduler(String threadName, Executor handoff) {
        this.wheel = new HashedWheelTimer(new DefaultThreadFactory(threadName, true), 10, TimeUnit.MILLISECONDS, 512);
        this.handoff = handoff;
    }

    @Override
    public Disposable schedule(Runnable task) {
        if (disposed) {
            throw new java.util.concurrent.RejectedExecutionException("the Corti client's timer was stopped");
        }
        Disposable.Swap cancelled = Disposables.swap();
        handoff.execute(() -> {
            if (!cancelled.isDisposed()) {
                task.run();
            }
        });
        return cancelled;
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        if (disposed) {
            throw new java.util.concurrent.RejectedExecutionException("the Corti client's timer was stopped");
        }
        Timeout timeout = wheel.newTimeout(t -> handoff.execute(task), delay, unit);
        return timeout::cancel;
    }

    @Override
    public Worker createWorker() {
        return new WheelWorker();
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }

    /** Stops the wheel's thread; pending timeouts are dropped (their calls were ended by the client's close). */
    @Override
    public void dispose() {
        disposed = true;
        wheel.stop();
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
