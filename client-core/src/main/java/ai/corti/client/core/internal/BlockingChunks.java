package ai.corti.client.core.internal;

import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.error.CortiInterruptedException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;

/**
 * A download read by a blocking thread, a few chunks ahead at most. The event loop hands chunks over without ever
 * taking a lock (a lock-free queue and an unpark): Reactor's {@code toIterable()} takes a lock on the event loop to
 * wake its reader, which stalls the loop under contention. Not thread-safe for readers: one thread reads.
 * Internal to the SDK.
 */
final class BlockingChunks implements Iterator<ByteBuffer>, CoreSubscriber<ByteBuffer>, AutoCloseable {

    private final int ahead;
    private final Queue<ByteBuffer> queue;
    private final Thread reader = Thread.currentThread();
    private final Operators.DeferredSubscription upstream = new Operators.DeferredSubscription();
    private volatile boolean done;
    private volatile Throwable error;
    /** Set while the reader is parked or about to park: only then does a chunk's arrival need to wake it. */
    private volatile boolean waiting;
    private int consumed;

    private BlockingChunks(int ahead) {
        this.ahead = ahead;
        this.queue = Queues.<ByteBuffer>get(ahead).get();
    }

    /**
     * Subscribes to a download on behalf of the calling thread, which then reads it.
     *
     * @param chunks the download
     * @param ahead  how many chunks may wait unread
     * @return the chunks, as an iterator; close it if you stop early
     */
    static BlockingChunks of(Flux<ByteBuffer> chunks, int ahead) {
        BlockingChunks iterator = new BlockingChunks(ahead);
        chunks.subscribe(iterator);
        return iterator;
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (upstream.set(s)) {
            s.request(ahead);
        }
    }

    @Override
    public void onNext(ByteBuffer chunk) {
        queue.offer(chunk); // never full: no more than 'ahead' are requested and unread
        if (waiting) { // a reader busy writing the previous chunks is not woken (an unpark is a system call)
            LockSupport.unpark(reader);
        }
    }

    @Override
    public void onError(Throwable t) {
        error = t;
        done = true;
        LockSupport.unpark(reader);
    }

    @Override
    public void onComplete() {
        done = true;
        LockSupport.unpark(reader);
    }

    @Override
    public boolean hasNext() {
        while (queue.isEmpty()) {
            if (done && queue.isEmpty()) {
                Throwable failure = error;
                if (failure != null) {
                    throw failure instanceof CortiException corti ? corti : Exceptions.propagate(failure);
                }
                return false;
            }
            waiting = true;
            // Checked again after announcing the wait: a chunk offered before the flag was seen did not unpark.
            if (queue.isEmpty() && !done) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
            }
            waiting = false;
            if (Thread.interrupted()) {
                close();
                InterruptedException interrupted = new InterruptedException();
                Thread.currentThread().interrupt();
                throw new CortiInterruptedException("the blocking Corti download was interrupted; it was cancelled",
                        interrupted);
            }
        }
        return true;
    }

    @Override
    public ByteBuffer next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ByteBuffer chunk = queue.poll();
        // Ask for more in batches of half the window, so the event loop is not woken for every chunk.
        if (++consumed >= Math.max(1, ahead / 2)) {
            upstream.request(consumed);
            consumed = 0;
        }
        return chunk;
    }

    /** Cancels the download: its connection is closed, not pooled half-read. */
    @Override
    public void close() {
        upstream.cancel();
    }
}
