package ai.corti.client.core.http;

import ai.corti.client.core.error.CortiTransportException;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * The one Reactor Netty {@link HttpClient} of a client instance, over a bounded connection pool.
 *
 * <p>Every response body is read into a byte array inside Reactor Netty's {@code responseSingle}, which
 * releases Netty's buffers on every path (success, error, cancel, timeout); a cancelled or timed-out
 * exchange closes its connection instead of returning a half-read one to the pool. Internal to the SDK.
 */
public final class ReactorNettyTransport implements AutoCloseable {

    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final byte[] NO_BODY = new byte[0];

    private final ConnectionProvider pool;
    private final HttpClient client;
    private final Map<String, ConnectionPoolMetrics> poolMetrics = new ConcurrentHashMap<>();

    /**
     * Creates the transport and its pool.
     *
     * @param poolOptions    the pool's bounds
     * @param connectTimeout how long to wait for a TCP connection
     */
    public ReactorNettyTransport(ConnectionPoolOptions poolOptions, Duration connectTimeout) {
        this.pool = ConnectionProvider.builder("corti-" + INSTANCES.incrementAndGet())
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
        this.client = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .compress(true)
                // Reactor Netty would silently resend a request once on a closed pooled connection, POST
                // included; retries are the SDK's decision (RetryPolicy), so that is switched off.
                .disableRetry(true)
                .followRedirect(false);
    }

    /**
     * Sends one request and reads the whole response.
     *
     * @param method          the HTTP method
     * @param uri             the absolute URI as text, already encoded (Reactor Netty parses it once)
     * @param headers         the request headers, already validated (no CR/LF); not copied
     * @param authorization   the {@code Authorization} value, or {@code null} for none
     * @param body            the body, or {@code null} for none
     * @param responseTimeout the longest wait for the response after the request is sent
     * @param what            a short description for error messages, e.g. {@code GET /v2/interactions/};
     *                        never the query string, which can carry patient identifiers
     * @return the response; errors are the SDK's exceptions
     */
    public Mono<HttpResponseData> send(String method, String uri, Map<String, String> headers, String authorization,
                                       byte[] body, Duration responseTimeout, String what) {
        return client.request(HttpMethod.valueOf(method))
                .uri(uri)
                .send((request, out) -> {
                    request.responseTimeout(responseTimeout);
                    headers.forEach(request::header);
                    if (authorization != null) {
                        request.header(HttpHeaderNames.AUTHORIZATION, authorization);
                    }
                    return body == null ? out : out.sendByteArray(Mono.just(body));
                })
                .responseSingle((response, content) -> {
                    int status = response.status().code();
                    return content.asByteArray()
                            .defaultIfEmpty(NO_BODY)
                            .map(bytes -> new HttpResponseData(status, ResponseHeaders.wrap(response.responseHeaders()),
                                    bytes))
                            // The status arrived but the body did not: a transport failure (so a GET is retried,
                            // a POST is not, since the server acted), named with the status it had announced.
                            .onErrorMap(error -> error instanceof IOException,
                                    error -> new CortiTransportException(what + " -> HTTP " + status
                                            + " announced, then the connection closed before the body ended ("
                                            + error.getMessage() + ")", false, error));
                })
                .onErrorMap(error -> TransportErrors.map(error, what, responseTimeout));
    }

    /**
     * Returns how many connections are currently checked out of the pool, over all hosts.
     *
     * @return the number of connections in use
     */
    public int activeConnections() {
        return poolMetrics.values().stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
    }

    /**
     * Returns how many connections are open (in use or idle), over all hosts.
     *
     * @return the number of open connections
     */
    public int openConnections() {
        return poolMetrics.values().stream().mapToInt(ConnectionPoolMetrics::allocatedSize).sum();
    }

    /** Closes the pool and its connections; does not block. */
    @Override
    public void close() {
        pool.dispose();
    }
}
