package ai.corti.client.core.internal.pipeline;

import ai.corti.client.core.internal.http.EndsOnce;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * The calls in flight on a client, so that {@link #close()} can end each of them at once with an error instead of
 * leaving them to run on (and retry, and fetch tokens) after the client is closed. A call started after
 * {@code close()} fails before it is subscribed to, so nothing is sent.
 *
 * <p>It is on every call's path, so it is one operator, not three: the call is built when it is subscribed (no
 * {@code defer} around it), and a single-valued call needs no serialiser ({@link EndsOnce}). Internal to the SDK.
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
            Operators.error(tracked.downstream(), closedError.get());
            return;
        }
        Publisher<T> source;
        try {
            source = call.get();
        } catch (RuntimeException e) {
            Operators.error(tracked.downstream(), e);
            return;
        }
        // Downstream gets its subscription first, so an abort can signal an error at any moment after this.
        tracked.downstream().onSubscribe(tracked);
        inFlight.add(tracked);
        source.subscribe(tracked);
        if (closed) { // close() may have iterated before this call was added
            tracked.abort();
        }
    }

    /** Passes signals through, and can end the call from outside exactly once; leaves the registry as it ends. */
    private final class Tracked<T> extends EndsOnce<T> {
        /** A single-valued call ends with its value; a streamed one passes values on until it ends. */
        private final boolean single;

        Tracked(CoreSubscriber<? super T> actual, boolean single) {
            super(actual);
            this.single = single;
        }

        CoreSubscriber<? super T> downstream() {
            return actual;
        }

        @Override
        protected void ended() {
            inFlight.remove(this);
        }

        @Override
        public void onNext(T value) {
            if (single) {
                super.onNext(value);
            } else if (!isEnded()) {
                actual.onNext(value);
            }
        }

        void abort() {
            endWith(closedError.get());
        }
    }
}
