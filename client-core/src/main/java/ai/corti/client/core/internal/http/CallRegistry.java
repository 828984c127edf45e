package ai.corti.client.core.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The calls in flight on a client, so that {@link #close()} can end each of them at once with an error instead of
 * leaving them to run on (and retry, and fetch tokens) after the client is closed. A call started after
 * {@code close()} fails before it is subscribed to, so nothing is sent. Internal to the SDK.
 */
public final class CallRegistry {

    private final Set<Tracked<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final Supplier<? extends RuntimeException> closedError;
    private volatile boolean closed;

    /**
     * Creates a registry.
     *
     * @param closedError makes the error a call ends with when the client is closed
     */
    public CallRegistry(Supplier<? extends RuntimeException> closedError) {
        this.closedError = closedError;
    }

    /**
     * Tracks a call from subscription to its end.
     *
     * @param call the call
     * @param <T>  its value
     * @return the call, failing with the closed error if the client is or gets closed before it ends
     */
    public <T> Mono<T> track(Mono<T> call) {
        return new MonoOperator<T, T>(call) {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                start(source, actual);
            }
        };
    }

    /**
     * Tracks a streamed call from subscription to its end.
     *
     * @param call the call
     * @param <T>  its elements
     * @return the call, failing with the closed error if the client is or gets closed before it ends
     */
    public <T> Flux<T> track(Flux<T> call) {
        return new FluxOperator<T, T>(call) {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                start(source, actual);
            }
        };
    }

    /**
     * Tells whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Returns how many calls are in flight.
     *
     * @return the count
     */
    public int size() {
        return inFlight.size();
    }

    /** Refuses new calls and ends every call in flight with the closed error. Idempotent. */
    public void close() {
        closed = true;
        for (Tracked<?> call : inFlight) {
            call.abort();
        }
    }

    private <T> void start(org.reactivestreams.Publisher<? extends T> source, CoreSubscriber<? super T> actual) {
        if (closed) {
            Operators.error(actual, closedError.get());
            return;
        }
        Tracked<T> tracked = new Tracked<>(Operators.serialize(actual));
        // Downstream gets its subscription first, so an abort can signal an error at any moment after this.
        tracked.actual.onSubscribe(tracked);
        inFlight.add(tracked);
        source.subscribe(tracked);
        if (closed) { // close() may have iterated before this call was added
            tracked.abort();
        }
    }

    /**
     * Passes signals through, and can end the call from outside exactly once. Signals to downstream are
     * serialised, since an abort comes from the thread that closes the client.
     */
    private final class Tracked<T> extends Operators.DeferredSubscription implements CoreSubscriber<T> {
        private final CoreSubscriber<? super T> actual;
        private final AtomicBoolean done = new AtomicBoolean();

        Tracked(CoreSubscriber<? super T> actual) {
            this.actual = actual;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            set(s);
        }

        @Override
        public void onNext(T value) {
            if (!done.get()) {
                actual.onNext(value);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (done.compareAndSet(false, true)) {
                inFlight.remove(this);
                actual.onError(error);
            }
        }

        @Override
        public void onComplete() {
            if (done.compareAndSet(false, true)) {
                inFlight.remove(this);
                actual.onComplete();
            }
        }

        @Override
        public void cancel() {
            if (done.compareAndSet(false, true)) {
                inFlight.remove(this);
            }
            super.cancel();
        }

        void abort() {
            if (done.compareAndSet(false, true)) {
                inFlight.remove(this);
                super.cancel();
                actual.onError(closedError.get());
            }
        }
    }
}
