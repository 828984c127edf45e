package ai.corti.client.core.error;

/**
 * No access token could be obtained: the token endpoint refused the credentials, was unreachable, was
 * too slow, or answered something that is not a token. The message says which URL answered what; it
 * never contains the client secret.
 */
public class CortiAuthenticationException extends CortiException {

    private static final long serialVersionUID = 1L;

    /** The token endpoint's HTTP status, or 0 when it gave none. */
    private final int statusCode;

    /**
     * Creates the exception.
     *
     * @param message    which URL answered what
     * @param statusCode the token endpoint's status, or 0 when it gave none
     * @param cause      the underlying failure, or {@code null}
     */
    public CortiAuthenticationException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /**
     * Returns the token endpoint's HTTP status.
     *
     * @return the status, or 0 when the endpoint gave none (unreachable, timed out)
     */
    public int statusCode() {
        return statusCode;
    }
}
