package ai.corti.client.core.error;

/**
 * The client was closed: a call made after {@code close()} is refused before anything is sent, and a call in
 * flight when the client is closed ends with this at once, without retrying or fetching a token.
 */
public class CortiClientClosedException extends CortiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused or ended
     */
    public CortiClientClosedException(String message) {
        super(message);
    }
}
