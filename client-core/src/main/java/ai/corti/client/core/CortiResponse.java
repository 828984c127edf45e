package ai.corti.client.core;

import ai.corti.client.core.http.ResponseHeaders;
import java.util.Optional;

/**
 * A decoded response with its HTTP status and headers, returned by {@code withRawResponse()} on both facades.
 *
 * <pre>{@code
 * CortiResponse<InteractionsGetResponse> raw = interactions.withRawResponse().get(id);
 * log.info("status {} request {}", raw.statusCode(), raw.requestId().orElse("-"));
 * InteractionsGetResponse interaction = raw.value();
 * }</pre>
 *
 * @param statusCode the HTTP status
 * @param headers    the response headers
 * @param value      the decoded body
 * @param <T>        the body's type
 */
public record CortiResponse<T>(int statusCode, ResponseHeaders headers, T value) {

    /**
     * Returns the request id the server sent in a header, if any.
     *
     * @return the value of {@code X-Request-Id}, {@code Request-Id} or {@code X-Correlation-Id}, or empty
     */
    public Optional<String> requestId() {
        return headers.requestId();
    }
}
