package ai.corti.emulator.streams;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the emulator does differently in one session: refusals, silences, delays, injected messages and lost
 * connections. Get one with {@link StreamControls#nextSession()}; each WebSocket upgrade request takes the next
 * script in order (a refused upgrade too), and a session without one behaves normally.
 *
 * <pre>{@code
 * emulator.streams().nextSession().answerConfig("CONFIG_DENIED", "language unavailable");
 * emulator.streams().nextSession().afterAcceptance("{\"type\":\"surprise\"}").dropAfterAudioBytes(64_000);
 * }</pre>
 *
 * <p>Configure it before the client connects; the setters are not meant to race with a running session.
 */
public final class SessionScript {

    volatile int refuseUpgrade;
    volatile String answerType;
    volatile String answerReason;
    volatile String answerRaw;
    volatile boolean ignoreConfig;
    volatile boolean closeSilentlyOnConfig;
    volatile Duration delayAcceptance = Duration.ZERO;
    volatile List<String> afterAcceptance = List.of();
    volatile long dropAfterAudioBytes = -1;
    volatile long closeAfterAudioBytes = -1;
    volatile int closeCode;
    volatile String closeReason = "";
    volatile long pauseAfterAudioBytes = -1;
    volatile Duration pause = Duration.ZERO;
    volatile boolean ignoreFlush;
    volatile boolean ignoreEnd;
    volatile int transcriptEveryBytes;

    SessionScript() {
    }

    /**
     * Refuses the WebSocket upgrade with an HTTP status.
     *
     * @param status 400 to 599
     * @return this script
     */
    public SessionScript refuseUpgrade(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400 to 599, was " + status);
        }
        this.refuseUpgrade = status;
        return this;
    }

    /**
     * Answers the configuration with this status instead of judging it, then closes (unless the type is
     * {@code CONFIG_ACCEPTED}).
     *
     * @param type   e.g. {@code CONFIG_DENIED}, {@code CONFIG_TIMEOUT}, or any {@code CONFIG_*} text
     * @param reason the reason to send, or {@code null} for none
     * @return this script
     */
    public SessionScript answerConfig(String type, String reason) {
        this.answerType = Objects.requireNonNull(type, "type");
        this.answerReason = reason;
        return this;
    }

    /**
     * Answers the configuration with this text, as it is, and keeps the socket open: an {@code error} message,
     * an unknown type, anything but a status.
     *
     * @param rawMessage the text
     * @return this script
     */
    public SessionScript answerConfigWith(String rawMessage) {
        this.answerRaw = Objects.requireNonNull(rawMessage, "rawMessage");
        return this;
    }

    /**
     * Never answers the configuration (the client's handshake deadline is what ends the wait).
     *
     * @return this script
     */
    public SessionScript ignoreConfig() {
        this.ignoreConfig = true;
        return this;
    }

    /**
     * Closes the TCP connection, without a close frame or any message, when the configuration arrives.
     *
     * @return this script
     */
    public SessionScript closeSilentlyOnConfig() {
        this.closeSilentlyOnConfig = true;
        return this;
    }

    /**
     * Waits before answering {@code CONFIG_ACCEPTED}; audio arriving meanwhile is counted as lost.
     *
     * @param delay the wait
     * @return this script
     */
    public SessionScript delayAcceptance(Duration delay) {
        this.delayAcceptance = positive(delay);
        return this;
    }

    /**
     * Sends these texts, as they are, right after {@code CONFIG_ACCEPTED}: unknown types, malformed messages,
     * anything.
     *
     * @param rawMessages the texts
     * @return this script
     */
    public SessionScript afterAcceptance(String... rawMessages) {
        this.afterAcceptance = List.of(rawMessages);
        return this;
    }

    /**
     * Closes the TCP connection without a close frame once this much audio arrived.
     *
     * @param bytes audio bytes received, at least 1
     * @return this script
     */
    public SessionScript dropAfterAudioBytes(long bytes) {
        this.dropAfterAudioBytes = atLeastOne(bytes);
        return this;
    }

    /**
     * Closes the socket with a close frame once this much audio arrived.
     *
     * @param bytes  audio bytes received, at least 1
     * @param code   the close code, e.g. 1011
     * @param reason the close reason
     * @return this script
     */
    public SessionScript closeAfterAudioBytes(long bytes, int code, String reason) {
        this.closeAfterAudioBytes = atLeastOne(bytes);
        this.closeCode = code;
        this.closeReason = reason == null ? "" : reason;
        return this;
    }

    /**
     * Stops reading the socket for a while once this much audio arrived, so the client's writes back up.
     *
     * @param bytes audio bytes received, at least 1
     * @param pause how long it stops reading
     * @return this script
     */
    public SessionScript pauseReadingAfterAudioBytes(long bytes, Duration pause) {
        this.pauseAfterAudioBytes = atLeastOne(bytes);
        this.pause = positive(pause);
        return this;
    }

    /**
     * Never answers {@code flush}.
     *
     * @return this script
     */
    public SessionScript ignoreFlush() {
        this.ignoreFlush = true;
        return this;
    }

    /**
     * Never answers {@code end}.
     *
     * @return this script
     */
    public SessionScript ignoreEnd() {
        this.ignoreEnd = true;
        return this;
    }

    /**
     * Emits a transcript per this many audio bytes in this session, instead of the emulator's setting.
     *
     * @param bytes at least 1
     * @return this script
     */
    public SessionScript transcriptEvery(int bytes) {
        this.transcriptEveryBytes = (int) atLeastOne(bytes);
        return this;
    }

    private static Duration positive(Duration value) {
        Objects.requireNonNull(value, "duration");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the duration must be positive, was " + value);
        }
        return value;
    }

    private static long atLeastOne(long value) {
        if (value < 1) {
            throw new IllegalArgumentException("the byte count must be at least 1, was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "SessionScript[refuseUpgrade=" + refuseUpgrade + ", answerType=" + answerType + ", ignoreConfig="
                + ignoreConfig + ", closeSilentlyOnConfig=" + closeSilentlyOnConfig + ", delayAcceptance="
                + delayAcceptance + ", afterAcceptance=" + afterAcceptance.size() + ", dropAfterAudioBytes="
                + dropAfterAudioBytes + ", closeAfterAudioBytes=" + closeAfterAudioBytes + "]";
    }
}
