package ai.corti.client.blocking.streams;

import ai.corti.client.core.internal.Blocking;
import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.error.CortiTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * The blocking side of a session's messages: a queue that asks for a message only when one was taken, so it
 * never holds more than {@link #CAPACITY}; the reader waits with a deadline.
 *
 * @param <M> the message type
 */
final class MessageQueue<M> implements CoreSubscriber<M> {

    /** Messages held here at most (the session's own buffer comes on top). */
    static final int CAPACITY = 256;

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;
    private volatile Throwable failure;

    @Override
    public void onSubscribe(Subscription s) {
        this.subscription = s;
        s.request(CAPACITY);
    }

    @Override
    public void onNext(M message) {
        queue.add(message);
    }

    @Override
    public void onError(Throwable error) {
        failure = error;
        queue.add(END);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /**
     * Takes the next message, waiting up to {@code timeout}.
     *
     * @return the message; empty when none came in time or the messages ended normally
     */
    @SuppressWarnings("unchecked")
    Optional<M> poll(Duration timeout) {
        Blocking.requireBlockingAllowed();
        Object next;
        try {
            next = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CortiException("interrupted while waiting for a stream message", e);
        }
        if (next == null) {
            return Optional.empty();
        }
        if (next == END) {
            queue.add(END); // stays the last element for every later call
            Throwable error = failure;
            if (error instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (error != null) {
                throw new CortiException("the stream failed", error);
            }
            return Optional.empty();
        }
        subscription.request(1);
        return Optional.of((M) next);
    }

    /** Tells whether the messages ended (normally or not) and every message was taken. */
    boolean finished() {
        return queue.peek() == END;
    }

    /** Iterates until the messages end; each wait for the next one lasts at most {@code idleTimeout}. */
    Iterator<M> iterator(Duration idleTimeout) {
        return new Iterator<>() {
            private M next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                Optional<M> taken = poll(idleTimeout);
                if (taken.isPresent()) {
                    next = taken.get();
                    return true;
                }
                if (finished()) {
                    return false;
                }
                throw new CortiTimeoutException("no stream message within " + idleTimeout + " (idleTimeout)",
                        idleTimeout, false, null);
            }

            @Override
            public M next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the stream's messages ended");
                }
                M taken = next;
                next = null;
                return taken;
            }
        };
    }
}
