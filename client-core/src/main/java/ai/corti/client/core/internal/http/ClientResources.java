package ai.corti.client.core.internal.http;

import ai.corti.client.core.http.ConnectionPoolOptions;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The threads and connections one client owns: its event loops and its connection pool. They are the client's
 * alone (not Reactor Netty's process-wide defaults), so that closing the client stops its threads, which matters
 * in application servers that redeploy. Internal to the SDK.
 */
public final class ClientResources implements AutoCloseable {

    private static final AtomicLong INSTANCES = new AtomicLong();

    private final String name;
    private final LoopResources loops;
    private final ConnectionProvider pool;
    private final Map<String, ConnectionPoolMetrics> poolMetrics = new ConcurrentHashMap<>();

    /**
     * Creates the event loops and the pool; threads start lazily, with the first connection.
     *
     * @param poolOptions the pool's bounds
     */
    public ClientResources(ConnectionPoolOptions poolOptions) {
        this.name = "corti-" + INSTANCES.incrementAndGet();
        // As many loops as Reactor Netty's own default (at least 4, or the reactor.netty.ioWorkerCount property):
        // on 2 cores, 2 loops carried 40% fewer calls per second than 4 at 256 in flight (BENCHMARKS.md, issue 15).
        // Daemon threads never keep the JVM alive.
        this.loops = uncolocatedLoops(name + "-http", LoopResources.DEFAULT_IO_WORKER_COUNT);
        this.pool = ConnectionProvider.builder(name)
                .maxConnections(poolOptions.maxConnections())
                .pendingAcquireMaxCount(poolOptions.pendingAcquireMaxCount())
                .pendingAcquireTimeout(poolOptions.pendingAcquireTimeout())
                .maxIdleTime(poolOptions.maxIdleTime())
                .evictInBackground(poolOptions.evictionInterval())
                .metrics(true, () -> new ConnectionProvider.MeterRegistrar() {
                    @Override
                    public void registerMetrics(String poolName, String id, SocketAddress remote,
                                                ConnectionPoolMetrics metrics) {
                        poolMetrics.put(id + remote, metrics);
                    }

                    @Override
                    public void deRegisterMetrics(String poolName, String id, SocketAddress remote) {
                        poolMetrics.remove(id + remote);
                    }
                })
                .build();
    }

    /**
     * Loops without colocation: with it, a call started on an event loop (the completion of the previous one, in
     * reactive code) gets a connection on that same loop, so a busy client piles its connections onto one loop
     * and leaves the others idle. The five-argument {@code create} arrived in Reactor Netty 1.2; on 1.1, the
     * lowest version the SDK supports, the four-argument one (colocated) is what there is.
     */
    private static LoopResources uncolocatedLoops(String prefix, int workers) {
        try {
            return LoopResources.create(prefix, 1, workers, true, false);
        } catch (NoSuchMethodError reactorNetty11) {
            return LoopResources.create(prefix, 1, workers, true);
        }
    }

    /**
     * Returns the name threads and metrics are prefixed with, e.g. {@code corti-3}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the client's event loops.
     *
     * @return the loops
     */
    public LoopResources loops() {
        return loops;
    }

    /**
     * Returns the client's connection pool.
     *
     * @return the pool
     */
    public ConnectionProvider pool() {
        return pool;
    }

    /**
     * Returns how many connections are checked out of the pool now, over all hosts.
     *
     * @return connections in use
     */
    public int activeConnections() {
        return poolMetrics.values().stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
    }

    /**
     * Returns how many connections are open (in use or idle), over all hosts.
     *
     * @return open connections
     */
    public int openConnections() {
        return poolMetrics.values().stream().mapToInt(ConnectionPoolMetrics::allocatedSize).sum();
    }

    /**
     * Closes the pool's connections and stops the event loops, without waiting.
     *
     * @return completes when every thread has stopped
     */
    public Mono<Void> disposeLater() {
        return pool.disposeLater()
                .onErrorComplete()
                .then(loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).onErrorComplete());
    }

    /** Starts closing without waiting; {@link #disposeLater()} tells when it is done. */
    @Override
    public void close() {
        disposeLater().subscribe();
    }
}
