package ai.corti.client.core.internal.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The calls in flight on a client, so that {@link #close()} can end each of them at once with an error instead of
 * leaving them to run on (and retry, and fetch tokens) after the client is closed. A call started after
 * {@code close()} fails before it is subscribed to, so nothing is sent.
 *
 * <p>It is on every call's path, so it is one operator, not three: the call is built when it is subscribed (no
 * {@code defer} around it), and a single-valued call needs no serialiser, because whichever of its value, its
 * end or the abort wins one compare-and-set is the only thing downstream sees. Internal to the SDK.
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
     * @param call builds the call; invoked once per subscription, not before
     * @param <T>  its value
     * @return the call, failing with the closed error if the client is or gets closed before it ends
     */
    public <T> Mono<T> track(Supplier<? extends Mono<T>> call) {
        return new Mono<T>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                start(call, new Tracked<>(actual, true));
            }
        };
    }

    /**
     * Tracks a streamed call from subscription to its end.
     *
     * @param call builds the call; invoked once per subscription, not before
     * @param <T>  its elements
     * @return the call, failing with the closed error if the client is or gets closed before it ends
     */
    public <T> Flux<T> trackMany(Supplier<? extends Flux<T>> call) {
        return new Flux<T>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                // Many values may race an abort, so their signals are serialised; one value needs no serialiser.
                start(call, new Tracked<>(Operators.serialize(actual), false));
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

    private <T> void start(Supplier<? extends Publisher<T>> call, Tracked<T> tracked) {
        if (closed) {
            Operators.error(tracked.actual, closedError.get());
            return;
        }
        Publisher<T> source;
        try {
            source = call.get();
        } catch (RuntimeException e) {
            Operators.error(tracked.actual, e);
            return;
        }
        // Downstream gets its subscription first, so an abort can signal an error at any moment after this.
        tracked.actual.onSubscribe(tracked);
        inFlight.add(tracked);
        source.subscribe(tracked);
        if (closed) { // close() may have iterated before this call was added
            tracked.abort();
        }
    }

    /** Passes signals through, and can end the call from outside exactly once. */
    private final class Tracked<T> extends Operators.DeferredSubscription implements CoreSubscriber<T> {
        private static final AtomicIntegerFieldUpdater<Tracked> DONE =
                AtomicIntegerFieldUpdater.newUpdater(Tracked.class, "done");

        private final CoreSubscriber<? super T> actual;
        /** A single-valued call ends with its value: what comes after it from upstream is dropped. */
        private final boolean single;
        private volatile int done;

        Tracked(CoreSubscriber<? super T> actual, boolean single) {
            this.actual = actual;
            this.single = single;
        }

        private boolean finish() {
            if (DONE.compareAndSet(this, 0, 1)) {
                inFlight.remove(this);
                return true;
            }
            return false;
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
            if (!single) {
                if (done == 0) {
                    actual.onNext(value);
                }
            } else if (finish()) {
                actual.onNext(value);
                actual.onComplete();
            } else {
                Operators.onDiscard(value, actual.currentContext());
            }
        }

        @Override
        public void onError(Throwable error) {
            if (finish()) {
                actual.onError(error);
            }
        }

        @Override
        public void onComplete() {
            if (finish()) {
                actual.onComplete();
            }
        }

        @Override
        public void cancel() {
            finish();
            super.cancel();
        }

        void abort() {
            if (finish()) {
                super.cancel();
                actual.onError(closedError.get());
            }
        }
    }
}
