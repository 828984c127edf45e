package ai.corti.client.core.streams;

/** The server sent an {@code error} message instead of answering the configuration. */
public class StreamServerErrorException extends CortiStreamException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorMessage error;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the endpoint
     * @param error   the server's error message
     */
    public StreamServerErrorException(String message, ErrorMessage error) {
        super(message);
        this.error = error;
    }

    /**
     * Returns the server's error message.
     *
     * @return the error
     */
    public ErrorMessage error() {
        return error;
    }
}
