package ai.corti.bench.clients;

import ai.corti.client.core.http.ConnectionPoolOptions;
import reactor.netty.resources.ConnectionProvider;

/**
 * What every client under test is configured with, so they differ only in their own code: the same tenant
 * and token, and for the Reactor Netty based ones a pool with the SDK's default bounds (Reactor Netty's own
 * default pool holds 16 connections and would refuse 256 calls in flight).
 */
public final class BenchSettings {

    /** The tenant sent as {@code Tenant-Name}. */
    public static final String TENANT = "bench";

    /** The bearer token sent as {@code Authorization}. */
    public static final String TOKEN = "bench-token";

    private BenchSettings() {
    }

    /**
     * Creates a connection pool with the SDK's default bounds ({@link ConnectionPoolOptions#DEFAULT}).
     *
     * @param name the pool's name, for Reactor Netty's metrics and logs
     * @return a new pool; dispose it with the client
     */
    public static ConnectionProvider pool(String name) {
        ConnectionPoolOptions sdk = ConnectionPoolOptions.DEFAULT;
        return ConnectionProvider.builder(name)
                .maxConnections(sdk.maxConnections())
                .pendingAcquireMaxCount(sdk.pendingAcquireMaxCount())
                .pendingAcquireTimeout(sdk.pendingAcquireTimeout())
                .maxIdleTime(sdk.maxIdleTime())
                .build();
    }
}
