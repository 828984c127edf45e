package ai.corti.client.core.error;

import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.model.ErrorResponse;


/** HTTP 5xx: the server failed; GETs are retried on 502, 503 and 504, other methods are not. */
public class ServerException extends CortiApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message         a one-line summary for logs
     * @param statusCode      the HTTP status
     * @param errorResponse   the RFC 9457 body, or {@code null}
     * @param responseHeaders the response headers
     * @param rawBody         the truncated body
     * @param requestId       the request id, or {@code null}
     */
    public ServerException(String message, int statusCode, ErrorResponse errorResponse, ResponseHeaders responseHeaders,
            String rawBody, String requestId) {
        super(message, statusCode, errorResponse, responseHeaders, rawBody, requestId);
    }

    /**
     * Creates the exception with the problem body as read.
     *
     * @param message         a one-line summary for logs
     * @param statusCode      the HTTP status
     * @param problem         the RFC 9457 body as read, or {@code null}
     * @param errorResponse   the RFC 9457 body, or {@code null}
     * @param responseHeaders the response headers
     * @param rawBody         the truncated body
     * @param requestId       the request id, or {@code null}
     */
    public ServerException(String message, int statusCode, Problem problem, ErrorResponse errorResponse,
            ResponseHeaders responseHeaders, String rawBody, String requestId) {
        super(message, statusCode, problem, errorResponse, responseHeaders, rawBody, requestId);
    }

}
