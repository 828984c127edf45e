package ai.corti.client.core.internal.observation;

import java.util.function.IntSupplier;
import reactor.util.context.ContextView;

/**
 * What the pipeline tells about its work: each API call and each token fetch, and the pool to measure. The default,
 * {@link #NONE}, does nothing and costs nothing; {@link MicrometerObserver} and {@link PoolGauges} report to
 * Micrometer. Only they name Micrometer types, so without Micrometer configured no Micrometer class is loaded.
 * Internal to the SDK.
 */
public interface CallObserver {

    /** Observes nothing. */
    CallObserver NONE = new CallObserver() {
        @Override
        public CallObservation call(String operation, String method, ContextView context) {
            return CallObservation.NONE;
        }

        @Override
        public CallObservation tokenFetch() {
            return CallObservation.NONE;
        }
    };

    /**
     * Starts observing one API call (every attempt of it).
     *
     * @param operation the spec's operationId, e.g. {@code recordings_upload}
     * @param method    the HTTP method
     * @param context   the caller's Reactor context, where a parent observation may be
     * @return the call's observation
     */
    CallObservation call(String operation, String method, ContextView context);

    /**
     * Starts observing one fetch of an access token from the token endpoint.
     *
     * @return the fetch's observation
     */
    CallObservation tokenFetch();

    /**
     * Starts measuring a client's connection pool.
     *
     * @param client the client's name, e.g. {@code corti-3}
     * @param active connections checked out now
     * @param open   connections open now, in use or idle
     */
    default void bindPool(String client, IntSupplier active, IntSupplier open) {
    }

    /** Stops measuring the pool (the client was closed). */
    default void unbindPool() {
    }

    /**
     * Tells whether anything is observed: when not, the pipeline skips the bookkeeping.
     *
     * @return {@code false} for {@link #NONE}
     */
    default boolean isActive() {
        return this != NONE;
    }
}
