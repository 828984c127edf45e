package ai.corti.client.core.error;

/**
 * The exchange failed below HTTP: connection refused or reset, the connection dropped before or
 * during the response, or no pooled connection became available in time.
 */
public class CortiTransportException extends CortiException {

    private static final long serialVersionUID = 1L;

    /** Whether the request provably never reached the server. */
    private final boolean requestNeverSent;

    /**
     * Creates the exception.
     *
     * @param message          what happened
     * @param requestNeverSent {@code true} when the request provably never reached the server
     *                         (connection refused, connect timeout, pool acquire timeout)
     * @param cause            the underlying failure
     */
    public CortiTransportException(String message, boolean requestNeverSent, Throwable cause) {
        super(message, cause);
        this.requestNeverSent = requestNeverSent;
    }

    /**
     * Tells whether the request provably never reached the server, which makes even a POST safe to retry.
     *
     * @return {@code true} for connection refused, connect timeout and pool acquire timeout
     */
    public boolean requestNeverSent() {
        return requestNeverSent;
    }
}
