package ai.corti.client.core.internal.pipeline;

import ai.corti.client.core.internal.http.RequestBody;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One API operation to perform, before auth and retries. Internal to the SDK.
 *
 * @param method  the HTTP method, upper case
 * @param path    the path below the base URL, already percent-encoded, e.g. {@code /interactions/} + id
 * @param query   query parameters in order; a repeated name is sent as repeated keys
 * @param headers header parameters of the operation (e.g. {@code X-Corti-Retention-Policy}), already validated
 * @param body      what to send: {@code null} for nothing, a {@link RequestBody} as is, anything else as JSON
 * @param operation the spec's operationId (e.g. {@code recordings_upload}), which names the call in metrics and
 *                  traces; {@value #UNNAMED} for a request no operation describes
 */
public record ApiRequest(String method, String path, List<Map.Entry<String, String>> query,
                         Map<String, String> headers, Object body, String operation) {

    /** The operation name of a request built without one. */
    public static final String UNNAMED = "unnamed";

    /**
     * Validates and copies the values.
     *
     * @param method    the HTTP method, upper case
     * @param path      the path below the base URL, already percent-encoded
     * @param query     query parameters in order
     * @param headers   header parameters of the operation
     * @param body      what to send
     * @param operation the spec's operationId
     */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
        operation = operation == null ? UNNAMED : operation;
    }

    /**
     * A request no operation names (tests, hand-built calls).
     *
     * @param method  the HTTP method, upper case
     * @param path    the path below the base URL, already percent-encoded
     * @param query   query parameters in order
     * @param headers header parameters of the operation
     * @param body    what to send
     */
    public ApiRequest(String method, String path, List<Map.Entry<String, String>> query, Map<String, String> headers,
                      Object body) {
        this(method, path, query, headers, body, UNNAMED);
    }

    /**
     * A request without header parameters.
     *
     * @param method the HTTP method, upper case
     * @param path   the path below the base URL, already percent-encoded
     * @param query  query parameters in order
     * @param body   what to send, or {@code null}
     */
    public ApiRequest(String method, String path, List<Map.Entry<String, String>> query, Object body) {
        this(method, path, query, Map.of(), body, UNNAMED);
    }

    /**
     * A request without query or body.
     *
     * @param method the HTTP method
     * @param path   the encoded path
     * @return the request
     */
    public static ApiRequest of(String method, String path) {
        return new ApiRequest(method, path, List.of(), Map.of(), null, UNNAMED);
    }

    /**
     * Tells whether the method is idempotent: sending it twice has the effect of sending it once.
     *
     * @return {@code true} for GET, HEAD, OPTIONS, PUT and DELETE
     */
    public boolean idempotent() {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "PUT", "DELETE" -> true;
            default -> false;
        };
    }

    /** Shows the method and path only: bodies and query values can carry patient data. */
    @Override
    public String toString() {
        return "ApiRequest[" + operation + ": " + method + " " + path + "]";
    }
}
