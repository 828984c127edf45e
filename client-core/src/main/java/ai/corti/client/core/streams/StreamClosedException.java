package ai.corti.client.core.streams;

import java.util.OptionalInt;

/**
 * The socket closed before the session ended: the server closed it (with a close frame, or silently), it
 * was lost and not (or no longer) reconnected, or the session was closed by the client while an operation
 * waited.
 */
public class StreamClosedException extends CortiStreamException {

    private static final long serialVersionUID = 1L;

    /** The close code, or -1 without one. */
    private final int closeCode;
    /** The close reason, possibly empty. */
    private final String closeReason;

    /**
     * Creates the exception.
     *
     * @param message     what happened, naming the endpoint
     * @param closeCode   the WebSocket close code, or -1 when the socket closed without a close frame (or was
     *                    closed by the client)
     * @param closeReason the close reason, or an empty string
     * @param cause       the underlying failure, or {@code null}
     */
    public StreamClosedException(String message, int closeCode, String closeReason, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
        this.closeReason = closeReason == null ? "" : closeReason;
    }

    /**
     * Returns the WebSocket close code the server sent.
     *
     * @return e.g. 1011, or empty when there was no close frame
     */
    public OptionalInt closeCode() {
        return closeCode < 0 ? OptionalInt.empty() : OptionalInt.of(closeCode);
    }

    /**
     * Returns the close reason the server sent.
     *
     * @return the reason, possibly empty
     */
    public String closeReason() {
        return closeReason;
    }
}
