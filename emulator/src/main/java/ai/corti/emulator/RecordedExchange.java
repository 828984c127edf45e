package ai.corti.emulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One request the emulator received and what it answered, for assertions in tests
 * ({@link CortiEmulator#exchanges()}): how many attempts a retry made, which headers were sent, that a
 * PATCH body carried an explicit {@code null}.
 *
 * <p>Credentials are never recorded: {@code Authorization} is kept as its scheme ({@code Bearer ***}), the
 * token endpoint's {@code client_secret} and {@code access_token} are masked.
 *
 * @param receivedAt      when the request arrived, by the emulator's clock
 * @param method          the HTTP method
 * @param path            the path, without the query
 * @param query           the query as sent, without {@code ?}; empty for none
 * @param requestHeaders  the request headers (first value of each), names case-insensitive
 * @param requestBody     the request body, empty for none
 * @param operationId     the spec's operation ({@code interactions_create}, ...), {@link #TOKEN} for the token
 *                        endpoint, or {@code null} for a path the emulator does not serve
 * @param tenant          the {@code Tenant-Name} sent, or the realm for token requests; {@code null} if none
 * @param status          the status answered; 0 when the connection was dropped on purpose
 * @param responseHeaders the response headers, names case-insensitive
 * @param responseBody    the response body, empty for none
 */
public record RecordedExchange(Instant receivedAt, String method, String path, String query,
                               Map<String, String> requestHeaders, String requestBody, String operationId,
                               String tenant, int status, Map<String, String> responseHeaders,
                               String responseBody) {

    /** The {@link #operationId()} of token requests, which the Interactions spec does not describe. */
    public static final String TOKEN = "oauth2_token";

    /**
     * Returns a request header, case-insensitively.
     *
     * @param name the header name
     * @return its value, or empty
     */
    public Optional<String> requestHeader(String name) {
        return Optional.ofNullable(requestHeaders.get(name));
    }

    /**
     * Returns a response header, case-insensitively.
     *
     * @param name the header name
     * @return its value, or empty
     */
    public Optional<String> responseHeader(String name) {
        return Optional.ofNullable(responseHeaders.get(name));
    }

    /**
     * Tells whether this was a call to the API, as opposed to the token endpoint or an unknown path.
     *
     * @return {@code true} for the spec's operations
     */
    public boolean isApiCall() {
        return operationId != null && !TOKEN.equals(operationId);
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + (operationId == null ? "" : " (" + operationId + ")");
    }
}
