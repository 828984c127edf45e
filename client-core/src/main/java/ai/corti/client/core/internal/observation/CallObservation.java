package ai.corti.client.core.internal.observation;

import java.util.Map;

/**
 * One observed call or token fetch, from start to end. Exactly one of {@link #answered}, {@link #failed} or
 * {@link #cancelled} ends it; later calls are ignored. Internal to the SDK.
 */
public interface CallObservation {

    /** Observes nothing. */
    CallObservation NONE = new CallObservation() {
    };

    /**
     * Returns the headers that carry the trace context to the server ({@code traceparent}), added to every attempt.
     *
     * @return the headers, empty without a tracer
     */
    default Map<String, String> propagationHeaders() {
        return Map.of();
    }

    /** An attempt failed and another one follows. */
    default void retrying() {
    }

    /** The API refused the token (401) and a fresh one is fetched. */
    default void tokenRefused() {
    }

    /**
     * The call ended with an answer the SDK returned.
     *
     * @param status the HTTP status
     */
    default void answered(int status) {
    }

    /**
     * The call ended with an exception.
     *
     * @param error  what the caller gets
     * @param status the HTTP status the error carries, or {@code 0} when no answer came
     */
    default void failed(Throwable error, int status) {
    }

    /** The caller cancelled. */
    default void cancelled() {
    }
}
