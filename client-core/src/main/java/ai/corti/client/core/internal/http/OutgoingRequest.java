package ai.corti.client.core.internal.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP exchange for the transport to carry out: everything is decided (URL encoded, headers validated,
 * token chosen) before it gets here. Internal to the SDK.
 *
 * @param method        the HTTP method, upper case
 * @param uri           the absolute URI as text, already encoded
 * @param headers       the request headers, already validated; not copied
 * @param authorization the {@code Authorization} value, or {@code null} for none; never logged
 * @param body          what to send
 * @param timeout       the longest the whole exchange may take, from its start to the last byte of the answer
 * @param limits        the most bytes of an answer read into memory
 * @param what          a short description for messages and logs, e.g. {@code GET /v2/interactions/}; never
 *                      the query string, which can carry patient identifiers
 */
public record OutgoingRequest(String method, String uri, Map<String, String> headers, String authorization,
                              RequestBody body, Duration timeout, BodyLimits limits, String what) {

    /**
     * Checks that nothing is missing.
     *
     * @param method        the HTTP method, upper case
     * @param uri           the absolute URI as text, already encoded
     * @param headers       the request headers, already validated; not copied
     * @param authorization the {@code Authorization} value, or {@code null} for none; never logged
     * @param body          what to send
     * @param timeout       the longest the whole exchange may take, from its start to the last byte of the answer
     * @param limits        the most bytes of an answer read into memory
     * @param what          a short description for messages and logs
     */
    public OutgoingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(what, "what");
    }

    /** Never shows the URI (its query may carry patient identifiers) or the authorization. */
    @Override
    public String toString() {
        return "OutgoingRequest[" + what + "]";
    }
}
