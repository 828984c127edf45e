package ai.corti.client.core.error;

import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.model.ErrorResponse;

/** HTTP 504 Gateway Timeout: a gateway gave up waiting for the API (often with an HTML body). */
public class GatewayTimeoutException extends ServerException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message         a one-line summary for logs
     * @param errorResponse   the RFC 9457 body, or {@code null}
     * @param responseHeaders the response headers
     * @param rawBody         the truncated body
     * @param requestId       the request id, or {@code null}
     */
    public GatewayTimeoutException(String message, ErrorResponse errorResponse, ResponseHeaders responseHeaders,
            String rawBody, String requestId) {
        super(message, 504, errorResponse, responseHeaders, rawBody, requestId);
    }

    /**
     * Creates the exception with the problem body as read.
     *
     * @param message         a one-line summary for logs
     * @param problem         the RFC 9457 body as read, or {@code null}
     * @param errorResponse   the RFC 9457 body, or {@code null}
     * @param responseHeaders the response headers
     * @param rawBody         the truncated body
     * @param requestId       the request id, or {@code null}
     */
    public GatewayTimeoutException(String message, Problem problem, ErrorResponse errorResponse,
            ResponseHeaders responseHeaders, String rawBody, String requestId) {
        super(message, 504, problem, errorResponse, responseHeaders, rawBody, requestId);
    }
}
