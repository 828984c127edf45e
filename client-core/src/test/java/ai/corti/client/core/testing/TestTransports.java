package ai.corti.client.core.testing;

import ai.corti.client.core.http.ConnectionPoolOptions;
import ai.corti.client.core.internal.http.BodyLimits;
import ai.corti.client.core.internal.http.ClientResources;
import ai.corti.client.core.internal.http.OutgoingRequest;
import ai.corti.client.core.internal.http.ReactorNettyTransport;
import ai.corti.client.core.internal.http.RequestBody;
import java.time.Duration;
import java.util.Map;
import reactor.core.scheduler.Schedulers;

/** A real Reactor Netty transport with its own loops and pool, for tests below the pipeline. */
public final class TestTransports {

    /** Generous limits, for tests that are not about them. */
    public static final BodyLimits LIMITS = new BodyLimits(16L * 1024 * 1024, 1024 * 1024);

    private TestTransports() {
    }

    /** A transport with the default pool and a 2 s connect timeout; close it after the test. */
    public static ReactorNettyTransport create() {
        return create(ConnectionPoolOptions.DEFAULT);
    }

    /** A transport with the given pool and a 2 s connect timeout; close it after the test. */
    public static ReactorNettyTransport create(ConnectionPoolOptions pool) {
        return new ReactorNettyTransport(new ClientResources(pool), Duration.ofSeconds(2), Schedulers.parallel());
    }

    /** A GET without body or authorization. */
    public static OutgoingRequest get(String uri, Duration timeout) {
        return new OutgoingRequest("GET", uri, Map.of(), null, RequestBody.NONE, timeout, LIMITS, "GET " + uri);
    }
}
