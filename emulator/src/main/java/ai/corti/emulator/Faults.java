package ai.corti.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fault injection for resilience tests: makes the next API calls fail, wait or lose their connection,
 * so code under test meets the failures the real API (or the network in front of it) can produce.
 *
 * <pre>{@code
 * emulator.faults().failNext(2, 503);                          // two 503s, then normal answers
 * emulator.faults().failNext(1, 429, Duration.ofSeconds(1));   // a 429 with Retry-After: 1
 * emulator.faults().delayNext(1, Duration.ofMillis(500));      // the next answer comes 500 ms late
 * emulator.faults().dropNext(1);                               // the next call's connection is closed unanswered
 * }</pre>
 *
 * <p>Rules: faults apply to API calls (paths under {@code /v2}), never to the token endpoint; each call
 * consumes one fault, in the order they were added; a failed call changes nothing in the emulator's data,
 * and neither does a dropped one; a delayed call is then answered normally. An injected failure is an RFC 9457
 * body like any other error. Thread-safe.
 */
public final class Faults {

    /** One queued fault. */
    sealed interface Fault permits Fail, Delay, Drop {
    }

    /** Answer with this status (and {@code Retry-After}, when set) instead of handling the call. */
    record Fail(int status, Duration retryAfter) implements Fault {
    }

    /** Handle the call, but only after this wait. */
    record Delay(Duration delay) implements Fault {
    }

    /** Close the connection without answering. */
    record Drop() implements Fault {
    }

    private final Queue<Fault> queue = new ConcurrentLinkedQueue<>();

    Faults() {
    }

    /**
     * Makes the next {@code count} API calls fail with {@code status}.
     *
     * @param count  how many calls, at least 1
     * @param status an error status, 400 to 599
     * @return this, for chaining
     */
    public Faults failNext(int count, int status) {
        return failNext(count, status, null);
    }

    /**
     * Makes the next {@code count} API calls fail with {@code status} and a {@code Retry-After} header.
     *
     * @param count      how many calls, at least 1
     * @param status     an error status, 400 to 599
     * @param retryAfter the wait to announce, in whole seconds; {@code null} for no header
     * @return this, for chaining
     */
    public Faults failNext(int count, int status, Duration retryAfter) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (400-599), was " + status);
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        return add(count, new Fail(status, retryAfter));
    }

    /**
     * Makes the next {@code count} API calls wait before they are handled.
     *
     * @param count how many calls, at least 1
     * @param delay the wait, positive
     * @return this, for chaining
     */
    public Faults delayNext(int count, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delay must be positive, was " + delay);
        }
        return add(count, new Delay(delay));
    }

    /**
     * Makes the next {@code count} API calls lose their connection: it is closed without an answer.
     *
     * @param count how many calls, at least 1
     * @return this, for chaining
     */
    public Faults dropNext(int count) {
        return add(count, new Drop());
    }

    /**
     * Returns how many faults are still waiting for a call.
     *
     * @return the number of queued faults
     */
    public int pending() {
        return queue.size();
    }

    /** Forgets every queued fault. */
    public void clear() {
        queue.clear();
    }

    /** Takes the fault for the call being handled, or null. */
    Fault poll() {
        return queue.poll();
    }

    private Faults add(int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        for (int i = 0; i < count; i++) {
            queue.add(fault);
        }
        return this;
    }

    @Override
    public String toString() {
        return "Faults[pending=" + queue.size() + "]";
    }
}
