package ai.corti.client.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of the client's connection pool. One pool per client instance; share the client.
 *
 * @param maxConnections         the most connections open at once
 * @param pendingAcquireMaxCount the most calls waiting for a connection; more fail at once
 * @param pendingAcquireTimeout  how long a call waits for a connection before failing (retry-safe)
 * @param maxIdleTime            an idle connection older than this is closed
 * @param evictionInterval       how often idle connections are swept in the background
 */
public record ConnectionPoolOptions(int maxConnections, int pendingAcquireMaxCount, Duration pendingAcquireTimeout,
                                    Duration maxIdleTime, Duration evictionInterval) {

    /** 50 connections, 1,000 waiting callers, 10 s acquire timeout, 30 s idle, swept every 15 s. */
    public static final ConnectionPoolOptions DEFAULT = new ConnectionPoolOptions(50, 1000, Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(15));

    /**
     * Validates the values.
     *
     * @param maxConnections the most connections open at once
     * @param pendingAcquireMaxCount the most calls waiting for a connection; more fail at once
     * @param pendingAcquireTimeout how long a call waits for a connection before failing (retry-safe)
     * @param maxIdleTime an idle connection older than this is closed
     * @param evictionInterval how often idle connections are swept in the background
     */
    public ConnectionPoolOptions {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
        }
        if (pendingAcquireMaxCount < 1) {
            throw new IllegalArgumentException("pendingAcquireMaxCount must be >= 1, was " + pendingAcquireMaxCount);
        }
        positive(pendingAcquireTimeout, "pendingAcquireTimeout");
        positive(maxIdleTime, "maxIdleTime");
        positive(evictionInterval, "evictionInterval");
    }

    /**
     * Returns a copy with another connection limit.
     *
     * @param connections the most connections open at once
     * @return the new options
     */
    public ConnectionPoolOptions withMaxConnections(int connections) {
        return new ConnectionPoolOptions(connections, pendingAcquireMaxCount, pendingAcquireTimeout, maxIdleTime,
                evictionInterval);
    }

    static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
