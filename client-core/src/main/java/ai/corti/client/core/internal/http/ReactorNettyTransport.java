package ai.corti.client.core.internal.http;

import ai.corti.client.core.error.CortiClientClosedException;
import ai.corti.client.core.error.CortiResponseTooLargeException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.internal.http.BoundedBody.BodyTooLargeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

/**
 * The {@link HttpTransport} on Reactor Netty, over the client's own event loops and bounded pool.
 *
 * <p>What it guarantees, whatever the server does:
 * <ul>
 *   <li>an answer read into memory is counted chunk by chunk, after decompression, before it is kept
 *       ({@link BoundedBody}); past the limit the read stops and the connection is closed, not pooled;</li>
 *   <li>{@link OutgoingRequest#timeout()} bounds the whole exchange, from its start to the last byte: a body that
 *       trickles one byte at a time cannot stretch it (it is not an idle timeout that each byte resets);</li>
 *   <li>an exchange that ends early (error, cancel, timeout) closes its connection instead of returning a
 *       half-read one to the pool, and every Netty buffer is released (Reactor Netty releases each chunk after
 *       it was handed on; chunks are copied out, never kept);</li>
 *   <li>after {@link #close()}, new exchanges are refused before anything is sent, and those in flight end with
 *       {@link CortiClientClosedException} as the event loops stop under them. (The pipeline ends its calls at once
 *       on close, cancelling their exchanges: this transport does not track each exchange a second time.)</li>
 * </ul>
 * Redirects are not followed and Reactor Netty's own silent resend of a request is off: retries are the SDK's
 * decision. Internal to the SDK.
 */
public final class ReactorNettyTransport implements HttpTransport {

    /** Upload chunks requested ahead of what the socket took; keeps an upload's memory flat. */
    private static final int UPLOAD_PREFETCH = 4;

    private final ClientResources resources;
    private final HttpClient client;
    private final Scheduler timer;
    /** Set by {@link #close()}: refuses new exchanges, and names the failures of those it cut short. */
    private volatile boolean closed;

    /**
     * Creates the transport over a client's resources.
     *
     * @param resources      the client's event loops and pool; closed with this transport
     * @param connectTimeout the longest wait for a TCP connection
     * @param timer          the scheduler deadlines run on
     */
    public ReactorNettyTransport(ClientResources resources, Duration connectTimeout, Scheduler timer) {
        this.resources = resources;
        this.timer = timer;
        this.client = HttpClient.create(resources.pool())
                .runOn(resources.loops())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .compress(true)
                // Reactor Netty would silently resend a request once on a closed pooled connection, POST
                // included; retries are the SDK's decision (RetryPolicy), so that is switched off.
                .disableRetry(true)
                .followRedirect(false);
    }

    @Override
    public Mono<HttpResponseData> exchange(OutgoingRequest request) {
        if (closed) {
            return Mono.error(closedError());
        }
        Mono<HttpResponseData> exchange = client.request(HttpMethod.valueOf(request.method()))
                .uri(request.uri())
                .send((out, outbound) -> send(request, out, outbound))
                .response((response, body) -> readWhole(request, response, body))
                .next();
        return Deadline.of(exchange, request.timeout(), timer, TimeoutException::new)
                .onErrorMap(error -> closed ? closedError() : TransportErrors.map(error, request.what(), request.timeout()));
    }

    @Override
    public Flux<ByteBuffer> download(OutgoingRequest request) {
        if (closed) {
            return Flux.error(closedError());
        }
        Duration timeout = request.timeout();
        return client.request(HttpMethod.valueOf(request.method()))
                .uri(request.uri())
                .send((out, outbound) -> send(request, out, outbound))
                .response((response, body) -> {
                    int status = response.status().code();
                    if (status < 200 || status >= 300) {
                        return readWhole(request, response, body).flatMap(answer -> Mono.error(
                                new UnsuccessfulAnswer(answer)));
                    }
                    // Copied out: Reactor Netty releases each chunk once it was handed on, and a caller keeping
                    // a view of a released buffer would read garbage.
                    return body.map(ReactorNettyTransport::copy);
                })
                // First chunk within the timeout, then no gap longer than it: a download may be long, a stall not.
                .timeout(Mono.delay(timeout, timer), chunk -> Mono.delay(timeout, timer))
                .onErrorMap(error -> closed ? closedError() : TransportErrors.map(error, request.what(), timeout));
    }

    private static CortiClientClosedException closedError() {
        return new CortiClientClosedException("the Corti client was closed");
    }

    private static ByteBuffer copy(ByteBuf chunk) {
        byte[] bytes = new byte[chunk.readableBytes()];
        chunk.getBytes(chunk.readerIndex(), bytes);
        return ByteBuffer.wrap(bytes);
    }

    private Publisher<Void> send(OutgoingRequest request, HttpClientRequest out, NettyOutbound outbound) {
        request.headers().forEach(out::header);
        if (request.authorization() != null) {
            out.header(HttpHeaderNames.AUTHORIZATION, request.authorization());
        }
        RequestBody body = request.body();
        if (body.contentType() != null) {
            out.header(HttpHeaderNames.CONTENT_TYPE, body.contentType());
        }
        if (body instanceof RequestBody.Bytes bytes) {
            return outbound.sendByteArray(Mono.just(bytes.content()));
        }
        if (body instanceof RequestBody.File file) {
            // Netty streams the file itself (zero-copy without TLS, chunked with it), as the socket takes it.
            out.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(file.length()));
            return outbound.sendFile(file.file(), 0, file.length());
        }
        if (body instanceof RequestBody.Streamed streamed) {
            if (streamed.length() >= 0) {
                out.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(streamed.length()));
            }
            return outbound.send(Flux.from(streamed.content()).limitRate(UPLOAD_PREFETCH).map(Unpooled::wrappedBuffer));
        }
        return outbound;
    }

    private static Mono<HttpResponseData> readWhole(OutgoingRequest request, HttpClientResponse response,
                                                    Flux<ByteBuf> body) {
        int status = response.status().code();
        long limit = request.limits().forStatus(status);
        long announced = announcedLength(response);
        if (announced > limit) {
            // Refused on the header alone: nothing of the body is read.
            return Mono.error(tooLarge(request, status, limit));
        }
        BoundedBody bytes = new BoundedBody(limit, announced);
        return body.doOnNext(bytes::append)
                .then(Mono.fromSupplier(() -> new HttpResponseData(status,
                        new NettyResponseHeaders(response.responseHeaders()), bytes.bytes())))
                .onErrorMap(BodyTooLargeException.class, e -> tooLarge(request, status, e.limit()))
                // The status arrived but the body did not: a transport failure (so a GET is retried, a POST is
                // not, since the server acted), named with the status it had announced.
                .onErrorMap(error -> error instanceof IOException,
                        error -> new CortiTransportException(request.what() + " -> HTTP " + status
                                + " announced, then the connection closed before the body ended ("
                                + TransportErrors.describe(error) + ")", false, error));
    }

    private static CortiResponseTooLargeException tooLarge(OutgoingRequest request, int status, long limit) {
        return new CortiResponseTooLargeException(request.what() + " -> HTTP " + status + ": the answer is larger "
                + "than the " + limit + "-byte limit for " + (status >= 200 && status < 300 ? "answers" : "error answers")
                + " read into memory; the connection was closed", status, limit);
    }

    private static long announcedLength(HttpClientResponse response) {
        String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null || response.responseHeaders().contains(HttpHeaderNames.CONTENT_ENCODING)) {
            return -1; // a compressed body's length says nothing about its inflated size
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Returns how many connections are currently checked out of the pool, over all hosts.
     *
     * @return the number of connections in use
     */
    public int activeConnections() {
        return resources.activeConnections();
    }

    /**
     * Returns how many connections are open (in use or idle), over all hosts.
     *
     * @return the number of open connections
     */
    public int openConnections() {
        return resources.openConnections();
    }

    /**
     * Tells whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        resources.close();
    }

    /**
     * Closes like {@link #close()} and tells when every thread has stopped.
     *
     * @return completes once the pool and event loops are disposed
     */
    public Mono<Void> closeLater() {
        closed = true;
        return resources.disposeLater();
    }
}
