package ai.corti.bench.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The one server every client under test calls: Reactor Netty on 127.0.0.1, on its own event loops (so it
 * never shares a thread with a client's loops), answering the four Interactions operations with the fixed
 * bytes of {@link Payloads}, and a recording's upload and download (see {@link Recordings}): an upload is drained
 * and counted without being kept, and refused with 400 when the count differs from its {@code Content-Length}; a
 * download streams the recording's bytes from one shared buffer.
 *
 * <p>Reactor Netty is chosen over the JDK's {@code HttpServer} because its cost per request stays flat under
 * 256 concurrent requests (the JDK server dispatches on one thread and allocates per exchange), so a
 * client's figure is not capped by the server. Routing is a few string checks, not a router, for the same
 * reason. Requests without {@code Tenant-Name} or {@code Authorization} are refused, so no client can look
 * faster by skipping a header.
 */
public final class BenchServer implements AutoCloseable {

    /** The base path of the API, as in the real base URL {@code https://api.eu.corti.app/v2}. */
    public static final String BASE_PATH = "/v2";

    private static final String COLLECTION = BASE_PATH + "/interactions/";
    private static final byte[] UNKNOWN = "{\"requestid\":\"bench\",\"status\":404,\"type\":\"not-found\",\"detail\":\"no such route\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAUTHORISED = "{\"requestid\":\"bench\",\"status\":401,\"type\":\"unauthorised\",\"detail\":\"missing Tenant-Name or Authorization\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static final String RECORDINGS = "/recordings/";
    private static final byte[] SHORT_UPLOAD = "{\"requestid\":\"bench\",\"status\":400,\"type\":\"bad-request\",\"detail\":\"body length differs from Content-Length\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final LoopResources loops;
    private final DisposableServer server;

    private BenchServer(int threads) {
        this.loops = LoopResources.create("bench-server", 1, threads, true);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loops)
                .handle(BenchServer::handle)
                .bindNow(Duration.ofSeconds(10));
    }

    /**
     * Starts a server with as many event-loop threads as the machine has cores.
     *
     * @return the running server
     */
    public static BenchServer start() {
        return new BenchServer(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Returns the API base URL clients are configured with, e.g. {@code http://127.0.0.1:40123/v2}.
     *
     * @return the base URL, without trailing slash
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + BASE_PATH;
    }

    /** Stops the server and its event loops. */
    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        loops.disposeLater().block(Duration.ofSeconds(5));
    }

    private static Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        if (!request.requestHeaders().contains("Tenant-Name") || !request.requestHeaders().contains(HttpHeaderNames.AUTHORIZATION)) {
            return drainThen(request, send(response, HttpResponseStatus.UNAUTHORIZED, UNAUTHORISED));
        }
        String uri = request.uri();
        if (!uri.startsWith(COLLECTION)) {
            return drainThen(request, send(response, HttpResponseStatus.NOT_FOUND, UNKNOWN));
        }
        HttpMethod method = request.method();
        int recordings = uri.indexOf(RECORDINGS, COLLECTION.length());
        if (recordings > 0) {
            return recording(request, response, method, uri.substring(recordings + RECORDINGS.length()));
        }
        boolean collection = uri.length() == COLLECTION.length() || uri.charAt(COLLECTION.length()) == '?';
        if (collection && method.equals(HttpMethod.GET)) {
            return send(response, HttpResponseStatus.OK, Payloads.page(pageIndex(uri)));
        }
        if (collection && method.equals(HttpMethod.POST)) {
            return drainThen(request, send(response, HttpResponseStatus.CREATED, Payloads.created()));
        }
        if (!collection && method.equals(HttpMethod.GET)) {
            return send(response, HttpResponseStatus.OK, Payloads.interaction());
        }
        if (!collection && method.equals(HttpMethod.PATCH)) {
            return drainThen(request, send(response, HttpResponseStatus.OK, Payloads.interaction()));
        }
        return drainThen(request, send(response, HttpResponseStatus.NOT_FOUND, UNKNOWN));
    }

    private static Publisher<Void> recording(HttpServerRequest request, HttpServerResponse response, HttpMethod method,
                                             String recordingId) {
        if (recordingId.isEmpty() && method.equals(HttpMethod.POST)) {
            long declared = request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
            // receive() releases each chunk after this callback: only the count is kept.
            return request.receive()
                    .reduce(0L, (count, chunk) -> count + chunk.readableBytes())
                    .flatMap(count -> count == declared && count > 0
                            ? send(response, HttpResponseStatus.CREATED, Recordings.created())
                            : send(response, HttpResponseStatus.BAD_REQUEST, SHORT_UPLOAD));
        }
        long size = Recordings.size(recordingId);
        if (size > 0 && method.equals(HttpMethod.GET)) {
            return response.status(HttpResponseStatus.OK)
                    .header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
                    .header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(size))
                    .send(Recordings.download(size))
                    .then();
        }
        return drainThen(request, send(response, HttpResponseStatus.NOT_FOUND, UNKNOWN));
    }

    /** Reads the {@code index} query parameter; pages start at 1, the API's default. */
    static long pageIndex(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return 1;
        }
        int at = uri.indexOf("index=", query);
        while (at > 0 && uri.charAt(at - 1) != '?' && uri.charAt(at - 1) != '&') {
            at = uri.indexOf("index=", at + 1);
        }
        if (at < 0) {
            return 1;
        }
        int end = uri.indexOf('&', at);
        return Long.parseLong(uri.substring(at + "index=".length(), end < 0 ? uri.length() : end));
    }

    private static Mono<Void> send(HttpServerResponse response, HttpResponseStatus status, byte[] body) {
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .sendObject(Unpooled.wrappedBuffer(body))
                .then();
    }

    private static Mono<Void> drainThen(HttpServerRequest request, Mono<Void> reply) {
        return request.receive().then().then(reply);
    }
}
