package ai.corti.client.core.error;

/**
 * A listing cannot go on safely, for example because the server answered the same page twice (it
 * ignored {@code index}), which would otherwise loop forever.
 */
public class CortiPaginationException extends CortiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the page index
     */
    public CortiPaginationException(String message) {
        super(message);
    }
}
