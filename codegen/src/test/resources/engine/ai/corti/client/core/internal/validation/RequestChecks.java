package ai.corti.client.core.internal.validation;

import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/** Stub: each check throws naming the field, as the real ones do (with simpler messages). */
public final class RequestChecks {

    private RequestChecks() {
    }

    public static String path(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public static void require(Object value, String path, String field) {
        if (value == null) {
            throw new IllegalArgumentException(path(path, field) + " is required");
        }
    }

    public static void requireText(String value, String path, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(path(path, field) + " is required");
        }
    }

    public static void known(Object value, Object unknown, String path, String field) {
        if (value != null && value == unknown) {
            throw new IllegalArgumentException(path(path, field) + " is not a known value");
        }
    }

    public static void knownItems(Collection<?> values, Object unknown, String path, String field) {
        if (values != null && values.contains(unknown)) {
            throw new IllegalArgumentException(path(path, field) + " holds an unknown value");
        }
    }

    public static <T> void eachItem(List<T> values, String path, String field, BiConsumer<T, String> check) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                check.accept(values.get(i), path(path, field) + "[" + i + "]");
            }
        }
    }

    public static void length(String value, Integer min, Integer max, String path, String field) {
        if (value != null && ((min != null && value.length() < min) || (max != null && value.length() > max))) {
            throw new IllegalArgumentException(path(path, field) + " has a length out of [" + min + ", " + max + "]");
        }
    }

    public static void pattern(String value, String pattern, String path, String field) {
        if (value != null && !value.matches(pattern)) {
            throw new IllegalArgumentException(path(path, field) + " must match " + pattern);
        }
    }

    public static void range(Number value, Double min, boolean minExclusive, Double max, boolean maxExclusive,
                             String path, String field) {
        if (value == null) {
            return;
        }
        double v = value.doubleValue();
        if ((min != null && (minExclusive ? v <= min : v < min)) || (max != null && (maxExclusive ? v >= max : v > max))) {
            throw new IllegalArgumentException(path(path, field) + " is out of range");
        }
    }

    public static void size(Collection<?> values, Integer min, Integer max, String path, String field) {
        if (values != null && ((min != null && values.size() < min) || (max != null && values.size() > max))) {
            throw new IllegalArgumentException(path(path, field) + " has a size out of [" + min + ", " + max + "]");
        }
    }
}
