package ai.corti.emulator.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.util.concurrent.Queues;

/**
 * One emulated real-time session: the protocol's handshake rules (configuration first and within the
 * deadline), the answer to the configuration, transcripts as audio arrives (one per {@code transcriptEvery}
 * bytes, taken in turn from the fixed dialogue, timed as 16 kHz 16-bit mono PCM), facts by the emulator's
 * clock, commands for registered phrases, {@code flush}, {@code end}, and the faults of its
 * {@link SessionScript}.
 *
 * <p>State is guarded by this object's monitor: frames arrive on the event loop, timers on Reactor's parallel
 * scheduler, test calls on the test's thread. Messages leave through a bounded queue; a client that does not
 * read them fills it and is dropped.
 */
final class EmulatedSession {

    private static final Logger LOG = LoggerFactory.getLogger("ai.corti.emulator.streams");

    /** The audio rate the emulator assumes to time segments: 16 kHz, 16-bit, mono. */
    static final int BYTES_PER_SECOND = 32_000;
    /** Messages waiting for a slow client at most; then the client is dropped. */
    static final int OUTGOING_LIMIT = 8192;
    /** The largest frame accepted from a client. */
    static final int MAX_FRAME_BYTES = 1 << 20;

    private enum Phase { AWAITING_CONFIG, CONFIGURED, ACCEPTED, ENDED, CLOSED }

    /**
     * One frame, copied out of Netty's buffer before the buffer is released.
     *
     * @param text  the text of a text frame, else {@code null}
     * @param bytes the payload's size
     */
    private record Frame(String text, int bytes) {
        static Frame of(WebSocketFrame frame) {
            int size = frame.content().readableBytes();
            if (frame instanceof TextWebSocketFrame text) {
                return new Frame(text.text(), size);
            }
            return new Frame(frame instanceof BinaryWebSocketFrame ? null : "", size);
        }
    }

    private final boolean transcribe;
    private final String tenant;
    private final UUID interactionId;
    private final String tokenLabel;
    private final Instant openedAt;
    private final SessionScript script;
    private final StreamControls.Settings settings;
    private final Clock clock;
    private final String sessionId = StreamControls.randomUuid().toString();
    private final Sinks.Many<String> outgoing = Sinks.many().unicast()
            .onBackpressureBuffer(Queues.<String>get(OUTGOING_LIMIT).get());

    private Connection connection;
    private WebsocketOutbound outbound;
    private Phase phase = Phase.AWAITING_CONFIG;
    private ConfigRules.Accepted config;
    private String configuration;
    private String configAnswer;
    private long audioBytes;
    private int audioFrames;
    private long audioBeforeAcceptance;
    private long segmentStart;
    private int lineIndex;
    private boolean interimSent;
    private Instant nextFactsAt;
    private final List<Dialogue.Line> unfacted = new ArrayList<>();
    private final List<String> clientMessages = new ArrayList<>();
    private int messagesSent;
    private String closedBy = "open";
    private int closeCode = -1;
    private String closeReason = "";
    private boolean pendingClose;
    private boolean pauseDone;
    private boolean faultDone;
    private Disposable configTimer;

    EmulatedSession(boolean transcribe, String tenant, UUID interactionId, String tokenLabel, Instant openedAt,
                    SessionScript script, StreamControls.Settings settings, Clock clock) {
        this.transcribe = transcribe;
        this.tenant = tenant;
        this.interactionId = interactionId;
        this.tokenLabel = tokenLabel;
        this.openedAt = openedAt;
        this.script = script;
        this.settings = settings;
        this.clock = clock;
    }

    String endpoint() {
        return transcribe ? "transcribe" : "streams";
    }

    /** The WebSocket handler: runs until both directions are done. */
    Publisher<Void> run(WebsocketInbound in, WebsocketOutbound out) {
        in.withConnection(c -> {
            synchronized (this) {
                connection = c;
            }
        });
        synchronized (this) {
            outbound = out;
            configTimer = Mono.delay(settings.configTimeout()).subscribe(tick -> configDeadline());
        }
        in.receiveCloseStatus().subscribe(status -> clientClose(status.code(), status.reasonText()), error -> { });
        Mono<Void> sending = out.sendString(outgoing.asFlux()).then()
                .onErrorResume(error -> {
                    failed("sending", error);
                    return Mono.empty();
                })
                .then(Mono.defer(this::closeFrame));
        Mono<Void> receiving = in.aggregateFrames(MAX_FRAME_BYTES).receiveFrames()
                .map(Frame::of)
                .concatMap(this::onFrame, 1)
                .onErrorResume(error -> {
                    failed("receiving", error);
                    return Mono.empty();
                })
                .then(Mono.fromRunnable(this::inboundEnded));
        return Mono.when(sending, receiving).doFinally(signal -> finished());
    }

    /**
     * A direction of the socket failed. A connection that went away is ordinary (the client closed or was
     * dropped); anything else is an emulator bug, which must not pass silently: the session then ends.
     */
    private void failed(String direction, Throwable error) {
        if (error instanceof reactor.netty.channel.AbortedException || error instanceof java.io.IOException) {
            LOG.debug("{} session: {} ended: {}", endpoint(), direction, error.toString());
        } else {
            LOG.warn("{} session: {} failed", endpoint(), direction, error);
        }
    }

    // ------------------------------------------------------------------ frames in

    private Mono<Void> onFrame(Frame frame) {
        Duration pause = null;
        synchronized (this) {
            if (phase == Phase.ENDED || phase == Phase.CLOSED) {
                return Mono.empty();
            }
            if (frame.text() == null && phase == Phase.AWAITING_CONFIG) {
                LOG.debug("{} session: audio before the configuration", endpoint());
                answerAndClose("CONFIG_MISSING", "the first message must be the configuration");
            } else if (frame.text() == null) {
                audio(frame.bytes());
                pause = pauseDue();
            } else if (!frame.text().isEmpty()) {
                text(frame.text());
            }
            notifyAll();
        }
        return pause == null ? Mono.empty() : Mono.delay(pause).then();
    }

    private void text(String text) {
        JsonNode message;
        try {
            message = StreamControls.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            message = null;
        }
        String type = message != null && message.isObject() ? message.path("type").asText("") : "";
        if (phase == Phase.AWAITING_CONFIG) {
            if (!type.equals("config")) {
                LOG.debug("{} session: {} before the configuration", endpoint(), type.isEmpty() ? "a non-JSON text" : type);
                answerAndClose("CONFIG_MISSING", "the first message must be the configuration");
                return;
            }
            configuration(message);
            return;
        }
        clientMessages.add(type.isEmpty() ? "(not JSON)" : type);
        if (type.equals("config")) {
            status("CONFIG_ALREADY_RECEIVED", "the configuration was already received", false);
            return;
        }
        if (phase != Phase.ACCEPTED) {
            return; // before the acceptance: nothing else is answered
        }
        switch (type) {
            case "flush" -> flush();
            case "end" -> end();
            default -> send(error(type.isEmpty() ? "the message is not JSON" : "unknown message type '" + type + "'"));
        }
    }

    private void configuration(JsonNode message) {
        cancelConfigTimer();
        phase = Phase.CONFIGURED;
        JsonNode given = message.get("configuration");
        configuration = given == null ? null : given.toString();
        if (script.closeSilentlyOnConfig) {
            drop("scripted: silent close on the configuration");
            return;
        }
        if (script.ignoreConfig) {
            return;
        }
        if (script.answerRaw != null) {
            send(script.answerRaw);
            return;
        }
        if (script.answerType != null && !script.answerType.equals("CONFIG_ACCEPTED")) {
            answerAndClose(script.answerType, script.answerReason);
            return;
        }
        ConfigRules.Outcome outcome = ConfigRules.judge(transcribe, message);
        if (outcome instanceof ConfigRules.Refused refused) {
            answerAndClose(refused.type(), refused.reason());
            return;
        }
        config = (ConfigRules.Accepted) outcome;
        if (script.delayAcceptance.isZero()) {
            accept();
        } else {
            Mono.delay(script.delayAcceptance).subscribe(tick -> {
                synchronized (this) {
                    if (phase == Phase.CONFIGURED) {
                        accept();
                        notifyAll();
                    }
                }
            });
        }
    }

    private void accept() {
        phase = Phase.ACCEPTED;
        configAnswer = "CONFIG_ACCEPTED";
        ObjectNode accepted = StreamControls.JSON.createObjectNode().put("type", "CONFIG_ACCEPTED");
        if (transcribe) {
            accepted.put("sessionId", sessionId);
        }
        accepted.set("configuration", config.configuration());
        send(accepted.toString());
        Duration first = config.fastInit() ? settings.fastInitialFacts() : settings.factsEvery();
        nextFactsAt = clock.instant().plus(first);
        script.afterAcceptance.forEach(this::send);
        LOG.debug("{} session: configuration accepted", endpoint());
    }

    private void configDeadline() {
        synchronized (this) {
            if (phase == Phase.AWAITING_CONFIG) {
                answerAndClose(transcribe ? "CONFIG_TIMEOUT" : "CONFIG_NOT_PROVIDED",
                        "no configuration within " + settings.configTimeout().toSeconds() + " s");
                notifyAll();
            }
        }
    }

    // ------------------------------------------------------------------ audio

    private void audio(int bytes) {
        if (phase != Phase.ACCEPTED) {
            audioBeforeAcceptance += bytes;
            return;
        }
        audioBytes += bytes;
        audioFrames++;
        int every = script.transcriptEveryBytes > 0 ? script.transcriptEveryBytes : settings.transcriptEveryBytes();
        while (audioBytes - segmentStart >= every) {
            segment(segmentStart, segmentStart + every);
            segmentStart += every;
        }
        if (transcribe && config.interimResults() && !interimSent && audioBytes - segmentStart >= every / 2) {
            interim();
        }
        facts(false);
        if (!faultDone && script.dropAfterAudioBytes > 0 && audioBytes >= script.dropAfterAudioBytes) {
            faultDone = true;
            drop("scripted: dropped after " + audioBytes + " audio bytes");
        } else if (!faultDone && script.closeAfterAudioBytes > 0 && audioBytes >= script.closeAfterAudioBytes) {
            faultDone = true;
            closeWith(script.closeCode, script.closeReason);
        }
    }

    private Duration pauseDue() {
        if (!pauseDone && script.pauseAfterAudioBytes > 0 && audioBytes >= script.pauseAfterAudioBytes
                && phase == Phase.ACCEPTED) {
            pauseDone = true;
            LOG.debug("{} session: scripted pause of {} after {} audio bytes", endpoint(), script.pause, audioBytes);
            return script.pause;
        }
        return null;
    }

    private void segment(long from, long to) {
        double start = from / (double) BYTES_PER_SECOND;
        double end = to / (double) BYTES_PER_SECOND;
        int index = lineIndex++;
        interimSent = false;
        if (transcribe) {
            String raw = settings.dictation().get(index % settings.dictation().size());
            Optional<CommandMatcher.Match> command = config.commands().match(raw);
            if (command.isPresent()) {
                ObjectNode message = StreamControls.JSON.createObjectNode().put("type", "command");
                ObjectNode data = message.putObject("data").put("id", command.get().id());
                ObjectNode variables = data.putObject("variables");
                command.get().variables().forEach(variables::put);
                data.put("rawTranscriptText", raw).put("start", start).put("end", end);
                send(message.toString());
            } else {
                send(dictation(formatted(raw), raw, start, end, true));
            }
            return;
        }
        Dialogue.Line line = settings.consultation().get(index % settings.consultation().size());
        List<Integer> channels = config.channels();
        int channel = config.multichannel() ? channels.get(index % channels.size()) : channels.get(0);
        ObjectNode message = StreamControls.JSON.createObjectNode().put("type", "transcript");
        ObjectNode item = message.putArray("data").addObject()
                .put("id", sessionId + "-" + index)
                .put("transcript", line.text())
                .put("final", true)
                .put("speakerId", config.diarize() ? index % 2 : -1);
        item.putObject("participant").put("channel", channel);
        item.putObject("time").put("start", start).put("end", end);
        send(message.toString());
        if (line.factText() != null) {
            unfacted.add(line);
        }
    }

    private void interim() {
        interimSent = true;
        String raw = settings.dictation().get(lineIndex % settings.dictation().size());
        if (config.commands().match(raw).isPresent()) {
            return; // a command is never previewed as text
        }
        String[] words = raw.split(" ");
        String half = String.join(" ", java.util.Arrays.copyOf(words, Math.max(1, words.length / 2)));
        double start = segmentStart / (double) BYTES_PER_SECOND;
        send(dictation(half, half, start, audioBytes / (double) BYTES_PER_SECOND, false));
    }

    private static String dictation(String text, String raw, double start, double end, boolean isFinal) {
        ObjectNode message = StreamControls.JSON.createObjectNode().put("type", "transcript");
        message.putObject("data").put("text", text).put("rawTranscriptText", raw).put("start", start).put("end", end)
                .put("isFinal", isFinal);
        return message.toString();
    }

    /** Spoken punctuation becomes symbols; automatic punctuation capitalises and ends the sentence. */
    private String formatted(String raw) {
        if (config.spokenPunctuation()) {
            return raw.replace(" period", ".").replace(" comma", ",").replace(" slash", "/")
                    .replace(" question mark", "?");
        }
        if (config.automaticPunctuation()) {
            String text = raw.substring(0, 1).toUpperCase(Locale.ROOT) + raw.substring(1);
            return text.matches(".*[.?!]$") ? text : text + ".";
        }
        return raw;
    }

    private void facts(boolean all) {
        if (!config.factsMode() || unfacted.isEmpty() || (!all && clock.instant().isBefore(nextFactsAt))) {
            return;
        }
        ObjectNode message = StreamControls.JSON.createObjectNode().put("type", "facts");
        ArrayNode facts = message.putArray("fact");
        String now = clock.instant().toString();
        for (Dialogue.Line line : unfacted) {
            facts.addObject()
                    .put("id", StreamControls.randomUuid().toString())
                    .put("text", line.factText())
                    .put("group", line.factGroup())
                    .put("groupId", UUID.nameUUIDFromBytes(line.factGroup().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                    .put("isDiscarded", false)
                    .put("source", "core")
                    .put("createdAt", now)
                    .put("updatedAt", now);
        }
        unfacted.clear();
        nextFactsAt = clock.instant().plus(settings.factsEvery());
        send(message.toString());
    }

    // ------------------------------------------------------------------ flush and end

    private void flush() {
        if (script.ignoreFlush) {
            return;
        }
        if (audioBytes > segmentStart) {
            segment(segmentStart, audioBytes);
            segmentStart = audioBytes;
        }
        send("{\"type\":\"flushed\"}");
    }

    private void end() {
        if (script.ignoreEnd) {
            return;
        }
        if (audioBytes > segmentStart) {
            segment(segmentStart, audioBytes);
            segmentStart = audioBytes;
        }
        facts(true);
        double credits = Math.round(audioBytes / (double) BYTES_PER_SECOND / 60.0 * 10_000) / 10_000.0;
        send(StreamControls.JSON.createObjectNode().put("type", "usage").put("credits", credits).toString());
        send(transcribe ? "{\"type\":\"ended\"}" : "{\"type\":\"ENDED\"}");
        phase = Phase.ENDED;
        closeWith(1000, "");
    }

    // ------------------------------------------------------------------ messages out, closing

    /** Sends a message; a client that stopped reading long ago is dropped. Callers hold the monitor. */
    void send(String message) {
        if (phase == Phase.CLOSED || pendingClose) {
            return;
        }
        messagesSent++;
        if (outgoing.tryEmitNext(message).isFailure()) {
            drop("the client does not read its messages (" + OUTGOING_LIMIT + " waiting)");
        }
    }

    private void status(String type, String reason, boolean close) {
        ObjectNode message = StreamControls.JSON.createObjectNode().put("type", type);
        if (reason != null) {
            message.put("reason", reason);
        }
        send(message.toString());
        if (close) {
            closeWith(1000, "");
        }
    }

    private void answerAndClose(String type, String reason) {
        cancelConfigTimer();
        configAnswer = type;
        status(type, reason, !type.equals("CONFIG_ACCEPTED"));
        LOG.debug("{} session: answered {}", endpoint(), type);
    }

    private static String error(String details) {
        ObjectNode message = StreamControls.JSON.createObjectNode().put("type", "error");
        message.putObject("error").put("id", "invalid-message").put("title", "Invalid message").put("status", 400)
                .put("details", details).put("doc", "https://docs.corti.ai/api-reference/transcribe");
        return message.toString();
    }

    /** Closes with a close frame once the messages already queued are out. Callers hold the monitor. */
    void closeWith(int code, String reason) {
        if (pendingClose || phase == Phase.CLOSED) {
            return;
        }
        if (phase != Phase.ENDED) {
            phase = Phase.CLOSED;
        }
        pendingClose = true;
        closedBy = "server";
        closeCode = code;
        closeReason = reason == null ? "" : reason;
        cancelConfigTimer();
        outgoing.tryEmitComplete();
        notifyAll();
    }

    /** Closes the TCP connection without a close frame. Callers hold the monitor. */
    void drop(String why) {
        if (phase == Phase.CLOSED && !"open".equals(closedBy)) {
            return;
        }
        LOG.debug("{} session: connection dropped ({})", endpoint(), why);
        phase = Phase.CLOSED;
        closedBy = "dropped";
        cancelConfigTimer();
        outgoing.tryEmitComplete();
        if (connection != null) {
            // The channel itself, not the connection: Reactor Netty would first send an empty close frame.
            connection.channel().close();
        }
        notifyAll();
    }

    private synchronized Mono<Void> closeFrame() {
        if (!pendingClose || !"server".equals(closedBy) || outbound == null) {
            return Mono.empty();
        }
        return outbound.sendClose(closeCode, closeReason).onErrorResume(error -> Mono.empty());
    }

    private synchronized void clientClose(int code, String reason) {
        if ("open".equals(closedBy)) {
            closedBy = "client";
            closeCode = code;
            closeReason = reason == null ? "" : reason;
            notifyAll();
        }
    }

    private synchronized void inboundEnded() {
        if ("open".equals(closedBy)) {
            closedBy = "client"; // closed without a close frame
        }
        if (phase != Phase.ENDED) {
            phase = Phase.CLOSED;
        }
        cancelConfigTimer();
        outgoing.tryEmitComplete();
        notifyAll();
    }

    private synchronized void finished() {
        if (phase != Phase.ENDED) {
            phase = Phase.CLOSED;
        }
        if ("open".equals(closedBy)) {
            closedBy = "client";
        }
        cancelConfigTimer();
        notifyAll();
    }

    private void cancelConfigTimer() {
        if (configTimer != null) {
            configTimer.dispose();
        }
    }

    // ------------------------------------------------------------------ for tests

    /** What happened so far. */
    synchronized StreamSessionRecord record() {
        return new StreamSessionRecord(endpoint(), tenant, Optional.ofNullable(interactionId), tokenLabel, 101, openedAt,
                Optional.ofNullable(configuration), Optional.ofNullable(configAnswer), audioBytes, audioFrames,
                audioBeforeAcceptance, clientMessages, messagesSent, closedBy, closeCode);
    }

    synchronized boolean isClosed() {
        return !"open".equals(closedBy);
    }

    synchronized long audioBytes() {
        return audioBytes;
    }

    /** Waits, at most {@code timeout}, until the condition holds; the monitor is notified on every change. */
    synchronized boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
