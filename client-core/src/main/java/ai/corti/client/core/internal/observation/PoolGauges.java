package ai.corti.client.core.internal.observation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import reactor.util.context.ContextView;

/**
 * Adds the client's connection pool gauges to another observer: {@code corti.client.connections.active} and
 * {@code corti.client.connections.open}, tagged with the client's name. They are the SDK's own meters, next to (not
 * instead of) whatever Reactor Netty publishes for the application's own clients. Removed when the client closes.
 * Internal to the SDK; loaded only when a {@link MeterRegistry} is configured.
 */
public final class PoolGauges implements CallObserver {

    /** Connections checked out of the pool now. */
    public static final String ACTIVE = "corti.client.connections.active";
    /** Connections open now, in use or idle. */
    public static final String OPEN = "corti.client.connections.open";

    private final CallObserver calls;
    private final MeterRegistry registry;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    private PoolGauges(CallObserver calls, MeterRegistry registry) {
        this.calls = calls;
        this.registry = registry;
    }

    /**
     * Adds the gauges to an observer.
     *
     * @param calls    what observes calls and token fetches
     * @param registry where the gauges go
     * @return the combined observer
     */
    public static CallObserver with(CallObserver calls, MeterRegistry registry) {
        return new PoolGauges(calls, registry);
    }

    @Override
    public CallObservation call(String operation, String method, ContextView context) {
        return calls.call(operation, method, context);
    }

    @Override
    public CallObservation tokenFetch() {
        return calls.tokenFetch();
    }

    @Override
    public boolean isActive() {
        return calls.isActive();
    }

    @Override
    public void bindPool(String client, IntSupplier active, IntSupplier open) {
        // Strong references: the suppliers are lambdas nothing else holds, and a weakly held one would vanish.
        meters.add(Gauge.builder(ACTIVE, active, IntSupplier::getAsInt).tag("client", client)
                .description("connections of the Corti client's pool checked out now").strongReference(true)
                .register(registry));
        meters.add(Gauge.builder(OPEN, open, IntSupplier::getAsInt).tag("client", client)
                .description("connections of the Corti client's pool open now, in use or idle").strongReference(true)
                .register(registry));
        calls.bindPool(client, active, open);
    }

    @Override
    public void unbindPool() {
        meters.forEach(registry::remove);
        meters.clear();
        calls.unbindPool();
    }
}
