package ai.corti.client.core.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.Deflater;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * A loopback server that misbehaves at byte level: it parses requests like an HTTP server but writes whatever
 * bytes the test scripts, so it can send a body larger than announced, a gzip bomb, a body one byte at a time, or
 * an error page that echoes the request's {@code Authorization} header. Connections are kept alive between
 * answers unless the script closes them, so a test can tell whether the client closed one.
 */
public final class HostileServer implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String uri, Map<String, String> headers, String body) {
        /** A header, case-insensitively, or {@code null}. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        /** The path without the query. */
        public String path() {
            int q = uri.indexOf('?');
            return q < 0 ? uri : uri.substring(0, q);
        }

        /** The request head as a server would echo it: request line and headers. */
        public String echo() {
            StringBuilder text = new StringBuilder(method).append(' ').append(uri).append(" HTTP/1.1\r\n");
            headers.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
            return text.toString();
        }
    }

    /** What the server writes for a request: raw bytes, in order. */
    @FunctionalInterface
    public interface Answer extends Function<Request, Publisher<ByteBuf>> {
    }

    private final DisposableServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile Function<Request, Answer> fallback = r -> json(500, "{\"detail\":\"no scripted answer\"}");

    private HostileServer() {
        this.server = TcpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnConnection(connection -> {
                    opened.incrementAndGet();
                    connection.onDispose(closed::incrementAndGet);
                    connection.addHandlerLast("request-decoder", new HttpRequestDecoder())
                            .addHandlerLast("request-aggregator", new HttpObjectAggregator(8 * 1024 * 1024));
                })
                .handle((in, out) -> in.receiveObject()
                        // Copied at once: Reactor Netty releases each received object after it was handed on.
                        .map(message -> copy((FullHttpRequest) message))
                        .concatMap(request -> {
                            received.add(request);
                            Answer answer = script.poll();
                            Answer chosen = answer != null ? answer : fallback.apply(request);
                            return out.send(chosen.apply(request)).then();
                        }, 0))
                .bindNow();
    }

    private static Request copy(FullHttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + "," + b));
        return new Request(request.method().name(), request.uri(), headers,
                request.content().toString(StandardCharsets.UTF_8));
    }

    /** Starts a server on a random loopback port. */
    public static HostileServer start() {
        return new HostileServer();
    }

    /** Queues answers, one per request, in order. */
    public HostileServer enqueue(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Sets the answer once the script is exhausted. */
    public HostileServer otherwise(Function<Request, Answer> answer) {
        this.fallback = answer;
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The requests received so far. */
    public List<Request> received() {
        return new ArrayList<>(received);
    }

    /** The requests received on a path. */
    public List<Request> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many connections were accepted. */
    public int connectionsOpened() {
        return opened.get();
    }

    /** How many connections were closed, by either side. */
    public int connectionsClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    // ---- answers ----

    /** A status line and headers (name, value, ...), with nothing after them. */
    public static ByteBuf head(int status, String... headers) {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return Unpooled.copiedBuffer(text.append("\r\n"), StandardCharsets.ISO_8859_1);
    }

    /** A complete answer with a body, Content-Length set. */
    public static Answer of(int status, String contentType, byte[] body, String... headers) {
        return request -> {
            List<String> all = new ArrayList<>(List.of("Content-Type", contentType, "Content-Length",
                    Integer.toString(body.length)));
            all.addAll(List.of(headers));
            return Flux.just(head(status, all.toArray(String[]::new)), Unpooled.wrappedBuffer(body));
        };
    }

    /** A JSON answer. */
    public static Answer json(int status, String body, String... headers) {
        return of(status, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** An answer whose body is built from the request, e.g. an error page echoing its headers. */
    public static Answer echoing(int status, String contentType, Function<Request, String> body) {
        return request -> of(status, contentType, body.apply(request).getBytes(StandardCharsets.UTF_8))
                .apply(request);
    }

    /**
     * A body of {@code size} bytes of {@code fill}, sent in 64 KiB chunks as the socket takes them, with or without
     * a Content-Length. Never held in memory whole, so the server itself stays small.
     */
    public static Answer huge(int status, String contentType, long size, boolean announceLength, byte fill) {
        return request -> {
            ByteBuf head = announceLength
                    ? head(status, "Content-Type", contentType, "Content-Length", Long.toString(size))
                    : head(status, "Content-Type", contentType, "Transfer-Encoding", "chunked");
            int chunk = 64 * 1024;
            long chunks = (size + chunk - 1) / chunk;
            Flux<ByteBuf> body = Flux.range(0, (int) chunks).map(i -> {
                int n = (int) Math.min(chunk, size - (long) i * chunk);
                ByteBuf data = Unpooled.buffer(n);
                for (int b = 0; b < n; b++) {
                    data.writeByte(fill);
                }
                return announceLength ? data : chunked(data);
            });
            return Flux.concat(Mono.just(head), body,
                    announceLength ? Flux.empty() : Mono.just(Unpooled.copiedBuffer("0\r\n\r\n", StandardCharsets.US_ASCII)));
        };
    }

    private static ByteBuf chunked(ByteBuf data) {
        ByteBuf size = Unpooled.copiedBuffer(Integer.toHexString(data.readableBytes()) + "\r\n", StandardCharsets.US_ASCII);
        return Unpooled.wrappedBuffer(size, data, Unpooled.copiedBuffer("\r\n", StandardCharsets.US_ASCII));
    }

    /** A gzip body (Content-Encoding: gzip) that inflates to {@code inflatedSize} zero bytes. */
    public static Answer gzipBomb(int status, long inflatedSize) {
        byte[] compressed = gzipOfZeros(inflatedSize);
        return request -> Flux.just(head(status, "Content-Type", "application/json", "Content-Encoding", "gzip",
                "Content-Length", Integer.toString(compressed.length)), Unpooled.wrappedBuffer(compressed));
    }

    /**
     * Gzip of {@code size} zero bytes (a multiple of 1 MiB), built without compressing gigabytes: one mebibyte of
     * zeros is deflated once after a full flush, which makes its block byte-aligned and independent of what came
     * before, so the same bytes can simply be repeated. The trailer's CRC is not computed: a client that reads this
     * far has already failed the test.
     */
    public static byte[] gzipOfZeros(long size) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[1024 * 1024];
        deflater.setInput(zeros);
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH)) > 0) {
            block.write(buffer, 0, n);
        }
        byte[] repeated = block.toByteArray();
        deflater.setInput(new byte[0]);
        deflater.finish();
        ByteArrayOutputStream last = new ByteArrayOutputStream();
        while (!deflater.finished()) {
            n = deflater.deflate(buffer);
            last.write(buffer, 0, n);
        }
        deflater.end();
        long blocks = size / zeros.length;
        ByteArrayOutputStream gzip = new ByteArrayOutputStream((int) (blocks * repeated.length + 64));
        gzip.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        for (long i = 0; i < blocks; i++) {
            gzip.writeBytes(repeated);
        }
        gzip.writeBytes(last.toByteArray());
        gzip.writeBytes(new byte[8]); // CRC32 and ISIZE, never reached
        return gzip.toByteArray();
    }

    /** Headers with a Content-Length, then the body one byte per {@code interval}. */
    public static Answer trickling(int status, String body, Duration interval) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request -> Flux.concat(
                Mono.just(head(status, "Content-Type", "application/json", "Content-Length",
                        Integer.toString(bytes.length))),
                Flux.interval(interval).take(bytes.length).map(i -> Unpooled.wrappedBuffer(bytes, i.intValue(), 1)));
    }

    /** Writes nothing, ever (the connection stays open). */
    public static Answer silent() {
        return request -> Flux.never();
    }
}
