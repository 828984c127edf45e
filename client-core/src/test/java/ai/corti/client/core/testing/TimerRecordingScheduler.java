package ai.corti.client.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A virtual-time scheduler that also records every timer scheduled on it ({@code Mono.delay}: the
 * call budget and each backoff wait), so a test can wait, in real time, until the pipeline has
 * reacted to a real HTTP exchange before advancing virtual time.
 */
public final class TimerRecordingScheduler extends VirtualTimeScheduler {

    private static final Duration REAL_WAIT = Duration.ofSeconds(5);

    private final List<Duration> timers = new ArrayList<>();

    /** Creates the scheduler, not installed globally. */
    public TimerRecordingScheduler() {
        super(false);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        // Record only once the task is queued: a test woken earlier could advance the clock first, and
        // the timer would then be due later than the test expects.
        Disposable scheduled = super.schedule(task, delay, unit);
        synchronized (this) {
            timers.add(Duration.ofNanos(unit.toNanos(delay)));
            notifyAll();
        }
        return scheduled;
    }

    /**
     * Waits in real time until the timer number {@code index} (from 0) has been scheduled.
     *
     * @return its delay
     */
    public synchronized Duration awaitTimer(int index) {
        long deadline = System.nanoTime() + REAL_WAIT.toNanos();
        while (timers.size() <= index) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("timer #" + index + " was never scheduled; timers so far: " + timers);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return timers.get(index);
    }

    /**
     * Waits in real time until {@code count} timers of the given delay have been scheduled (other timers, such as
     * each call's budget, do not count).
     *
     * @param delay the delay to look for
     * @param count how many of them
     */
    public synchronized void awaitTimers(Duration delay, int count) {
        long deadline = System.nanoTime() + REAL_WAIT.toNanos();
        while (timers.stream().filter(delay::equals).count() < count) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError(count + " timers of " + delay + " were never scheduled; timers so far: " + timers);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Returns the timers scheduled so far, in order. */
    public synchronized List<Duration> timers() {
        return List.copyOf(timers);
    }

    /** Returns the virtual time now, in milliseconds since the scheduler was created. */
    public long nowMillis() {
        return now(TimeUnit.MILLISECONDS);
    }
}
