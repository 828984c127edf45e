package ai.corti.client.core.internal.validation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The checks the generated {@code RequestValidation} applies to request bodies, each throwing
 * {@link IllegalArgumentException} naming the field by its path ({@code encounter.identifier is required}).
 * Internal to the SDK.
 */
public final class RequestChecks {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private RequestChecks() {
    }

    /**
     * Joins a path and a field name.
     *
     * @param path  the path so far, {@code ""} at the top
     * @param field the field
     * @return e.g. {@code encounter.identifier}
     */
    public static String path(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /**
     * A required field must be set.
     *
     * @param value the field's value
     * @param path  where the object sits
     * @param field the field
     */
    public static void require(Object value, String path, String field) {
        if (value == null) {
            throw new IllegalArgumentException(path(path, field) + " is required");
        }
    }

    /**
     * A required text field must be set and not blank: a blank identifier is not one.
     *
     * @param value the field's value
     * @param path  where the object sits
     * @param field the field
     */
    public static void requireText(String value, String path, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(path(path, field) + " is required");
        }
    }

    /**
     * An enum field must hold one of the spec's values, never the marker that stands for an unknown one (it exists
     * only to read values a newer server sends).
     *
     * @param value   the field's value, or {@code null}
     * @param unknown the enum's unknown marker
     * @param path    where the object sits
     * @param field   the field
     */
    public static void known(Object value, Object unknown, String path, String field) {
        if (value != null && value == unknown) {
            String marker = unknown instanceof Enum<?> constant ? constant.name() : String.valueOf(unknown);
            throw new IllegalArgumentException(path(path, field) + " must be one of the spec's values, not " + marker);
        }
    }

    /**
     * Every item of an enum list must hold one of the spec's values.
     *
     * @param values  the list, or {@code null}
     * @param unknown the enum's unknown marker
     * @param path    where the object sits
     * @param field   the field
     */
    public static void knownItems(Collection<?> values, Object unknown, String path, String field) {
        if (values != null) {
            int i = 0;
            for (Object value : values) {
                known(value, unknown, path, field + "[" + i++ + "]");
            }
        }
    }

    /**
     * Checks every item of a list of models.
     *
     * @param values the list, or {@code null}
     * @param path   where the object sits
     * @param field  the field
     * @param check  the item's check
     * @param <T>    the item type
     */
    public static <T> void eachItem(List<T> values, String path, String field, BiConsumer<T, String> check) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                String at = path(path, field) + "[" + i + "]";
                if (values.get(i) == null) {
                    throw new IllegalArgumentException(at + " must not be null");
                }
                check.accept(values.get(i), at);
            }
        }
    }

    /**
     * A text field's length must be within the spec's bounds.
     *
     * @param value the text, or {@code null}
     * @param min   the least length, or {@code null}
     * @param max   the greatest length, or {@code null}
     * @param path  where the object sits
     * @param field the field
     */
    public static void length(String value, Integer min, Integer max, String path, String field) {
        if (value == null) {
            return;
        }
        if (min != null && value.length() < min) {
            throw new IllegalArgumentException(path(path, field) + " must have at least " + min + " characters");
        }
        if (max != null && value.length() > max) {
            throw new IllegalArgumentException(path(path, field) + " must have at most " + max + " characters");
        }
    }

    /**
     * A text field must match the spec's pattern.
     *
     * @param value   the text, or {@code null}
     * @param pattern the pattern (ECMA 262 as written in the spec, read as a Java regular expression)
     * @param path    where the object sits
     * @param field   the field
     */
    public static void pattern(String value, String pattern, String path, String field) {
        if (value != null && !PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(value).find()) {
            throw new IllegalArgumentException(path(path, field) + " must match " + pattern);
        }
    }

    /**
     * A number must be within the spec's bounds.
     *
     * @param value        the number, or {@code null}
     * @param min          the lower bound, or {@code null}
     * @param minExclusive whether the lower bound itself is refused
     * @param max          the upper bound, or {@code null}
     * @param maxExclusive whether the upper bound itself is refused
     * @param path         where the object sits
     * @param field        the field
     */
    public static void range(Number value, Double min, boolean minExclusive, Double max, boolean maxExclusive,
                             String path, String field) {
        if (value == null) {
            return;
        }
        double v = value.doubleValue();
        if (min != null && (minExclusive ? v <= min : v < min)) {
            throw new IllegalArgumentException(path(path, field) + " must be " + (minExclusive ? "greater than "
                    : "at least ") + format(min) + ", was " + value);
        }
        if (max != null && (maxExclusive ? v >= max : v > max)) {
            throw new IllegalArgumentException(path(path, field) + " must be " + (maxExclusive ? "less than "
                    : "at most ") + format(max) + ", was " + value);
        }
    }

    /**
     * A list's size must be within the spec's bounds.
     *
     * @param values the list, or {@code null}
     * @param min    the least size, or {@code null}
     * @param max    the greatest size, or {@code null}
     * @param path   where the object sits
     * @param field  the field
     */
    public static void size(Collection<?> values, Integer min, Integer max, String path, String field) {
        if (values == null) {
            return;
        }
        if (min != null && values.size() < min) {
            throw new IllegalArgumentException(path(path, field) + " must have at least " + min + " items");
        }
        if (max != null && values.size() > max) {
            throw new IllegalArgumentException(path(path, field) + " must have at most " + max + " items");
        }
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
