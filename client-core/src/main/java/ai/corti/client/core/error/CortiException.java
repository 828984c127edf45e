package ai.corti.client.core.error;

/**
 * Base of every exception the Corti SDK throws (besides {@link IllegalArgumentException} and
 * {@link NullPointerException} for invalid arguments, thrown before anything is sent).
 *
 * <p>Exceptions are unchecked. Their messages never contain a token, a client secret or an
 * {@code Authorization} value. The cause, when there is one, is kept for diagnostics only: the
 * thrown type is always one of the SDK's own.
 */
public class CortiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, readable in a log line
     */
    public CortiException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, readable in a log line
     * @param cause   the underlying failure, for diagnostics
     */
    public CortiException(String message, Throwable cause) {
        super(message, cause);
    }
}
