package ai.corti.client.core.streams;

/** The limits Corti's real-time protocol sets, checked by the configuration builders before connecting. */
public final class StreamLimits {

    /** At most this many key terms per session. */
    public static final int MAX_KEYTERMS = 1000;
    /** At most this many characters per key term. */
    public static final int MAX_KEYTERM_LENGTH = 50;
    /** At most this many replacements per session. */
    public static final int MAX_REPLACEMENTS = 1000;
    /**
     * The largest audio frame sent: the protocol recommends at most 64,000 bytes per chunk, so larger chunks
     * are split into frames of this size (in order, nothing lost).
     */
    public static final int MAX_AUDIO_FRAME_BYTES = 64_000;
    /** The server expects the configuration within this many seconds of the socket opening. */
    public static final int CONFIG_DEADLINE_SECONDS = 10;

    private StreamLimits() {
    }
}
