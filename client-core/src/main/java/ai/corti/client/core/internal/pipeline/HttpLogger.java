package ai.corti.client.core.internal.pipeline;

import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.core.internal.http.HttpResponseData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's request log: one DEBUG line per attempt (method, path, status, attempt, duration, request
 * id) and, at TRACE, the response headers on an allow-list. Paths are logged without their query,
 * which can carry patient identifiers; {@code Authorization}, tokens and secrets are never logged.
 */
final class HttpLogger {

    private static final Logger LOG = LoggerFactory.getLogger("ai.corti.client.http");

    /** Only these response headers are ever logged: none can carry a credential. */
    static final Set<String> LOGGABLE_HEADERS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        LOGGABLE_HEADERS.addAll(List.of("Content-Type", "Content-Length", "Content-Encoding", "Date", "Retry-After",
                "X-Request-Id", "Request-Id", "X-Correlation-Id", "WWW-Authenticate"));
    }

    private HttpLogger() {
    }

    /**
     * Tells whether attempts are logged at all, so callers can leave out the logging steps when they are not.
     *
     * @return {@code true} when DEBUG is on for {@code ai.corti.client.http}
     */
    static boolean isEnabled() {
        return LOG.isDebugEnabled();
    }

    static void response(String what, int attempt, HttpResponseData response, long millis) {
        if (LOG.isDebugEnabled()) {
            String requestId = response.headers().requestId().orElse("-");
            LOG.debug("{} -> {} (attempt {}, {} ms, requestId {})", what, response.statusCode(), attempt, millis,
                    requestId);
            if (LOG.isTraceEnabled()) {
                LOG.trace("{} response headers {}", what, loggable(response.headers()));
            }
        }
    }

    static void failure(String what, int attempt, Throwable error, long millis) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> {} (attempt {}, {} ms): {}", what, error.getClass().getSimpleName(), attempt, millis,
                    error.getMessage());
        }
    }

    static void retry(String what, int nextAttempt, long delayMillis, Throwable cause) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} will retry (attempt {}) in {} ms after {}", what, nextAttempt, delayMillis,
                    cause.getClass().getSimpleName());
        }
    }

    static void deleteAlreadyDone(String what) {
        LOG.debug("{} -> 404 after an attempt whose outcome was unknown: the resource is gone, as asked", what);
    }

    static void tokenRefused(String what) {
        LOG.debug("{} -> 401: token invalidated, retrying once with a fresh token", what);
    }

    static String loggable(ResponseHeaders headers) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
            if (LOGGABLE_HEADERS.contains(header.getKey())) {
                out.append(out.length() > 1 ? ", " : "").append(header.getKey()).append('=').append(header.getValue());
            }
        }
        return out.append('}').toString();
    }
}
