package ai.corti.client.core.testing;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.NettyOutbound;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real Reactor Netty HTTP server on loopback for core tests: answers each request with the next
 * scripted {@link Reply} (or a fallback), and records every request it received.
 */
public final class ScriptedServer implements AutoCloseable {

    /** One recorded request. */
    public record Received(String method, String uri, Map<String, String> headers, String body) {
        /** Returns the path without the query. */
        public String path() {
            int q = uri.indexOf('?');
            return q < 0 ? uri : uri.substring(0, q);
        }

        /** Returns a header, case-insensitively, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    /** What the server answers. */
    public interface Reply {
        Mono<Void> send(HttpServerRequest request, HttpServerResponse response);

        /** A status with a body and optional headers (name, value, name, value...). */
        static Reply of(int status, String contentType, String body, String... headers) {
            return (req, res) -> {
                res.status(status);
                if (contentType != null) {
                    res.header("Content-Type", contentType);
                }
                for (int i = 0; i + 1 < headers.length; i += 2) {
                    res.header(headers[i], headers[i + 1]);
                }
                return res.sendString(Mono.just(body == null ? "" : body)).then();
            };
        }

        /** A JSON answer. */
        static Reply json(int status, String body, String... headers) {
            return of(status, "application/json", body, headers);
        }

        /** Waits before answering (real time: for timeout tests use short durations). */
        static Reply delayed(Duration delay, Reply then) {
            return (req, res) -> Mono.delay(delay).then(then.send(req, res));
        }

        /** Closes the connection without answering. */
        static Reply drop() {
            return (req, res) -> Mono.fromRunnable(() -> res.withConnection(c -> c.channel().close()));
        }

        /** Sends headers with a Content-Length, then half the body, then closes the connection. */
        static Reply truncated(String fullBody) {
            return (req, res) -> {
                byte[] bytes = fullBody.getBytes(StandardCharsets.UTF_8);
                // Taken before sending: once the response is sent, withConnection only sees a disposed
                // placeholder whose close() never reaches the socket, and the client would wait forever.
                AtomicReference<Channel> channel = new AtomicReference<>();
                res.withConnection(c -> channel.set(c.channel()));
                res.status(HttpResponseStatus.OK).header("Content-Type", "application/json")
                        .header("Content-Length", Integer.toString(bytes.length));
                NettyOutbound out = res.send(Mono.just(Unpooled.wrappedBuffer(bytes, 0, bytes.length / 2)));
                return out.then().then(Mono.fromRunnable(() -> channel.get().close()));
            };
        }
    }

    private final DisposableServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> fallback = r -> Reply.json(500, "{\"detail\":\"no scripted reply\"}");

    private ScriptedServer() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> {
                            Received r = new Received(req.method().name(), req.uri(), req.requestHeaders().entries()
                                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                                            (a, b) -> a + "," + b)), body);
                            received.add(r);
                            Reply reply = script.poll();
                            return (reply != null ? reply : fallback.apply(r)).send(req, res);
                        }))
                .bindNow();
    }

    /** Starts a server on a random loopback port. */
    public static ScriptedServer start() {
        return new ScriptedServer();
    }

    /** Queues replies, answered in order, one per request. */
    public ScriptedServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Sets the answer used once the script is exhausted. */
    public ScriptedServer otherwise(Function<Received, Reply> fallback) {
        this.fallback = fallback;
        return this;
    }

    /** Returns {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Returns the requests received so far. */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Returns the requests received on a path (without query). */
    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
