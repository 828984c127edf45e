package ai.corti.bench.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The baseline: a hand-written minimal {@code /transcribe} client on Reactor Netty's WebSocket client, the
 * transport the SDK uses. It sends the configuration, waits for the acceptance, writes audio with
 * {@code sendObject} (Reactor Netty's own batching and backpressure) and reads each message as a JSON tree to
 * find its {@code type}: no validation, no typed decoding, no audio budget, no reconnection, no deadlines.
 */
final class RawStreamClient implements StreamBenchClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONFIG = "{\"type\":\"config\",\"configuration\":{\"primaryLanguage\":\"en\","
            + "\"audioFormat\":\"audio/wav\"}}";

    private final Sinks.Empty<Void> accepted = Sinks.empty();
    private final Queue<Sinks.Empty<Void>> flushes = new ConcurrentLinkedQueue<>();
    private final AtomicLong transcripts = new AtomicLong();
    private final Disposable connection;
    private volatile WebsocketOutbound outbound;

    RawStreamClient(String realtimeBase, String tenant, String token) {
        String uri = realtimeBase + "/transcribe?tenant-name=" + encode(tenant) + "&token=" + encode("Bearer " + token);
        this.connection = HttpClient.create()
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build())
                .uri(uri)
                .handle((in, out) -> {
                    outbound = out;
                    Mono<Void> config = out.sendString(Mono.just(CONFIG)).then();
                    Mono<Void> reading = in.aggregateFrames(1 << 20).receive().asString().doOnNext(this::onText).then();
                    return config.then(reading);
                })
                .subscribe();
        accepted.asMono().block(Duration.ofSeconds(30));
    }

    private void onText(String text) {
        JsonNode message;
        try {
            message = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        switch (message.path("type").asText()) {
            case "CONFIG_ACCEPTED" -> accepted.tryEmitEmpty();
            case "transcript" -> transcripts.incrementAndGet();
            case "flushed" -> {
                Sinks.Empty<Void> flushed = flushes.poll();
                if (flushed != null) {
                    flushed.tryEmitEmpty();
                }
            }
            default -> {
            }
        }
    }

    @Override
    public Mono<Void> sendThenFlush(List<byte[]> chunks) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> flushed = Sinks.empty();
            flushes.add(flushed);
            Flux<WebSocketFrame> frames = Flux.fromIterable(chunks)
                    .<WebSocketFrame>map(chunk -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(chunk)))
                    .concatWith(Mono.fromSupplier(() -> new TextWebSocketFrame("{\"type\":\"flush\"}")));
            return outbound.sendObject(frames).then().then(flushed.asMono());
        });
    }

    @Override
    public long transcripts() {
        return transcripts.get();
    }

    @Override
    public void close() {
        connection.dispose();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
