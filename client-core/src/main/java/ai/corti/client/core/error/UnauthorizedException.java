package ai.corti.client.core.error;

import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.model.ErrorResponse;
import java.util.Optional;

/**
 * HTTP 401 Unauthorized: the token was missing, expired or refused. The API answers with no body, only
 * {@code WWW-Authenticate}. The SDK has already refreshed the token and retried once when it could.
 */
public class UnauthorizedException extends CortiApiException {

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
    public UnauthorizedException(String message, ErrorResponse errorResponse, ResponseHeaders responseHeaders,
            String rawBody, String requestId) {
        super(message, 401, errorResponse, responseHeaders, rawBody, requestId);
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
    public UnauthorizedException(String message, Problem problem, ErrorResponse errorResponse,
            ResponseHeaders responseHeaders, String rawBody, String requestId) {
        super(message, 401, problem, errorResponse, responseHeaders, rawBody, requestId);
    }

    /**
     * Returns the {@code WWW-Authenticate} challenge.
     *
     * @return the header's value, for example {@code Bearer error="invalid_token"}, or empty
     */
    public Optional<String> wwwAuthenticate() {
        return responseHeaders().first("WWW-Authenticate");
    }
}
