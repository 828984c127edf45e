package ai.corti.client.core.error;

/**
 * An answer was larger than the SDK reads into memory ({@code maxResponseSize} for a 2xx JSON answer,
 * {@code maxErrorResponseSize} for an error or token answer). The read stopped at the limit and the connection was
 * closed, so a broken or hostile server cannot exhaust the heap. Not retried.
 */
public class CortiResponseTooLargeException extends CortiException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer that was too large. */
    private final int statusCode;
    /** The limit the answer went past, in bytes. */
    private final long limit;

    /**
     * Creates the exception.
     *
     * @param message    what was too large, naming the limit
     * @param statusCode the answer's HTTP status
     * @param limit      the limit in bytes
     */
    public CortiResponseTooLargeException(String message, int statusCode, long limit) {
        super(message);
        this.statusCode = statusCode;
        this.limit = limit;
    }

    /**
     * Returns the HTTP status of the answer that was too large.
     *
     * @return the status code
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Returns the limit the answer went past.
     *
     * @return the limit in bytes
     */
    public long limit() {
        return limit;
    }
}
