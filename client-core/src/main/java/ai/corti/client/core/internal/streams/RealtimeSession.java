package ai.corti.client.core.internal.streams;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.streams.ConfigStatus;
import ai.corti.client.core.streams.CortiStreamException;
import ai.corti.client.core.streams.EndedMessage;
import ai.corti.client.core.streams.ErrorMessage;
import ai.corti.client.core.streams.FlushedMessage;
import ai.corti.client.core.streams.MalformedMessage;
import ai.corti.client.core.streams.ServerMessage;
import ai.corti.client.core.streams.StreamClosedException;
import ai.corti.client.core.streams.StreamConfigException;
import ai.corti.client.core.streams.StreamLimits;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.StreamServerErrorException;
import ai.corti.client.core.streams.UsageMessage;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One real-time session, shared by both facades: connects, sends the configuration, opens on
 * {@code CONFIG_ACCEPTED}, carries audio out and messages in with bounded buffers on both sides, answers
 * {@link #flush()} and {@link #end()}, reconnects by its policy, and closes.
 *
 * <p>Every change of state runs as a task of the session's {@link SerialExecutor}; fields without
 * {@code final} or an atomic type are touched only there.
 *
 * <p>Memory: audio waits in {@link #outgoing} only while less than {@code audioBufferBytes} is pending (a
 * chunk arriving beyond that waits for a write to complete, which slows the producer); messages wait for the
 * consumer only up to {@code messageBufferSize} / {@code messageBufferBytes}, after which the socket is not
 * read (the server is slowed by TCP); a frame larger than {@code maxMessageBytes} fails the session.
 *
 * @param <M> the endpoint's message type
 */
public final class RealtimeSession<M extends ServerMessage> {

    private static final Logger LOG = LoggerFactory.getLogger("ai.corti.client.streams");

    /** More messages than this before {@code CONFIG_ACCEPTED} fail the handshake: a server that never answers. */
    static final int MAX_MESSAGES_BEFORE_ACCEPTANCE = 64;
    /** At most this many flushes may wait for {@code flushed} at once. */
    static final int MAX_PENDING_FLUSHES = 64;
    /** At most this many chunks may wait for room in the audio buffer (callers on many threads at once). */
    static final int MAX_WAITING_CHUNKS = 1024;

    private static final String FLUSH = "{\"type\":\"flush\"}";
    private static final String END = "{\"type\":\"end\"}";

    private enum State { CONNECTING, OPEN, RECONNECTING, ENDING, ENDED, CLOSED, FAILED }

    private final StreamConnector connector;
    private final StreamEndpoint<M> endpoint;
    private final String configMessage;
    private final StreamOptions options;
    private final String where;
    private final String uri;
    private final Scheduler scheduler;
    private final SerialExecutor serial = new SerialExecutor();

    private State state = State.CONNECTING;
    private StreamSocket socket;
    private Disposable attempt;
    private int generation;
    private int failedAttempts;
    private Disposable timer;
    private MonoSink<RealtimeSession<M>> opening;
    private volatile ConfigStatus accepted;

    private final Sinks.Many<M> outlet = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicBoolean messagesTaken = new AtomicBoolean();
    private final ArrayDeque<Integer> bufferedSizes = new ArrayDeque<>();
    private long bufferedBytes;

    private final ArrayDeque<Object> outgoing = new ArrayDeque<>();
    private final AtomicLong pendingAudio = new AtomicLong();
    private final ArrayDeque<Admission> waiting = new ArrayDeque<>();
    private AudioSource audioSource;

    private final ArrayDeque<FlushWaiter> flushes = new ArrayDeque<>();
    private final List<MonoSink<UsageMessage>> endWaiters = new ArrayList<>();
    private boolean endQueued;
    private Disposable endTimer;
    private UsageMessage lastUsage;

    RealtimeSession(StreamConnector connector, StreamEndpoint<M> endpoint, String configMessage, StreamOptions options) {
        this.connector = connector;
        this.endpoint = endpoint;
        this.configMessage = configMessage;
        this.options = options;
        StreamAddress address = connector.address(options);
        this.where = endpoint.name() + " " + address.describe(endpoint);
        this.uri = address.uri(endpoint, connector.tenant());
        this.scheduler = connector.scheduler();
    }

    // ---------------------------------------------------------------- public API (facades)

    /**
     * Returns the server's acceptance of the configuration (the first one, if the session reconnected).
     *
     * @return the {@code CONFIG_ACCEPTED} status
     */
    public ConfigStatus accepted() {
        return accepted;
    }

    /**
     * Returns the session's messages, in order, from {@code CONFIG_ACCEPTED} on; completes after
     * {@code ENDED}/{@code ended} or {@link #close()}, fails when the session fails. One subscriber only;
     * cancelling closes the session.
     *
     * @return the messages
     */
    public Flux<M> messages() {
        return Flux.defer(() -> {
            if (!messagesTaken.compareAndSet(false, true)) {
                return Flux.error(new IllegalStateException("messages() can be subscribed to once per session"));
            }
            return outlet.asFlux()
                    .doOnNext(message -> serial.execute(this::consumed))
                    .doOnCancel(this::close);
        });
    }

    /**
     * Streams audio from a publisher, one chunk at a time as the audio buffer has room.
     *
     * @param audio the audio chunks, in order
     * @return completes when every chunk is in the audio buffer; fails if another source is running, the session
     *         ends or closes first, or a chunk waits longer than {@code writeTimeout}; cancelling stops the source
     */
    public Mono<Void> sendAudio(Publisher<ByteBuffer> audio) {
        return Mono.create(sink -> {
            AudioSource source = new AudioSource(sink);
            sink.onCancel(() -> serial.execute(() -> stopSource(source, null)));
            serial.execute(() -> startSource(source, audio));
        });
    }

    /**
     * Hands one chunk of audio to the session; the bytes are copied, so the caller may reuse the buffer once
     * the returned {@code Mono} completes. Larger chunks are sent as frames of at most
     * {@link StreamLimits#MAX_AUDIO_FRAME_BYTES}.
     *
     * @param chunk the audio, from its position to its limit (the position is not changed)
     * @return completes when the chunk is in the audio buffer
     */
    public Mono<Void> sendChunk(ByteBuffer chunk) {
        return Mono.create(sink -> {
            ByteBuffer view = chunk.duplicate();
            byte[] copy = new byte[view.remaining()];
            view.get(copy);
            Admission admission = new Admission(copy, sink);
            sink.onCancel(() -> serial.execute(() -> cancelAdmission(admission)));
            serial.execute(() -> admit(admission));
        });
    }

    /**
     * Sends {@code flush}: the server emits what it holds, then {@code flushed}.
     *
     * @return the {@code flushed} message; fails after {@code flushTimeout}
     */
    public Mono<FlushedMessage> flush() {
        return Mono.create(sink -> {
            FlushWaiter waiter = new FlushWaiter(sink);
            serial.execute(() -> startFlush(waiter));
        });
    }

    /**
     * Sends {@code end} after the audio already handed over: the server emits what remains, then {@code usage},
     * then {@code ENDED}/{@code ended}, and closes. A running {@link #sendAudio(Publisher)} is stopped.
     *
     * @return the last {@code usage} message, or empty if the server sent none; fails after {@code endTimeout}
     */
    public Mono<UsageMessage> end() {
        return Mono.create(sink -> serial.execute(() -> startEnd(sink)));
    }

    /** Closes the session: a close frame (1000) to the server, messages complete, pending operations fail. Idempotent. */
    public void close() {
        serial.execute(() -> closeByClient());
    }

    /**
     * Returns how many bytes of audio were handed over but not yet written to the socket.
     *
     * @return at most {@code audioBufferBytes} plus one chunk
     */
    public long pendingAudioBytes() {
        return pendingAudio.get();
    }

    /**
     * Returns the endpoint and its address without query, for messages.
     *
     * @return e.g. {@code transcribe wss://api.eu.corti.app/audio-bridge/v2/transcribe}
     */
    public String describe() {
        return where;
    }

    @Override
    public String toString() {
        return "RealtimeSession[" + where + "]";
    }

    // ---------------------------------------------------------------- opening (StreamConnector)

    /** Starts connecting; {@code sink} gets the session on acceptance. Runs once, from the connector. */
    void open(MonoSink<RealtimeSession<M>> sink) {
        sink.onCancel(() -> serial.execute(() -> {
            if (state == State.CONNECTING) {
                opening = null; // cancelled: nobody to tell
                closeByClient();
            }
        }));
        serial.execute(() -> {
            if (state != State.CONNECTING) {
                sink.error(closedByClientError());
                return;
            }
            opening = sink;
            LOG.debug("{}: connecting", where);
            connect();
        });
    }

    private void connect() {
        int current = ++generation;
        armTimer(options.handshakeTimeout(), () -> handshakeTimedOut(current));
        Mono<AccessToken> token;
        try {
            token = connector.token();
        } catch (RuntimeException e) {
            handshakeFailed(current, e);
            return;
        }
        attempt = token.flatMap(t -> connector.client(t.value(), options))
                .flatMapMany(client -> client
                        .websocket(connector.websocketSpec(options))
                        .uri(uri)
                        .handle((in, out) -> socketOpened(current, in, out)))
                .subscribe(null,
                        error -> serial.execute(() -> handshakeFailed(current, error)),
                        () -> serial.execute(() -> attemptCompleted(current)));
    }

    /** Runs on the event loop when the upgrade succeeded; the returned publisher keeps the connection until it closes. */
    private Publisher<Void> socketOpened(int current, WebsocketInbound in, WebsocketOutbound out) {
        Connection[] connection = new Connection[1];
        in.withConnection(c -> connection[0] = c);
        StreamSocket opened = new StreamSocket(current, in, out, connection[0]);
        serial.execute(() -> startSocket(opened));
        return opened.done();
    }

    private void startSocket(StreamSocket opened) {
        if (opened.generation != generation || isTerminal()) {
            opened.abort();
            return;
        }
        socket = opened;
        opened.queueText(configMessage);
        opened.writeQueued();
        opened.startReading(options.maxMessageBytes(),
                frame -> onFrame(opened, frame),
                error -> serial.execute(() -> socketEnded(opened, error)));
    }

    /** On the event loop, while the frame is still valid: decode now, act in order. */
    private void onFrame(StreamSocket from, WebSocketFrame frame) {
        int size = frame.content().readableBytes();
        M message;
        if (frame instanceof TextWebSocketFrame text) {
            message = endpoint.decode(text.text());
        } else if (frame instanceof BinaryWebSocketFrame) {
            message = malformed(new MalformedMessage("", "a binary frame from the server (" + size + " bytes)", ""));
        } else {
            message = null; // pong and the like: not a message
        }
        serial.execute(() -> received(from, message, size));
    }

    @SuppressWarnings("unchecked")
    private M malformed(MalformedMessage message) {
        return (M) message; // the common records implement both endpoints' hierarchies
    }

    private void received(StreamSocket from, M message, int size) {
        if (from != socket || isTerminal()) {
            return;
        }
        from.requested = false;
        if (message == null) {
            requestMore(from);
            return;
        }
        if (!from.accepted) {
            beforeAcceptance(from, message, size);
            return;
        }
        emit(message, size);
        if (message instanceof FlushedMessage flushed) {
            completeFlush(flushed);
        } else if (message instanceof UsageMessage usage) {
            lastUsage = usage;
        } else if (message instanceof EndedMessage ended && ended.type().equals(endpoint.endedType())) {
            ended();
            return;
        }
        requestMore(from);
    }

    private void beforeAcceptance(StreamSocket from, M message, int size) {
        if (message instanceof ConfigStatus status) {
            if (status.isAccepted()) {
                acceptedOn(from, status, message, size);
            } else {
                fail(new StreamConfigException(where + ": the server refused the configuration with " + status.type()
                        + status.reason().map(reason -> " (" + reason + ")").orElse(""), status.status(), status.type(),
                        status.reason().orElse(null)));
            }
            return;
        }
        if (message instanceof ErrorMessage error) {
            fail(new StreamServerErrorException(where + ": the server answered the configuration with an error: "
                    + error.summary(), error));
            return;
        }
        if (++from.messagesBeforeAcceptance > MAX_MESSAGES_BEFORE_ACCEPTANCE) {
            handshakeFailed(from.generation, new CortiStreamException(where + ": more than "
                    + MAX_MESSAGES_BEFORE_ACCEPTANCE + " messages and no answer to the configuration"));
            return;
        }
        emit(message, size); // delivered in order; the answer is still awaited
        from.requestOne();
    }

    private void acceptedOn(StreamSocket from, ConfigStatus status, M message, int size) {
        from.accepted = true;
        cancelTimer();
        failedAttempts = 0;
        emit(message, size);
        if (state == State.CONNECTING) {
            state = State.OPEN;
            accepted = status;
            LOG.debug("{}: configuration accepted", where);
            MonoSink<RealtimeSession<M>> sink = opening;
            opening = null;
            if (sink != null) {
                sink.success(this);
            }
        } else {
            state = State.OPEN;
            LOG.info("{}: reconnected, configuration accepted again", where);
        }
        drainOutgoing();
        requestMore(from);
    }

    /** The socket's reading ended: the server closed it, it was lost, or a frame was refused. */
    private void socketEnded(StreamSocket from, Throwable error) {
        if (from != socket || from.gone) {
            return;
        }
        from.gone = true;
        if (isTerminal()) {
            return;
        }
        if (!from.accepted) {
            handshakeFailed(from.generation, error != null ? error : new StreamClosedException(where
                    + ": the server closed the connection before answering the configuration" + closeDetails(from),
                    from.closeCode, from.closeReason, null));
            return;
        }
        Throwable cause = error != null ? StreamFailures.map(where, error) : new StreamClosedException(where
                + ": the server closed the stream before it ended" + closeDetails(from), from.closeCode,
                from.closeReason, null);
        if (state == State.OPEN && options.reconnect().maxAttempts() > 0) {
            connectionLost(cause);
        } else {
            fail(cause);
        }
    }

    private void attemptCompleted(int current) {
        // The channel closed. Once reading started, the reading reports the end itself, after the frames it
        // still holds (an ENDED read just before the close must not be lost); this covers a socket that never
        // started reading.
        if (current == generation && socket == null && !isTerminal()) {
            handshakeFailed(current, new StreamClosedException(where + ": the connection closed before it opened",
                    -1, "", null));
        }
    }

    private static String closeDetails(StreamSocket from) {
        return from.closeCode < 0 ? " (no close code)" : " (close code " + from.closeCode
                + (from.closeReason.isEmpty() ? "" : ", reason '" + from.closeReason + "'") + ")";
    }

    private void handshakeTimedOut(int current) {
        if (current != generation || isTerminal() || (socket != null && socket.generation == current && socket.accepted)) {
            return;
        }
        Duration limit = options.handshakeTimeout();
        handshakeFailed(current, new CortiTimeoutException(where + ": no answer to the configuration within " + limit,
                limit, true, null));
    }

    private void handshakeFailed(int current, Throwable error) {
        if (current != generation || isTerminal()) {
            return;
        }
        cancelTimer();
        dropConnection();
        Throwable mapped = StreamFailures.map(where, error);
        if (state == State.RECONNECTING) {
            scheduleReconnect(mapped);
        } else {
            fail(mapped);
        }
    }

    // ---------------------------------------------------------------- reconnection

    private void connectionLost(Throwable cause) {
        state = State.RECONNECTING;
        failedAttempts = 0;
        dropConnection();
        CortiStreamException lost = new CortiStreamException(where + ": the connection was lost before 'flushed' "
                + "arrived", cause);
        for (FlushWaiter waiter : flushes) {
            waiter.fail(lost);
        }
        flushes.clear();
        outgoing.removeIf(FLUSH::equals);
        LOG.warn("{}: connection lost ({}), reconnecting", where, cause.getMessage());
        scheduleReconnect(cause);
    }

    private void scheduleReconnect(Throwable lastError) {
        failedAttempts++;
        int max = options.reconnect().maxAttempts();
        if (failedAttempts > max) {
            fail(new CortiStreamException(where + ": the connection was lost and " + max + " reconnection attempt"
                    + (max == 1 ? "" : "s") + " failed; last: " + lastError.getMessage(), lastError));
            return;
        }
        Duration delay = options.reconnect().delayBefore(failedAttempts);
        LOG.debug("{}: reconnection attempt {} of {} in {}", where, failedAttempts, max, delay);
        armTimer(delay, this::connect);
    }

    // ---------------------------------------------------------------- messages out to the consumer

    private void emit(M message, int size) {
        bufferedSizes.add(size);
        bufferedBytes += size;
        if (outlet.tryEmitNext(message).isFailure()) {
            bufferedSizes.pollLast();
            bufferedBytes -= size;
        }
    }

    private void consumed() {
        Integer size = bufferedSizes.poll();
        if (size != null) {
            bufferedBytes -= size;
        }
        if (socket != null && socket.accepted) {
            requestMore(socket);
        }
    }

    private void requestMore(StreamSocket from) {
        if (from.requested || from.gone || from.closing || isTerminal()) {
            return;
        }
        if (bufferedSizes.size() < options.messageBufferSize() && bufferedBytes < options.messageBufferBytes()) {
            from.requestOne();
        }
    }

    // ---------------------------------------------------------------- audio and control frames out

    private boolean acceptsAudio() {
        return (state == State.OPEN || state == State.RECONNECTING) && !endQueued;
    }

    private void startSource(AudioSource source, Publisher<ByteBuffer> audio) {
        if (source.done) {
            return;
        }
        if (!acceptsAudio()) {
            source.finish(closedError("no more audio can be sent"));
            return;
        }
        if (audioSource != null) {
            source.finish(new IllegalStateException("another sendAudio(..) is still running; send one audio source at "
                    + "a time"));
            return;
        }
        audioSource = source;
        source.subscription = Flux.from(audio)
                .concatMap(this::sendChunk, 0)
                .subscribe(null,
                        error -> serial.execute(() -> stopSource(source, error)),
                        () -> serial.execute(() -> stopSource(source, null)));
    }

    private void stopSource(AudioSource source, Throwable error) {
        if (audioSource == source) {
            audioSource = null;
        }
        source.finish(error);
    }

    private void admit(Admission admission) {
        if (admission.done) {
            return;
        }
        if (!acceptsAudio()) {
            admission.fail(closedError("no more audio can be sent"));
            return;
        }
        if (admission.data.length == 0) {
            admission.admit();
            return;
        }
        if (waiting.isEmpty() && pendingAudio.get() < options.audioBufferBytes()) {
            enqueueAudio(admission.data);
            admission.admit();
            return;
        }
        if (waiting.size() >= MAX_WAITING_CHUNKS) {
            admission.fail(new IllegalStateException(MAX_WAITING_CHUNKS + " chunks already wait for room in the audio "
                    + "buffer; send audio from one producer at a time"));
            return;
        }
        waiting.add(admission);
        Duration limit = options.writeTimeout();
        admission.timer = scheduler.schedule(() -> serial.execute(() -> {
            if (waiting.remove(admission)) {
                admission.fail(new CortiTimeoutException(where + ": audio waited " + limit + " for room in the audio "
                        + "buffer (the connection is not taking it)", limit, false, null));
            }
        }), limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelAdmission(Admission admission) {
        if (waiting.remove(admission)) {
            admission.done = true;
            admission.disposeTimer();
        }
    }

    private void enqueueAudio(byte[] data) {
        pendingAudio.addAndGet(data.length);
        for (int offset = 0; offset < data.length; offset += StreamLimits.MAX_AUDIO_FRAME_BYTES) {
            outgoing.add(new AudioFrame(data, offset, Math.min(StreamLimits.MAX_AUDIO_FRAME_BYTES, data.length - offset)));
        }
        drainOutgoing();
    }

    private void audioWritten(int length) {
        pendingAudio.addAndGet(-length);
        while (!waiting.isEmpty() && pendingAudio.get() < options.audioBufferBytes() && acceptsAudio()) {
            Admission next = waiting.poll();
            next.disposeTimer();
            enqueueAudio(next.data);
            next.admit();
        }
    }

    private void drainOutgoing() {
        StreamSocket target = socket;
        if (target == null || !target.accepted || target.closing || target.gone || isTerminal()) {
            return;
        }
        boolean queued = false;
        Object item;
        while ((item = outgoing.poll()) != null) {
            queued = true;
            if (item instanceof AudioFrame frame) {
                target.queueAudio(frame.data, frame.offset, frame.length,
                        future -> serial.execute(() -> audioWritten(frame.length)));
            } else {
                target.queueText((String) item);
                if (item == END) {
                    state = State.ENDING;
                }
            }
        }
        if (queued) {
            target.writeQueued();
        }
    }

    // ---------------------------------------------------------------- flush and end

    private void startFlush(FlushWaiter waiter) {
        if ((state != State.OPEN && state != State.RECONNECTING) || endQueued) {
            waiter.fail(closedError("flush() is not possible"));
            return;
        }
        if (flushes.size() >= MAX_PENDING_FLUSHES) {
            waiter.fail(new IllegalStateException(MAX_PENDING_FLUSHES + " flushes already wait for 'flushed'"));
            return;
        }
        flushes.add(waiter);
        outgoing.add(FLUSH);
        Duration limit = options.flushTimeout();
        waiter.timer = scheduler.schedule(() -> serial.execute(() -> waiter.fail(new CortiTimeoutException(where
                + ": no 'flushed' within " + limit, limit, true, null))), limit.toMillis(), TimeUnit.MILLISECONDS);
        drainOutgoing();
    }

    private void completeFlush(FlushedMessage flushed) {
        // The oldest flush is answered first; one that timed out stays queued so a late answer is matched to it.
        FlushWaiter waiter = flushes.poll();
        if (waiter != null) {
            waiter.succeed(flushed);
        }
    }

    private void startEnd(MonoSink<UsageMessage> sink) {
        if (state == State.ENDED) {
            succeed(sink, lastUsage);
            return;
        }
        if (endQueued && !isTerminal()) {
            endWaiters.add(sink);
            return;
        }
        if (state != State.OPEN && state != State.RECONNECTING) {
            sink.error(closedError("end() is not possible"));
            return;
        }
        endQueued = true;
        endWaiters.add(sink);
        StreamClosedException stopped = new StreamClosedException(where + ": end() was called before this audio was "
                + "handed over", -1, "", null);
        if (audioSource != null) {
            AudioSource source = audioSource;
            audioSource = null;
            source.finish(stopped);
        }
        Admission admission;
        while ((admission = waiting.poll()) != null) {
            admission.fail(stopped);
        }
        outgoing.add(END);
        Duration limit = options.endTimeout();
        endTimer = scheduler.schedule(() -> serial.execute(() -> {
            if (!isTerminal()) {
                fail(new CortiTimeoutException(where + ": no " + endpoint.endedType() + " within " + limit
                        + " of end()", limit, true, null));
            }
        }), limit.toMillis(), TimeUnit.MILLISECONDS);
        drainOutgoing();
    }

    private void ended() {
        state = State.ENDED;
        LOG.debug("{}: ended", where);
        disposeEndTimer();
        cancelTimer();
        outlet.tryEmitComplete();
        for (MonoSink<UsageMessage> sink : endWaiters) {
            succeed(sink, lastUsage);
        }
        endWaiters.clear();
        failPending(new StreamClosedException(where + ": the session ended", -1, "", null));
        closeSocket(1000, "");
        connector.deregister(this);
    }

    private static void succeed(MonoSink<UsageMessage> sink, UsageMessage usage) {
        if (usage == null) {
            sink.success();
        } else {
            sink.success(usage);
        }
    }

    // ---------------------------------------------------------------- termination

    private boolean isTerminal() {
        return state == State.ENDED || state == State.CLOSED || state == State.FAILED;
    }

    private void closeByClient() {
        if (isTerminal()) {
            return;
        }
        boolean wasOpening = state == State.CONNECTING;
        state = State.CLOSED;
        LOG.debug("{}: closed by the client", where);
        cancelTimer();
        disposeEndTimer();
        StreamClosedException closed = closedByClientError();
        if (opening != null) {
            MonoSink<RealtimeSession<M>> sink = opening;
            opening = null;
            sink.error(closed);
        }
        if (!wasOpening) {
            outlet.tryEmitComplete();
        }
        for (MonoSink<UsageMessage> sink : endWaiters) {
            sink.error(closed);
        }
        endWaiters.clear();
        failPending(closed);
        closeSocket(1000, "closed by the client");
        connector.deregister(this);
    }

    private void fail(Throwable error) {
        if (isTerminal()) {
            return;
        }
        state = State.FAILED;
        LOG.debug("{}: failed: {}", where, error.getMessage());
        cancelTimer();
        disposeEndTimer();
        if (opening != null) {
            MonoSink<RealtimeSession<M>> sink = opening;
            opening = null;
            sink.error(error);
        } else {
            outlet.tryEmitError(error);
        }
        for (MonoSink<UsageMessage> sink : endWaiters) {
            sink.error(error);
        }
        endWaiters.clear();
        failPending(error);
        closeSocket(1000, "");
        connector.deregister(this);
    }

    private void failPending(Throwable error) {
        for (FlushWaiter waiter : flushes) {
            waiter.fail(error);
        }
        flushes.clear();
        Admission admission;
        while ((admission = waiting.poll()) != null) {
            admission.fail(error);
        }
        if (audioSource != null) {
            AudioSource source = audioSource;
            audioSource = null;
            source.finish(error);
        }
        outgoing.clear();
    }

    private void closeSocket(int code, String reason) {
        if (socket != null) {
            socket.close(code, reason);
        } else if (attempt != null) {
            attempt.dispose();
        }
    }

    /**
     * Forgets the current connection (lost, or a failed attempt) and frees its resources. The generation moves
     * on, so events of the dropped connection that are already queued are ignored.
     */
    private void dropConnection() {
        generation++;
        if (socket != null) {
            socket.gone = true;
            socket.abort();
            socket = null;
        }
        if (attempt != null) {
            attempt.dispose();
            attempt = null;
        }
    }

    /** Called by the connector when its client closes. */
    void closeFromClient() {
        close();
    }

    private StreamClosedException closedByClientError() {
        return new StreamClosedException(where + ": the session was closed by the client", -1, "", null);
    }

    private CortiStreamException closedError(String what) {
        return switch (state) {
            case ENDED -> new StreamClosedException(where + ": " + what + ": the session has ended", -1, "", null);
            case CLOSED -> new StreamClosedException(where + ": " + what + ": the session was closed", -1, "", null);
            case FAILED -> new StreamClosedException(where + ": " + what + ": the session failed", -1, "", null);
            default -> new StreamClosedException(where + ": " + what + ": end() was already called", -1, "", null);
        };
    }

    private void armTimer(Duration delay, Runnable task) {
        cancelTimer();
        timer = scheduler.schedule(() -> serial.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.dispose();
            timer = null;
        }
    }

    private void disposeEndTimer() {
        if (endTimer != null) {
            endTimer.dispose();
            endTimer = null;
        }
    }

    // ---------------------------------------------------------------- small holders

    /** A slice of a copied chunk, written as one binary frame. */
    private record AudioFrame(byte[] data, int offset, int length) {
    }

    /** A chunk waiting for room in the audio buffer, and whoever waits for it. */
    private static final class Admission {
        final byte[] data;
        final MonoSink<Void> sink;
        Disposable timer;
        boolean done;

        Admission(byte[] data, MonoSink<Void> sink) {
            this.data = data;
            this.sink = sink;
        }

        void admit() {
            if (!done) {
                done = true;
                sink.success();
            }
        }

        void fail(Throwable error) {
            disposeTimer();
            if (!done) {
                done = true;
                sink.error(error);
            }
        }

        void disposeTimer() {
            if (timer != null) {
                timer.dispose();
            }
        }
    }

    /** A running {@link #sendAudio(Publisher)}. */
    private static final class AudioSource {
        final MonoSink<Void> sink;
        Disposable subscription;
        boolean done;

        AudioSource(MonoSink<Void> sink) {
            this.sink = sink;
        }

        void finish(Throwable error) {
            if (done) {
                return;
            }
            done = true;
            if (subscription != null) {
                subscription.dispose();
            }
            if (error == null) {
                sink.success();
            } else {
                sink.error(error);
            }
        }
    }

    /** A flush waiting for {@code flushed}; after a timeout it stays queued to absorb the late answer. */
    private static final class FlushWaiter {
        final MonoSink<FlushedMessage> sink;
        Disposable timer;
        boolean done;

        FlushWaiter(MonoSink<FlushedMessage> sink) {
            this.sink = sink;
        }

        void succeed(FlushedMessage flushed) {
            if (timer != null) {
                timer.dispose();
            }
            if (!done) {
                done = true;
                sink.success(flushed);
            }
        }

        void fail(Throwable error) {
            if (timer != null) {
                timer.dispose();
            }
            if (!done) {
                done = true;
                sink.error(error);
            }
        }
    }
}
