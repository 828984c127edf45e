package ai.corti.client.core.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Immutable, case-insensitive HTTP response headers. */
public final class ResponseHeaders {

    /** No headers. */
    public static final ResponseHeaders EMPTY = new ResponseHeaders(Map.of());

    /** Netty's headers as received, read in place until someone asks for the whole map. */
    private final HttpHeaders received;
    private volatile Map<String, List<String>> byName;

    private ResponseHeaders(Map<String, List<String>> byName) {
        this.received = null;
        this.byName = byName;
    }

    private ResponseHeaders(HttpHeaders received) {
        this.received = received;
    }

    /**
     * Wraps the headers of a received response without copying them: most callers only read a header or
     * two, and Netty's headers are already case-insensitive. They are plain objects, not pooled buffers,
     * so holding them after the response is released is safe. Internal to the SDK.
     *
     * @param received the response headers from Reactor Netty
     * @return the headers
     */
    static ResponseHeaders wrap(HttpHeaders received) {
        return new ResponseHeaders(received);
    }

    /**
     * Creates headers from name/value pairs; repeated names keep every value in order.
     *
     * @param entries the headers as received
     * @return the headers
     */
    public static ResponseHeaders of(Iterable<Map.Entry<String, String>> entries) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> e : entries) {
            map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return new ResponseHeaders(Collections.unmodifiableMap(map));
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, in any case
     * @return the first value, or empty
     */
    public Optional<String> first(String name) {
        if (byName == null) {
            return Optional.ofNullable(received.get(name));
        }
        List<String> values = byName.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns the request id the server sent in a header, for support cases and logs.
     *
     * @return the first of {@code X-Request-Id}, {@code Request-Id} or {@code X-Correlation-Id}, or empty
     */
    public Optional<String> requestId() {
        return first("X-Request-Id").or(() -> first("Request-Id")).or(() -> first("X-Correlation-Id"));
    }

    /**
     * Returns every value of a header.
     *
     * @param name the header name, in any case
     * @return the values in the order received, possibly empty
     */
    public List<String> all(String name) {
        if (byName == null) {
            return List.copyOf(received.getAll(name));
        }
        return byName.getOrDefault(name, List.of());
    }

    /**
     * Returns all headers.
     *
     * @return an unmodifiable, case-insensitive map of name to values
     */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> map = byName;
        if (map == null) {
            map = of(received).byName;
            byName = map;
        }
        return map;
    }

    /** Lists the header names only: values can be sensitive ({@code Set-Cookie}) and are never printed. */
    @Override
    public String toString() {
        return "ResponseHeaders" + asMap().keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }
}
