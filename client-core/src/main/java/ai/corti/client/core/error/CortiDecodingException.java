package ai.corti.client.core.error;

/** A successful (2xx) response whose body does not match the expected model: invalid or truncated JSON. */
public class CortiDecodingException extends CortiException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the response that could not be decoded. */
    private final int statusCode;
    /** A bounded excerpt of the body that could not be decoded. */
    private final String bodyExcerpt;

    /**
     * Creates the exception.
     *
     * @param message     what could not be decoded
     * @param statusCode  the response status
     * @param bodyExcerpt the start of the body
     * @param cause       the parser's error, for diagnostics
     */
    public CortiDecodingException(String message, int statusCode, String bodyExcerpt, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.bodyExcerpt = bodyExcerpt;
    }

    /**
     * Returns the HTTP status of the response that could not be decoded.
     *
     * @return the status code
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Returns the start of the body that could not be decoded.
     *
     * @return a bounded excerpt of the body
     */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
