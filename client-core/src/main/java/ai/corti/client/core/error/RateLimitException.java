package ai.corti.client.core.error;

import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.model.ErrorResponse;
import java.time.Duration;
import java.util.Optional;

/** HTTP 429 Too Many Requests. GETs are retried after the server's {@code Retry-After}, within the call's budget. */
public class RateLimitException extends CortiApiException {

    private static final long serialVersionUID = 1L;

    /** The {@code Retry-After} as a duration, or {@code null}. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message         a one-line summary for logs
     * @param errorResponse   the RFC 9457 body, or {@code null}
     * @param responseHeaders the response headers
     * @param rawBody         the truncated body
     * @param requestId       the request id, or {@code null}
     * @param retryAfter      the parsed {@code Retry-After}, or {@code null}
     */
    public RateLimitException(String message, ErrorResponse errorResponse, ResponseHeaders responseHeaders,
            String rawBody, String requestId, Duration retryAfter) {
        super(message, 429, errorResponse, responseHeaders, rawBody, requestId);
        this.retryAfter = retryAfter;
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
     * @param retryAfter      the parsed {@code Retry-After}, or {@code null}
     */
    public RateLimitException(String message, Problem problem, ErrorResponse errorResponse,
            ResponseHeaders responseHeaders, String rawBody, String requestId, Duration retryAfter) {
        super(message, 429, problem, errorResponse, responseHeaders, rawBody, requestId);
        this.retryAfter = retryAfter;
    }

    /**
     * Returns how long the server asked to wait.
     *
     * @return the {@code Retry-After} as a duration (from seconds or an HTTP date), or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
