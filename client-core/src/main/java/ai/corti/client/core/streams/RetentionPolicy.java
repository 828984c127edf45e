package ai.corti.client.core.streams;

/** Whether Corti stores the transcripts and facts of a {@code /streams} session. */
public enum RetentionPolicy {
    /** Kept according to the standard retention policies. */
    RETAIN("retain"),
    /** Not stored in Corti's database. */
    NONE("none");

    private final String wireValue;

    RetentionPolicy(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the value sent on the wire.
     *
     * @return e.g. {@code none}
     */
    public String wireValue() {
        return wireValue;
    }
}
