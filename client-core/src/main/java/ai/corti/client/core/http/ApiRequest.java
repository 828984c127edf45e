package ai.corti.client.core.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One API operation to perform, before auth and retries. Internal to the SDK.
 *
 * @param method the HTTP method, upper case
 * @param path   the path below the base URL, already percent-encoded, e.g. {@code /interactions/} + id
 * @param query  query parameters in order; a repeated name is sent as repeated keys
 * @param body   the object to send as JSON, or {@code null}
 */
public record ApiRequest(String method, String path, List<Map.Entry<String, String>> query, Object body) {

    /**
     * Validates and copies the values.
     *
     * @param method the HTTP method, upper case
     * @param path the path below the base URL, already percent-encoded, e.g. {@code /interactions/} + id
     * @param query query parameters in order; a repeated name is sent as repeated keys
     * @param body the object to send as JSON, or {@code null}
     */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = List.copyOf(query);
    }

    /**
     * A request without query or body.
     *
     * @param method the HTTP method
     * @param path   the encoded path
     * @return the request
     */
    public static ApiRequest of(String method, String path) {
        return new ApiRequest(method, path, List.of(), null);
    }
}
