package ai.corti.client.core.streams;

import java.util.Optional;

/**
 * The server did not accept the configuration: {@code CONFIG_DENIED}, {@code CONFIG_REJECTED},
 * {@code CONFIG_MISSING}, {@code CONFIG_NOT_PROVIDED}, {@code CONFIG_ALREADY_RECEIVED}, {@code CONFIG_TIMEOUT}
 * or a newer {@code CONFIG_*} status. Never followed by a reconnection: the same configuration would be refused
 * again.
 */
public class StreamConfigException extends CortiStreamException {

    private static final long serialVersionUID = 1L;

    /** The status. */
    private final ConfigStatusType status;
    /** The status's type as sent. */
    private final String type;
    /** The server's reason, or null. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param status  the status
     * @param type    the {@code type} as sent
     * @param reason  the server's reason, or {@code null}
     */
    public StreamConfigException(String message, ConfigStatusType status, String type, String reason) {
        super(message);
        this.status = status;
        this.type = type;
        this.reason = reason;
    }

    /**
     * Returns the status.
     *
     * @return e.g. {@link ConfigStatusType#DENIED}
     */
    public ConfigStatusType status() {
        return status;
    }

    /**
     * Returns the status's {@code type} as the server sent it.
     *
     * @return e.g. {@code CONFIG_DENIED}
     */
    public String type() {
        return type;
    }

    /**
     * Returns the server's reason, when it gave one.
     *
     * @return e.g. {@code language unavailable}
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
