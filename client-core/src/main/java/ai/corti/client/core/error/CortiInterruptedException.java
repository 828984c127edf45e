package ai.corti.client.core.error;

/**
 * A blocking call was interrupted while it waited. The thread's interrupt flag stays set, as for
 * {@link InterruptedException}; the call itself is cancelled.
 */
public class CortiInterruptedException extends CortiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was interrupted
     * @param cause   the interruption
     */
    public CortiInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
