package ai.corti.client.core.internal.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.util.context.ContextView;

/**
 * Reports calls and token fetches as Micrometer {@link Observation}s: with a meter handler they become timers (and
 * counters for the events), with a tracing handler client spans whose context goes out as {@code traceparent} on
 * every attempt. Tags are low-cardinality only: operation, method, status, outcome, exception type, retried; never
 * an id, a query or anything from a body. Internal to the SDK; loaded only when an {@link ObservationRegistry} is
 * configured.
 */
public final class MicrometerObserver implements CallObserver {

    /** The observation of an API call: a timer of this name, a client span named {@code corti <operationId>}. */
    public static final String CALLS = "corti.client.requests";
    /** The observation of a token fetch. */
    public static final String TOKEN_FETCHES = "corti.client.token.fetches";
    /** The event counted when an attempt is retried: counter {@code corti.client.requests.retries}. */
    public static final String RETRY_EVENT = "retries";
    /** The event counted when the API refuses a token: counter {@code corti.client.requests.token.refusals}. */
    public static final String TOKEN_REFUSED_EVENT = "token.refusals";
    /**
     * Where Reactor code keeps the current observation in its context (Micrometer's
     * {@code ObservationThreadLocalAccessor.KEY}, spelled out so context-propagation is not needed).
     */
    static final String CONTEXT_KEY = "micrometer.observation";

    private final ObservationRegistry registry;

    private MicrometerObserver(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Creates the observer.
     *
     * @param registry where observations go
     * @return the observer
     */
    public static CallObserver of(ObservationRegistry registry) {
        return new MicrometerObserver(registry);
    }

    @Override
    public CallObservation call(String operation, String method, ContextView context) {
        Object parent = context.getOrDefault(CONTEXT_KEY, null);
        Map<String, String> headers = new LinkedHashMap<>();
        SenderContext sender = new SenderContext(headers);
        Observation observation = Observation.createNotStarted(CALLS, () -> sender, registry)
                .contextualName("corti " + operation)
                .lowCardinalityKeyValue("corti.operation", operation)
                .lowCardinalityKeyValue("method", method);
        if (parent instanceof Observation given) {
            observation.parentObservation(given);
        }
        // Starting it runs the tracing handler, which writes the trace context into the headers.
        observation.start();
        return new Scope(observation, Map.copyOf(headers));
    }

    @Override
    public CallObservation tokenFetch() {
        Observation observation = Observation.createNotStarted(TOKEN_FETCHES, registry)
                .contextualName("corti token fetch")
                .start();
        return new Scope(observation, Map.of());
    }

    /** A client-kind context whose carrier is the map of headers to send. */
    private static final class SenderContext extends RequestReplySenderContext<Map<String, String>, Object> {
        SenderContext(Map<String, String> carrier) {
            super((headers, name, value) -> {
                if (headers != null) {
                    headers.put(name, value);
                }
            });
            setCarrier(carrier);
        }
    }

    private static final class Scope implements CallObservation {
        private final Observation observation;
        private final Map<String, String> headers;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean retried;

        Scope(Observation observation, Map<String, String> headers) {
            this.observation = observation;
            this.headers = headers;
        }

        @Override
        public Map<String, String> propagationHeaders() {
            return headers;
        }

        @Override
        public void retrying() {
            retried = true;
            observation.event(Observation.Event.of(RETRY_EVENT));
        }

        @Override
        public void tokenRefused() {
            observation.event(Observation.Event.of(TOKEN_REFUSED_EVENT));
        }

        @Override
        public void answered(int status) {
            end(status, outcome(status), "none", null);
        }

        @Override
        public void failed(Throwable error, int status) {
            end(status, status == 0 ? "UNKNOWN" : outcome(status), error.getClass().getSimpleName(), error);
        }

        @Override
        public void cancelled() {
            end(0, "CANCELLED", "none", null);
        }

        private void end(int status, String outcome, String exception, Throwable error) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            observation.lowCardinalityKeyValue("status", status == 0 ? "NONE" : Integer.toString(status))
                    .lowCardinalityKeyValue("outcome", outcome)
                    .lowCardinalityKeyValue("exception", exception)
                    .lowCardinalityKeyValue("corti.retried", Boolean.toString(retried));
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        }

        private static String outcome(int status) {
            if (status >= 200 && status < 300) {
                return "SUCCESS";
            }
            if (status >= 400 && status < 500) {
                return "CLIENT_ERROR";
            }
            return status >= 500 ? "SERVER_ERROR" : "UNKNOWN";
        }
    }
}
