package ai.corti.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for resilience tests: makes the next API calls fail, wait or lose their connection,
 * so code under test meets the failures the real API (or the network in front of it) can produce.
 *
 * <pre>{@code
 * emulator.faults().failNext(2, 503);                          // two 503s, then normal answers
 * emulator.faults().failNext(1, 429, Duration.ofSeconds(1));   // a 429 with Retry-After: 1
 * emulator.faults().delayNext(1, Duration.ofMillis(500));      // the next answer comes 500 ms late
 * emulator.faults().dropNext(1);                               // the next call's connection is closed unanswered
 *
 * Faults uploads = emulator.faults().forOperation(CortiOperations.RECORDINGS_UPLOAD);
 * uploads.failNext(1, 503);                                    // only the next upload fails; other calls pass
 * uploads.delayNext(1, Duration.ofSeconds(2));                 // the upload is read, then answered 2 s late
 * emulator.faults().failNextTranscriptions(1);                 // the next transcript ends with status "failed"
 * }</pre>
 *
 * <p>Rules: faults apply to API calls (paths under {@code /v2}), never to the token endpoint; each call
 * consumes one fault, in the order they were added: a fault queued {@link #forOperation(String) for its operation}
 * first, else one queued for any call. A failed call changes nothing in the emulator's data, and neither does a
 * dropped one; a delayed call is then answered normally (an upload is read first, and its recording exists once
 * the late answer is sent). An injected failure is an RFC 9457 body like any other error. Thread-safe.
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

    /** The key of the queue for any call. */
    private static final String ANY = "";

    private final Map<String, Queue<Fault>> queues;
    private final String scope;
    private final AtomicInteger transcriptionFailures;

    Faults() {
        this(new ConcurrentHashMap<>(), ANY, new AtomicInteger());
    }

    private Faults(Map<String, Queue<Fault>> queues, String scope, AtomicInteger transcriptionFailures) {
        this.queues = queues;
        this.scope = scope;
        this.transcriptionFailures = transcriptionFailures;
    }

    /**
     * Returns the faults of one operation: what is queued there applies to the next calls of that operation only
     * (e.g. {@link CortiOperations#RECORDINGS_UPLOAD}), ahead of faults queued for any call.
     *
     * @param operationId one of {@link CortiOperations#all()}
     * @return a view on the same faults, scoped to the operation
     * @throws IllegalArgumentException for an operation the emulator does not serve
     */
    public Faults forOperation(String operationId) {
        Objects.requireNonNull(operationId, "operationId");
        if (!CortiOperations.all().contains(operationId)) {
            throw new IllegalArgumentException("Unknown operation '" + operationId + "'; use one of "
                    + CortiOperations.all());
        }
        return new Faults(queues, operationId, transcriptionFailures);
    }

    /**
     * Makes the next {@code count} transcripts fail: they are created (synchronously or not) and end with status
     * {@code failed} and no text, as the API reports a transcription that did not succeed. Applies to
     * {@code transcripts_create} whatever scope this view has.
     *
     * @param count how many transcripts, at least 1
     * @return this, for chaining
     */
    public Faults failNextTranscriptions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        transcriptionFailures.addAndGet(count);
        return this;
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
     * Returns how many faults are still waiting for a call: all of them (transcription failures included), or for
     * a view from {@link #forOperation(String)}, those of its operation.
     *
     * @return the number of queued faults
     */
    public int pending() {
        if (!scope.equals(ANY)) {
            return queue(scope).size();
        }
        return queues.values().stream().mapToInt(Queue::size).sum() + transcriptionFailures.get();
    }

    /** Forgets every queued fault, or for a view from {@link #forOperation(String)}, those of its operation. */
    public void clear() {
        if (scope.equals(ANY)) {
            queues.clear();
            transcriptionFailures.set(0);
        } else {
            queue(scope).clear();
        }
    }

    /** Takes the fault for a call being handled, or null: its operation's first, else one for any call. */
    Fault poll(String operationId) {
        Fault fault = operationId == null ? null : queue(operationId).poll();
        return fault != null ? fault : queue(ANY).poll();
    }

    /** Takes one queued transcription failure, if any. */
    boolean takeTranscriptionFailure() {
        return transcriptionFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private Queue<Fault> queue(String key) {
        return queues.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
    }

    private Faults add(int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        Queue<Fault> queue = queue(scope);
        for (int i = 0; i < count; i++) {
            queue.add(fault);
        }
        return this;
    }

    @Override
    public String toString() {
        return "Faults[" + (scope.equals(ANY) ? "" : scope + ", ") + "pending=" + pending() + "]";
    }
}
