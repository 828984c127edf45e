package ai.corti.client.reactive.streams;

import ai.corti.client.core.internal.streams.RealtimeSession;
import ai.corti.client.core.streams.ConfigStatus;
import ai.corti.client.core.streams.FlushedMessage;
import ai.corti.client.core.streams.ServerMessage;
import ai.corti.client.core.streams.UsageMessage;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An open real-time session of the reactive client: audio in, messages out, both with backpressure.
 *
 * <pre>{@code
 * client.transcribe().connect(config)
 *     .flatMapMany(session -> session.messages()
 *             .doOnSubscribe(s -> session.sendAudio(audioChunks).then(session.end()).subscribe()))
 *     .ofType(DictationTranscript.class)
 *     .subscribe(t -> System.out.println(t.text()));
 * }</pre>
 *
 * <p>Rules: {@link #messages()} may be subscribed once and emits every server message from
 * {@code CONFIG_ACCEPTED} on; cancelling that subscription closes the session. One {@link #sendAudio(Publisher)}
 * at a time. Operations are lazy: nothing is sent until the returned {@code Mono} is subscribed. Thread-safe.
 *
 * @param <M> {@code StreamMessage} or {@code TranscribeMessage}
 */
public final class ReactiveStreamSession<M extends ServerMessage> implements AutoCloseable {

    private final RealtimeSession<M> session;

    /**
     * Wraps an engine session. Sessions come from {@link ReactiveStreamsClient} or {@link ReactiveTranscribeClient}.
     *
     * @param session the engine's session
     */
    public ReactiveStreamSession(RealtimeSession<M> session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Returns the server's acceptance of the configuration (with the resolved configuration and, on
     * {@code /transcribe}, the session id).
     *
     * @return the {@code CONFIG_ACCEPTED} status
     */
    public ConfigStatus accepted() {
        return session.accepted();
    }

    /**
     * Returns the session's messages in order, from {@code CONFIG_ACCEPTED} on (a reconnection's acceptance
     * included). Completes after {@code ENDED}/{@code ended} or {@link #close()}; fails with a
     * {@code CortiStreamException} (or {@code CortiTimeoutException}) when the session fails. Up to
     * {@code messageBufferSize} messages wait for you, then the socket is no longer read.
     *
     * @return the messages; one subscriber only, and cancelling closes the session
     */
    public Flux<M> messages() {
        return session.messages();
    }

    /**
     * Streams audio, requesting the next chunk only when the audio buffer has room, so a slow connection slows
     * the producer. Chunks of about 250 ms are recommended.
     *
     * @param audio the audio, in order
     * @return completes when the last chunk is in the audio buffer; cancelling stops the source
     */
    public Mono<Void> sendAudio(Publisher<ByteBuffer> audio) {
        Objects.requireNonNull(audio, "audio");
        return session.sendAudio(audio);
    }

    /**
     * Sends one chunk of audio (copied; the buffer may be reused once the {@code Mono} completes).
     *
     * @param chunk the audio, from its position to its limit
     * @return completes when the chunk is in the audio buffer
     */
    public Mono<Void> sendAudio(ByteBuffer chunk) {
        Objects.requireNonNull(chunk, "chunk");
        return session.sendChunk(chunk);
    }

    /**
     * Sends one chunk of audio (copied).
     *
     * @param chunk the audio
     * @return completes when the chunk is in the audio buffer
     */
    public Mono<Void> sendAudio(byte[] chunk) {
        Objects.requireNonNull(chunk, "chunk");
        return session.sendChunk(ByteBuffer.wrap(chunk));
    }

    /**
     * Asks the server to emit what it holds now; the session stays open.
     *
     * @return the {@code flushed} message; fails after {@code flushTimeout}
     */
    public Mono<FlushedMessage> flush() {
        return session.flush();
    }

    /**
     * Ends the session after the audio already handed over: the server emits the remaining results, then
     * {@code usage}, then {@code ENDED}/{@code ended}, and closes. A running {@link #sendAudio(Publisher)} is
     * stopped. Never followed by a reconnection.
     *
     * @return the {@code usage} message, or empty when the server sent none; fails after {@code endTimeout}
     */
    public Mono<UsageMessage> end() {
        return session.end();
    }

    /**
     * Returns how many bytes of audio were handed over but not yet written to the socket.
     *
     * @return bytes pending
     */
    public long pendingAudioBytes() {
        return session.pendingAudioBytes();
    }

    /** Closes the session now (close code 1000); {@link #messages()} completes. Does not block; idempotent. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "ReactiveStreamSession[" + session.describe() + "]";
    }
}
