package ai.corti.client.core.streams;

import ai.corti.client.core.error.CortiException;

/**
 * A real-time session failed: the base of the stream exceptions. The message names the endpoint by its
 * address without the query (which carries the token), never the token itself.
 */
public class CortiStreamException extends CortiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the endpoint
     */
    public CortiStreamException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened, naming the endpoint
     * @param cause   the underlying failure, for diagnostics
     */
    public CortiStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
