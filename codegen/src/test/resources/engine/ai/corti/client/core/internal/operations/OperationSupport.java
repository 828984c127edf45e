package ai.corti.client.core.internal.operations;

import ai.corti.client.core.BinaryContent;
import ai.corti.client.core.RequestOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stub: the checks throw naming the argument, as the real ones do; the rest passes values on unchanged. */
public final class OperationSupport {

    private OperationSupport() {
    }

    public static RequestOptions options(RequestOptions options) {
        return options == null ? RequestOptions.DEFAULT : options;
    }

    public static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    public static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    public static void positive(long index, String name) {
        if (index < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }

    public static UUID uuid(String value, String name) {
        requireText(value, name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a UUID");
        }
    }

    public static String segment(Object value) {
        return "<" + value + ">";
    }

    public static void headerValue(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    public static void oneOf(String value, String name, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + List.of(allowed));
        }
    }

    public static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                headers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return headers;
    }

    public static Object body(BinaryContent content, String mediaType) {
        return mediaType + " " + content.source;
    }

    public static <T> List<T> items(List<T> items) {
        return items == null ? List.of() : items;
    }
}
