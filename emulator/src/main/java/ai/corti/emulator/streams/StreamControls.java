package ai.corti.emulator.streams;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The emulator's real-time endpoints and the controls tests use on them ({@code CortiEmulator.streams()}):
 * settings that shape every session, a script per session for faults, the record of every session, and live
 * sessions to act on.
 *
 * <pre>{@code
 * emulator.streams().transcriptEvery(8_000);                                   // a transcript per 8,000 bytes
 * emulator.streams().nextSession().answerConfig("CONFIG_DENIED", "no such model");
 * LiveStreamSession live = emulator.streams().awaitSession(0, Duration.ofSeconds(5));
 * live.send("{\"type\":\"something-new\"}").drop();
 * }</pre>
 *
 * <p>The upgrade is checked like a REST call: {@code tenant-name} and {@code token=Bearer <token>} in the query,
 * a token from this emulator that has not expired (401), issued for that tenant (403), and for
 * {@code /streams} an interaction of that tenant (404). Thread-safe.
 */
public final class StreamControls {

    private static final Logger LOG = LoggerFactory.getLogger("ai.corti.emulator.streams");

    /** The path prefix of the real-time endpoints. */
    public static final String PATH_PREFIX = "/audio-bridge/v2/";
    /** A transcript per this many audio bytes unless set otherwise: one second of 16 kHz 16-bit mono PCM. */
    public static final int DEFAULT_TRANSCRIPT_EVERY_BYTES = 32_000;
    /** Facts this often (by the emulator's clock) unless set otherwise. */
    public static final Duration DEFAULT_FACTS_EVERY = Duration.ofSeconds(60);
    /** The first facts this soon with {@code factGenerationInterval: fast_init}. */
    public static final Duration FAST_INITIAL_FACTS = Duration.ofSeconds(10);
    /** The configuration deadline unless set otherwise, as on the real API. */
    public static final Duration DEFAULT_CONFIG_TIMEOUT = Duration.ofSeconds(10);
    /** How many session records are kept (the oldest go first). */
    public static final int RECORD_LIMIT = 10_000;

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern STREAMS_PATH = Pattern.compile("/audio-bridge/v2/interactions/([^/]+)/streams/?");
    private static final Pattern TRANSCRIBE_PATH = Pattern.compile("/audio-bridge/v2/transcribe/?");

    /**
     * What shapes every new session.
     *
     * @param transcriptEveryBytes a transcript per this many audio bytes
     * @param factsEvery           facts this often, by the clock
     * @param fastInitialFacts     the first facts this soon with {@code fast_init}
     * @param configTimeout        the configuration deadline
     * @param consultation         the {@code /streams} dialogue
     * @param dictation            the {@code /transcribe} dictation
     */
    record Settings(int transcriptEveryBytes, Duration factsEvery, Duration fastInitialFacts, Duration configTimeout,
                    List<Dialogue.Line> consultation, List<String> dictation) {
    }

    private static final Settings DEFAULTS = new Settings(DEFAULT_TRANSCRIPT_EVERY_BYTES, DEFAULT_FACTS_EVERY,
            FAST_INITIAL_FACTS, DEFAULT_CONFIG_TIMEOUT, Dialogue.CONSULTATION, Dialogue.DICTATION);

    private final Clock clock;
    private final StreamAccess access;
    private volatile Settings settings = DEFAULTS;
    private final Queue<SessionScript> scripts = new ConcurrentLinkedQueue<>();
    /** Each element is an {@link EmulatedSession} (upgraded) or a {@link StreamSessionRecord} (refused). */
    private final List<Object> sessions = new ArrayList<>();
    private int dropped;

    /**
     * Creates the endpoints; {@code CortiEmulator} does this and routes requests under {@link #PATH_PREFIX} here.
     *
     * @param clock  the emulator's clock (facts timing, records)
     * @param access how connections are authorised
     */
    public StreamControls(Clock clock, StreamAccess access) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.access = Objects.requireNonNull(access, "access");
    }

    // ------------------------------------------------------------------ settings

    /**
     * Emits a transcript per this many audio bytes in new sessions. Default
     * {@link #DEFAULT_TRANSCRIPT_EVERY_BYTES}.
     *
     * @param bytes at least 1
     * @return these controls
     */
    public StreamControls transcriptEvery(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be at least 1, was " + bytes);
        }
        Settings s = settings;
        settings = new Settings(bytes, s.factsEvery(), s.fastInitialFacts(), s.configTimeout(), s.consultation(),
                s.dictation());
        return this;
    }

    /**
     * Emits facts this often in facts mode, by the emulator's clock (checked as audio arrives). Default
     * {@link #DEFAULT_FACTS_EVERY}.
     *
     * @param interval positive
     * @return these controls
     */
    public StreamControls factsEvery(Duration interval) {
        Settings s = settings;
        settings = new Settings(s.transcriptEveryBytes(), positive(interval), s.fastInitialFacts(), s.configTimeout(),
                s.consultation(), s.dictation());
        return this;
    }

    /**
     * Sets the configuration deadline of new sessions. Default {@link #DEFAULT_CONFIG_TIMEOUT}.
     *
     * @param timeout positive
     * @return these controls
     */
    public StreamControls configTimeout(Duration timeout) {
        Settings s = settings;
        settings = new Settings(s.transcriptEveryBytes(), s.factsEvery(), s.fastInitialFacts(), positive(timeout),
                s.consultation(), s.dictation());
        return this;
    }

    /**
     * Replaces the {@code /streams} dialogue of new sessions; each line also yields a fact (group {@code other}).
     *
     * @param lines at least one line
     * @return these controls
     */
    public StreamControls dialogue(List<String> lines) {
        Settings s = settings;
        settings = new Settings(s.transcriptEveryBytes(), s.factsEvery(), s.fastInitialFacts(), s.configTimeout(),
                Dialogue.consultation(nonEmpty(lines)), s.dictation());
        return this;
    }

    /**
     * Replaces the {@code /transcribe} dictation of new sessions (a line matching a registered command's phrase
     * becomes a {@code command}).
     *
     * @param lines at least one line
     * @return these controls
     */
    public StreamControls dictation(List<String> lines) {
        Settings s = settings;
        settings = new Settings(s.transcriptEveryBytes(), s.factsEvery(), s.fastInitialFacts(), s.configTimeout(),
                s.consultation(), List.copyOf(nonEmpty(lines)));
        return this;
    }

    // ------------------------------------------------------------------ scripts and records

    /**
     * Queues a script for the next WebSocket upgrade request (each request takes one, in order).
     *
     * @return the script, to configure
     */
    public SessionScript nextSession() {
        SessionScript script = new SessionScript();
        scripts.add(script);
        return script;
    }

    /**
     * Returns how many scripts wait for a session.
     *
     * @return the count
     */
    public int pendingScripts() {
        return scripts.size();
    }

    /**
     * Returns every upgrade request since the last reset, oldest first, refused ones included.
     *
     * @return snapshots
     */
    public synchronized List<StreamSessionRecord> sessions() {
        List<StreamSessionRecord> records = new ArrayList<>(sessions.size());
        for (Object entry : sessions) {
            records.add(entry instanceof EmulatedSession session ? session.record() : (StreamSessionRecord) entry);
        }
        return records;
    }

    /**
     * Returns how many sessions are open now.
     *
     * @return the count
     */
    public synchronized int openSessions() {
        int open = 0;
        for (Object entry : sessions) {
            if (entry instanceof EmulatedSession session && !session.isClosed()) {
                open++;
            }
        }
        return open;
    }

    /**
     * Waits for the {@code index}-th upgrade request since the last reset (from 0) and returns its live session.
     *
     * @param index   which request, from 0
     * @param timeout the longest wait
     * @return the session
     * @throws AssertionError when it did not come in time, or its upgrade was refused
     */
    public synchronized LiveStreamSession awaitSession(int index, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions.size() + dropped <= index) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no stream session #" + index + " within " + timeout + " (" + sessions.size()
                        + " so far)");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for stream session #" + index);
            }
        }
        Object entry = sessions.get(index - dropped);
        if (entry instanceof EmulatedSession session) {
            return new LiveStreamSession(session);
        }
        throw new AssertionError("stream session #" + index + " was refused: " + entry);
    }

    /** Restores the default settings, forgets scripts and records, and drops open sessions. */
    public void reset() {
        settings = DEFAULTS;
        scripts.clear();
        List<Object> all;
        synchronized (this) {
            all = new ArrayList<>(sessions);
            sessions.clear();
            dropped = 0;
        }
        dropAll(all);
    }

    /** Drops every open session; the emulator calls this when it closes. */
    public void closeAll() {
        List<Object> all;
        synchronized (this) {
            all = new ArrayList<>(sessions);
        }
        dropAll(all);
    }

    private static void dropAll(List<Object> entries) {
        for (Object entry : entries) {
            if (entry instanceof EmulatedSession session) {
                synchronized (session) {
                    if (!session.isClosed()) {
                        session.drop("the emulator was reset or closed");
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ HTTP side

    /**
     * Tells whether a path belongs to the real-time endpoints.
     *
     * @param path the request path, without query
     * @return {@code true} under {@link #PATH_PREFIX}
     */
    public boolean handles(String path) {
        return path.startsWith(PATH_PREFIX);
    }

    /**
     * Answers a request under {@link #PATH_PREFIX}: the upgrade, or the refusal.
     *
     * @param request  the request
     * @param response the response
     * @return completes when the exchange (or the session) is over
     */
    public Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        String path = query.path();
        Matcher streams = STREAMS_PATH.matcher(path);
        boolean transcribe = TRANSCRIBE_PATH.matcher(path).matches();
        Instant now = clock.instant();
        String tenant = first(query, "tenant-name");
        String token = first(query, "token");
        String bearer = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).trim() : "";
        String label = bearer.isEmpty() ? "" : label(bearer);
        if (!transcribe && !streams.matches()) {
            return refuse(response, path, "", tenant, null, label, now, 404, "No real-time endpoint at " + path);
        }
        String endpoint = transcribe ? "transcribe" : "streams";
        UUID interaction = transcribe ? null : uuid(streams.group(1));
        SessionScript script = Optional.ofNullable(scripts.poll()).orElseGet(SessionScript::new);
        if (!request.method().equals(HttpMethod.GET)) {
            return refuse(response, path, endpoint, tenant, interaction, label, now, 405, "Use GET with a WebSocket upgrade");
        }
        if (script.refuseUpgrade != 0) {
            return refuse(response, path, endpoint, tenant, interaction, label, now, script.refuseUpgrade,
                    "Injected fault: HTTP " + script.refuseUpgrade + " (SessionScript.refuseUpgrade)");
        }
        if (!"websocket".equalsIgnoreCase(request.requestHeaders().get(HttpHeaderNames.UPGRADE, ""))) {
            return refuse(response, path, endpoint, tenant, interaction, label, now, 426, "This endpoint speaks WebSocket");
        }
        if (tenant.isEmpty()) {
            return refuse(response, path, endpoint, tenant, interaction, label, now, 400,
                    "The tenant-name query parameter is required");
        }
        if (bearer.isEmpty()) {
            return refuse(response, path, endpoint, tenant, interaction, label, now, 401,
                    "The token query parameter is required: token=Bearer <access token>");
        }
        Optional<String> owner = access.tenantOf(bearer);
        if (owner.isEmpty()) {
            return refuse(response, path, endpoint, tenant, interaction, label, now, 401,
                    "The access token is not valid or expired");
        }
        if (!owner.get().equals(tenant)) {
            return refuse(response, path, endpoint, tenant, interaction, label, now, 403,
                    "The access token was issued for another tenant than '" + tenant + "'");
        }
        if (!transcribe && (interaction == null || !access.interactionExists(tenant, interaction))) {
            return refuse(response, path, endpoint, tenant, interaction, label, now, 404,
                    "No interaction " + streams.group(1) + " for tenant '" + tenant + "'");
        }
        EmulatedSession session = new EmulatedSession(transcribe, tenant, interaction, label, now, script, settings,
                clock);
        add(session);
        LOG.debug("GET {} -> 101 ({} session)", path, endpoint);
        return response.sendWebsocket(session::run,
                WebsocketServerSpec.builder().maxFramePayloadLength(EmulatedSession.MAX_FRAME_BYTES).build());
    }

    private Mono<Void> refuse(HttpServerResponse response, String path, String endpoint, String tenant, UUID interaction,
                              String label, Instant now, int status, String detail) {
        add(new StreamSessionRecord(endpoint, tenant, Optional.ofNullable(interaction), label, status, now,
                Optional.empty(), Optional.empty(), 0, 0, 0, List.of(), 0, "refused", -1));
        LOG.debug("GET {} -> {}", path, status);
        String body = JSON.createObjectNode().put("status", status).put("detail", detail).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.status(status).header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
        if (status == 401) {
            response.header(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"corti\"");
        }
        if (status == 426) {
            response.header(HttpHeaderNames.UPGRADE, "websocket");
        }
        return response.sendByteArray(Mono.just(bytes)).then();
    }

    private synchronized void add(Object entry) {
        if (sessions.size() == RECORD_LIMIT) {
            sessions.remove(0);
            dropped++;
        }
        sessions.add(entry);
        notifyAll();
    }

    private static String first(QueryStringDecoder query, String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Tells tokens apart without keeping them: the first 12 hex digits of their SHA-256. */
    static String label(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A version-4 UUID that never reads the OS entropy source (no blocking on an event loop). */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static Duration positive(Duration value) {
        Objects.requireNonNull(value, "duration");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the duration must be positive, was " + value);
        }
        return value;
    }

    private static List<String> nonEmpty(List<String> lines) {
        Objects.requireNonNull(lines, "lines");
        if (lines.isEmpty() || lines.stream().anyMatch(line -> line == null || line.isBlank())) {
            throw new IllegalArgumentException("lines must be at least one, none blank");
        }
        return lines;
    }

    @Override
    public String toString() {
        return "StreamControls[sessions=" + sessions().size() + ", pendingScripts=" + scripts.size() + "]";
    }
}
