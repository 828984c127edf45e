package ai.corti.client.core.internal.streams;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One WebSocket connection of a session: writes frames straight to the channel (so each audio frame's write
 * completion frees its share of the audio budget) and reads frames one at a time, only when the session asks
 * ({@link #requestOne()}), so a consumer that falls behind stops the reading instead of growing a buffer.
 *
 * <p>Writes always run as one task on the channel's event loop, in the order they were queued: Netty runs a
 * write made on the event loop at once but queues one made elsewhere, so writing from whichever thread the
 * session happens to run on could let a later frame (an {@code end}) overtake earlier audio.
 *
 * <p>Fields other than the close status are touched only by the owning session's serial tasks.
 */
final class StreamSocket {

    /** How long a close frame may take to go out before the channel is closed anyway. */
    private static final long CLOSE_BACKSTOP_SECONDS = 2;

    final int generation;
    private final WebsocketInbound inbound;
    private final WebsocketOutbound outbound;
    private final Connection connection;
    private final Sinks.Empty<Void> finished = Sinks.empty();
    private final Queue<Object> toWrite = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private Frames frames;

    boolean accepted;
    boolean requested;
    boolean gone;
    boolean closing;
    int messagesBeforeAcceptance;
    volatile int closeCode = -1;
    volatile String closeReason = "";

    StreamSocket(int generation, WebsocketInbound inbound, WebsocketOutbound outbound, Connection connection) {
        this.generation = generation;
        this.inbound = inbound;
        this.outbound = outbound;
        this.connection = connection;
        inbound.receiveCloseStatus().subscribe(status -> {
            // 1005 and 1006 are never sent: they stand for "no status code" and "no close frame".
            closeCode = status.code() == 1005 || status.code() == 1006 ? -1 : status.code();
            closeReason = status.reasonText() == null ? "" : status.reasonText();
        }, error -> { });
    }

    /**
     * Completes when the session is done with this connection: its reading ended (after every frame received
     * was handed over) or it was closed. Reactor Netty keeps the connection's inbound until then; completing on
     * the channel's close instead would let it discard frames not yet read, such as an {@code ENDED} that
     * arrived just before the server closed.
     *
     * @return the end of the session's use of the connection
     */
    Mono<Void> done() {
        return finished.asMono();
    }

    /**
     * Starts reading: frames go to {@code onFrame} and the end of the stream to {@code onEnd}. The first frame
     * (the answer to the configuration) is asked for here; each later one by {@link #requestOne()}.
     */
    void startReading(int maxFrameBytes, Consumer<WebSocketFrame> onFrame, Consumer<Throwable> onEnd) {
        frames = new Frames(onFrame, error -> {
            finished.tryEmitEmpty();
            onEnd.accept(error);
        });
        requested = true;
        inbound.aggregateFrames(maxFrameBytes).receiveFrames().subscribe(frames);
    }

    /** Asks for the next frame. */
    void requestOne() {
        requested = true;
        frames.request(1);
    }

    Channel channel() {
        return connection.channel();
    }

    /** Queues a text frame; {@link #writeQueued()} sends it. */
    void queueText(String text) {
        toWrite.add(text);
    }

    /** Queues a binary frame over a slice of {@code data}; {@code onWritten} runs once it is written (or failed). */
    void queueAudio(byte[] data, int offset, int length, ChannelFutureListener onWritten) {
        toWrite.add(new PendingAudio(data, offset, length, onWritten));
    }

    /** Writes everything queued, in order, on the event loop, then flushes once. */
    void writeQueued() {
        if (writeScheduled.compareAndSet(false, true)) {
            channel().eventLoop().execute(this::writeAll);
        }
    }

    private void writeAll() {
        writeScheduled.set(false); // before draining: a frame queued from now on schedules another run
        Channel channel = channel();
        boolean wrote = false;
        Object item;
        while ((item = toWrite.poll()) != null) {
            wrote = true;
            if (item instanceof PendingAudio audio) {
                channel.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(audio.data, audio.offset, audio.length)))
                        .addListener(audio.onWritten);
            } else {
                channel.write(new TextWebSocketFrame((String) item));
            }
        }
        if (wrote) {
            channel.flush();
        }
    }

    /** A queued binary frame. */
    private record PendingAudio(byte[] data, int offset, int length, ChannelFutureListener onWritten) {
    }

    /** Sends a close frame and closes the channel once it is out (or after a short backstop). Idempotent. */
    void close(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        // Reading is not cancelled: Reactor Netty would answer a cancelled inbound with its own close frame.
        // The inbound completes by itself once the channel is closed.
        Channel channel = channel();
        if (!channel.isActive()) {
            abort();
            return;
        }
        // Once the close frame is out, nothing more will be read: stop reading (Reactor Netty sends no second
        // close frame) and let the connection go.
        outbound.sendClose(code, reason).subscribe(null, error -> abort(), this::stopReading);
        channel.eventLoop().schedule(this::abort, CLOSE_BACKSTOP_SECONDS, TimeUnit.SECONDS);
    }

    /** Closes the TCP connection without a close frame. */
    void abort() {
        closing = true;
        stopReading();
        connection.dispose();
    }

    private void stopReading() {
        if (frames != null) {
            frames.dispose();
        }
        finished.tryEmitEmpty();
    }

    /** Hands frames over as they are requested; the frame is released by Reactor Netty once {@code onFrame} returns. */
    private static final class Frames extends BaseSubscriber<WebSocketFrame> {
        private final Consumer<WebSocketFrame> onFrame;
        private final Consumer<Throwable> onEnd;

        Frames(Consumer<WebSocketFrame> onFrame, Consumer<Throwable> onEnd) {
            this.onFrame = onFrame;
            this.onEnd = onEnd;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // The first frame; the subscription may arrive later than startReading, so it is asked for here.
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(WebSocketFrame frame) {
            onFrame.accept(frame);
        }

        @Override
        protected void hookOnComplete() {
            onEnd.accept(null);
        }

        @Override
        protected void hookOnError(Throwable error) {
            onEnd.accept(error);
        }
    }
}
