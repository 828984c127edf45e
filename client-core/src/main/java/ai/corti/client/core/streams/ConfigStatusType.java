package ai.corti.client.core.streams;

/** The server's answer to a configuration: accepted, or why not. */
public enum ConfigStatusType {
    /** The configuration was accepted; audio may be sent. */
    ACCEPTED("CONFIG_ACCEPTED"),
    /** The configuration was refused; the reason says why. */
    DENIED("CONFIG_DENIED"),
    /** The audio format is not supported. */
    REJECTED("CONFIG_REJECTED"),
    /** Something other than a configuration came first. */
    MISSING("CONFIG_MISSING"),
    /** No configuration within the deadline ({@code /streams}). */
    NOT_PROVIDED("CONFIG_NOT_PROVIDED"),
    /** A second configuration on the same connection. */
    ALREADY_RECEIVED("CONFIG_ALREADY_RECEIVED"),
    /** No configuration within the deadline ({@code /transcribe}). */
    TIMEOUT("CONFIG_TIMEOUT"),
    /** A {@code CONFIG_*} status this SDK does not know; {@link ConfigStatus#type()} has it. */
    OTHER("");

    private final String wireValue;

    ConfigStatusType(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the {@code type} the server sends for it.
     *
     * @return e.g. {@code CONFIG_DENIED}; empty for {@link #OTHER}
     */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Finds the status of a {@code CONFIG_*} type.
     *
     * @param type the type as sent
     * @return its status, {@link #OTHER} when unknown
     */
    public static ConfigStatusType of(String type) {
        for (ConfigStatusType status : values()) {
            if (status != OTHER && status.wireValue.equals(type)) {
                return status;
            }
        }
        return OTHER;
    }
}
