package ai.corti.client.blocking.streams;

import ai.corti.client.core.internal.Blocking;
import ai.corti.client.core.internal.streams.RealtimeSession;
import ai.corti.client.core.streams.ConfigStatus;
import ai.corti.client.core.streams.FlushedMessage;
import ai.corti.client.core.streams.ServerMessage;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.UsageMessage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.scheduler.Schedulers;

/**
 * An open real-time session of the blocking client. Read its messages with the {@link StreamListener} given to
 * {@code connect(..)}, or, without one, with {@link #messages()} / {@link #poll(Duration)} on another thread than
 * the one sending audio (a session whose messages are not read stops reading its socket once its buffer is
 * full).
 *
 * <pre>{@code
 * try (StreamSession<TranscribeMessage> session = client.transcribe().connect(config, listener)) {
 *     for (byte[] chunk : chunks) {
 *         session.sendAudio(chunk);          // waits while the connection is slower than you
 *     }
 *     session.end();                         // remaining results, usage, ended
 * }
 * }</pre>
 *
 * <p>Every method waits at most the deadline of {@link StreamOptions}; none may be called on a Reactor
 * event-loop thread (it fails fast there). Thread-safe; audio is sent in the order of the calls.
 *
 * @param <M> {@code StreamMessage} or {@code TranscribeMessage}
 */
public final class StreamSession<M extends ServerMessage> implements AutoCloseable {

    private final RealtimeSession<M> session;
    private final StreamOptions options;
    private final MessageQueue<M> queue;
    private final Object sendLock = new Object();

    /**
     * Wraps an engine session; sessions come from {@link StreamsClient} or {@link TranscribeClient}.
     *
     * @param session  the engine's session
     * @param options  the session's options (deadlines)
     * @param listener receives the messages, or {@code null} to read them with {@link #messages()}
     */
    public StreamSession(RealtimeSession<M> session, StreamOptions options, StreamListener<? super M> listener) {
        this.session = Objects.requireNonNull(session, "session");
        this.options = Objects.requireNonNull(options, "options");
        if (listener == null) {
            this.queue = new MessageQueue<>();
            session.messages().subscribe(queue);
        } else {
            this.queue = null;
            session.messages().publishOn(Schedulers.boundedElastic(), 32).subscribe(new ListenerSubscriber<>(listener));
        }
    }

    /**
     * Returns the server's acceptance of the configuration.
     *
     * @return the {@code CONFIG_ACCEPTED} status
     */
    public ConfigStatus accepted() {
        return session.accepted();
    }

    /**
     * Sends a chunk of audio (about 250 ms is recommended). Returns once the chunk is in the audio buffer,
     * waiting while the connection is slower than the caller, at most {@code writeTimeout}. The array may be
     * reused when this returns.
     *
     * @param chunk the audio
     */
    public void sendAudio(byte[] chunk) {
        Objects.requireNonNull(chunk, "chunk");
        sendAudio(ByteBuffer.wrap(chunk));
    }

    /**
     * Sends part of an array as a chunk of audio.
     *
     * @param chunk  the array
     * @param offset where the audio starts
     * @param length how many bytes
     */
    public void sendAudio(byte[] chunk, int offset, int length) {
        Objects.requireNonNull(chunk, "chunk");
        Objects.checkFromIndexSize(offset, length, chunk.length);
        sendAudio(ByteBuffer.wrap(chunk, offset, length));
    }

    /**
     * Sends a buffer's remaining bytes as a chunk of audio (its position is not changed).
     *
     * @param chunk the audio
     */
    public void sendAudio(ByteBuffer chunk) {
        Objects.requireNonNull(chunk, "chunk");
        Blocking.requireBlockingAllowed();
        synchronized (sendLock) { // callers on several threads: one chunk after the other, whole
            Awaits.await(session.sendChunk(chunk), options.writeTimeout(), session.describe() + " sendAudio");
        }
    }

    /**
     * Asks the server to emit what it holds now and waits for {@code flushed}, at most {@code flushTimeout}.
     *
     * @return the {@code flushed} message
     */
    public FlushedMessage flush() {
        return Awaits.await(session.flush(), options.flushTimeout(), session.describe() + " flush");
    }

    /**
     * Ends the session after the audio already sent and waits for {@code ENDED}/{@code ended}, at most
     * {@code endTimeout}. The messages end after it.
     *
     * @return the {@code usage} message, or empty when the server sent none
     */
    public Optional<UsageMessage> end() {
        return Optional.ofNullable(Awaits.await(session.end(), options.endTimeout(), session.describe() + " end"));
    }

    /**
     * Returns the messages as they arrive, for sessions opened without a listener. Each wait for the next one
     * lasts at most {@code idleTimeout} (then a {@code CortiTimeoutException}); iteration ends after
     * {@code ENDED}/{@code ended} or {@link #close()}, and throws the session's failure if it fails.
     *
     * @return the messages; iterate from one thread
     * @throws IllegalStateException when the session has a listener
     */
    public Iterable<M> messages() {
        MessageQueue<M> messages = requireQueue();
        return () -> messages.iterator(options.idleTimeout());
    }

    /**
     * Takes the next message, waiting at most {@code timeout}, for sessions opened without a listener.
     *
     * @param timeout the longest wait
     * @return the message; empty when none arrived in time or the messages ended
     * @throws IllegalStateException when the session has a listener
     */
    public Optional<M> poll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return requireQueue().poll(timeout);
    }

    /**
     * Tells whether the messages ended (after {@code ENDED}/{@code ended}, {@link #close()} or a failure) and
     * every one was taken, for loops over {@link #poll(Duration)}.
     *
     * @return {@code true} when nothing more will come
     * @throws IllegalStateException when the session has a listener
     */
    public boolean isFinished() {
        return requireQueue().finished();
    }

    /**
     * Returns how many bytes of audio were handed over but not yet written to the socket.
     *
     * @return bytes pending
     */
    public long pendingAudioBytes() {
        return session.pendingAudioBytes();
    }

    /** Closes the session (close code 1000) without waiting; the messages end. Idempotent. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "StreamSession[" + session.describe() + "]";
    }

    private MessageQueue<M> requireQueue() {
        if (queue == null) {
            throw new IllegalStateException("this session delivers its messages to its StreamListener");
        }
        return queue;
    }

    /** Hands messages to a listener on a worker thread; a listener that throws closes the session. */
    private static final class ListenerSubscriber<M> extends BaseSubscriber<M> {
        private final StreamListener<? super M> listener;
        private final AtomicBoolean terminated = new AtomicBoolean();

        ListenerSubscriber(StreamListener<? super M> listener) {
            this.listener = listener;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE); // publishOn's queue bounds what is in flight
        }

        @Override
        protected void hookOnNext(M message) {
            listener.onMessage(message);
        }

        @Override
        protected void hookOnComplete() {
            if (terminated.compareAndSet(false, true)) {
                listener.onClose();
            }
        }

        @Override
        protected void hookOnError(Throwable error) {
            if (terminated.compareAndSet(false, true)) {
                listener.onError(error);
            }
        }
    }
}
