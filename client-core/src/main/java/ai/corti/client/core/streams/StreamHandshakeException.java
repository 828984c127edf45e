package ai.corti.client.core.streams;

/**
 * The server refused to open the WebSocket: it answered the upgrade with an HTTP status instead of
 * {@code 101 Switching Protocols} (401 for a missing or expired token, 403 for another tenant's token, 404 for
 * an unknown interaction, ...).
 */
public class StreamHandshakeException extends CortiStreamException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the refusal. */
    private final int statusCode;

    /**
     * Creates the exception.
     *
     * @param message    what happened, naming the endpoint
     * @param statusCode the HTTP status of the refusal
     * @param cause      the transport's error, for diagnostics
     */
    public StreamHandshakeException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /**
     * Returns the HTTP status of the refusal.
     *
     * @return e.g. 401
     */
    public int statusCode() {
        return statusCode;
    }
}
