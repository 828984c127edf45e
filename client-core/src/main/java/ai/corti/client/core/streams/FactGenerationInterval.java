package ai.corti.client.core.streams;

/** How often facts are generated in {@link StreamMode#FACTS} (about every 60 s by default). */
public enum FactGenerationInterval {
    /** The regular interval from the start. */
    FIXED("fixed"),
    /** A faster first round, then the regular interval. */
    FAST_INIT("fast_init");

    private final String wireValue;

    FactGenerationInterval(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the value sent on the wire.
     *
     * @return e.g. {@code fast_init}
     */
    public String wireValue() {
        return wireValue;
    }
}
