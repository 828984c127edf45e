package ai.corti.client.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable, case-insensitive HTTP response headers. {@code toString()} lists header names only: values can be
 * sensitive ({@code Set-Cookie}) and are never printed.
 */
public interface ResponseHeaders {

    /** No headers. */
    ResponseHeaders EMPTY = of(List.of());

    /**
     * Creates headers from name/value pairs; repeated names keep every value in order.
     *
     * @param entries the headers as received
     * @return the headers
     */
    static ResponseHeaders of(Iterable<Map.Entry<String, String>> entries) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> e : entries) {
            map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return new MapResponseHeaders(Collections.unmodifiableMap(map));
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, in any case
     * @return the first value, or empty
     */
    Optional<String> first(String name);

    /**
     * Returns every value of a header.
     *
     * @param name the header name, in any case
     * @return the values in the order received, possibly empty
     */
    List<String> all(String name);

    /**
     * Returns all headers.
     *
     * @return an unmodifiable, case-insensitive map of name to values
     */
    Map<String, List<String>> asMap();

    /**
     * Returns the request id the server sent in a header, for support cases and logs.
     *
     * @return the first of {@code X-Request-Id}, {@code Request-Id} or {@code X-Correlation-Id}, or empty
     */
    default Optional<String> requestId() {
        return first("X-Request-Id").or(() -> first("Request-Id")).or(() -> first("X-Correlation-Id"));
    }
}
