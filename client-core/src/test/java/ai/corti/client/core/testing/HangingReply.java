package ai.corti.client.core.testing;

import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A reply that never answers, and tells when the client closed the connection (after a cancel). */
public final class HangingReply implements ScriptedServer.Reply {

    private final Sinks.Empty<Void> closed = Sinks.empty();
    private final AtomicInteger arrived = new AtomicInteger();

    @Override
    public Mono<Void> send(reactor.netty.http.server.HttpServerRequest request,
                           reactor.netty.http.server.HttpServerResponse response) {
        arrived.incrementAndGet();
        response.withConnection(c -> c.onDispose(() -> closed.tryEmitEmpty()));
        return Mono.never();
    }

    /** Completes when the connection of the hanging request was closed. */
    public Mono<Void> connectionClosed() {
        return closed.asMono();
    }

    /** How many requests reached this reply. */
    public int arrived() {
        return arrived.get();
    }
}
