package ai.corti.client.core.streams;

/** What a {@code /streams} session produces. */
public enum StreamMode {
    /** Live transcript and clinical facts (FactsR). Needs an output locale for the facts. */
    FACTS("facts"),
    /** Live transcript only. */
    TRANSCRIPTION("transcription");

    private final String wireValue;

    StreamMode(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the value sent on the wire.
     *
     * @return e.g. {@code facts}
     */
    public String wireValue() {
        return wireValue;
    }
}
