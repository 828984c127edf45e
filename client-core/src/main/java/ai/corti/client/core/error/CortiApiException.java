package ai.corti.client.core.error;

import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.model.ErrorResponse;
import java.util.Optional;

/**
 * The API answered with a non-2xx status. Subclasses name the common statuses; catch this type to
 * handle any of them.
 *
 * <pre>{@code
 * try {
 *     interactions.get(id);
 * } catch (NotFoundException e) {
 *     // gone
 * } catch (CortiApiException e) {
 *     log.warn("Corti said {} (request {})", e.statusCode(), e.requestId().orElse("?"));
 * }
 * }</pre>
 */
public class CortiApiException extends CortiException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int statusCode;
    /** The generated model of the problem body, or {@code null}. */
    private final transient ErrorResponse errorResponse;
    /** The problem body read without a model, or {@code null}. */
    private final transient Problem problem;
    private final transient ResponseHeaders responseHeaders;
    /** The response body as text, truncated to a bounded size. */
    private final String rawBody;
    /** The request id from the body or a header, or {@code null}. */
    private final String requestId;

    /**
     * Creates the exception.
     *
     * @param message         a one-line summary for logs
     * @param statusCode      the HTTP status
     * @param errorResponse   the RFC 9457 body, or {@code null} when the body did not parse as one
     * @param responseHeaders the response headers
     * @param rawBody         the body as text, already truncated
     * @param requestId       the request id from the body or headers, or {@code null}
     */
    public CortiApiException(String message, int statusCode, ErrorResponse errorResponse,
                             ResponseHeaders responseHeaders, String rawBody, String requestId) {
        this(message, statusCode, ProblemReading.of(errorResponse), errorResponse, responseHeaders, rawBody, requestId);
    }

    /**
     * Creates the exception with the problem body as read.
     *
     * @param message         a one-line summary for logs
     * @param statusCode      the HTTP status
     * @param problem         the RFC 9457 body, or {@code null} when the body was not one
     * @param errorResponse   the same body as the spec's model, or {@code null}
     * @param responseHeaders the response headers
     * @param rawBody         the body as text, already truncated
     * @param requestId       the request id from the body or headers, or {@code null}
     */
    public CortiApiException(String message, int statusCode, Problem problem, ErrorResponse errorResponse,
                             ResponseHeaders responseHeaders, String rawBody, String requestId) {
        super(message);
        this.statusCode = statusCode;
        this.problem = problem;
        this.errorResponse = errorResponse;
        this.responseHeaders = responseHeaders;
        this.rawBody = rawBody;
        this.requestId = requestId;
    }

    /**
     * Returns the HTTP status.
     *
     * @return the status code
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Returns the RFC 9457 problem body, when the response carried one that parsed.
     *
     * @return the error body, or empty (a gateway's HTML page, an empty 401)
     */
    public Optional<ErrorResponse> errorResponse() {
        return Optional.ofNullable(errorResponse);
    }

    /**
     * Returns the RFC 9457 problem body as read, whatever version of the spec's {@code ErrorResponse} model this
     * SDK was generated from (its texts redacted).
     *
     * @return the problem, or empty (a gateway's HTML page, an empty 401)
     */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Returns the request id, from the error body ({@code requestid}) or a request-id response header.
     *
     * @return the id to quote to Corti support, or empty
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * Returns the response headers.
     *
     * @return the headers, never {@code null}
     */
    public ResponseHeaders responseHeaders() {
        return responseHeaders == null ? ResponseHeaders.EMPTY : responseHeaders;
    }

    /**
     * Returns the response body as text, truncated to a bounded size.
     *
     * @return the body, possibly empty
     */
    public String rawBody() {
        return rawBody;
    }
}
