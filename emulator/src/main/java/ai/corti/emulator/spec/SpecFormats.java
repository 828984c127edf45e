package ai.corti.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code format}s whose check the emulator decides itself instead of taking the library's: {@code date-time}
 * (stricter, so that every accepted value can be stored in UTC, and UTC-only in answers), and the OpenAPI
 * integer formats {@code int32} and {@code int64}, which JSON Schema does not define. Every other format
 * ({@code uuid}, {@code date}, {@code email}, ...) is the library's.
 */
final class SpecFormats {

    /** RFC 3339 {@code date-time}: four-digit year, {@code T}, seconds, optional fraction, {@code Z} or offset. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SpecFormats() {
    }

    /**
     * Returns the formats to register for a mode.
     *
     * @param mode request or response strictness
     * @return {@code date-time}, {@code int32} and {@code int64}
     */
    static List<Format> forMode(SchemaValidator.Mode mode) {
        return List.of(new DateTime(mode == SchemaValidator.Mode.RESPONSE), new IntegerFormat("int32", 32),
                new IntegerFormat("int64", 64));
    }

    /**
     * Tells whether a text is an RFC 3339 {@code date-time} that {@link OffsetDateTime} can read (so month 13
     * and leap seconds, which the canonical UTC form cannot carry, are refused).
     *
     * @param text the text
     * @return {@code true} when it is one
     */
    static boolean isDateTime(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text.toUpperCase(Locale.ROOT));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * Tells whether a text is a UUID in its 8-4-4-4-12 hexadecimal form.
     *
     * @param text the text
     * @return {@code true} when it is one
     */
    static boolean isUuid(String text) {
        return UUID.matcher(text).matches();
    }

    /** {@code date-time}; in answers also UTC ({@code Z}), as the API documents its timestamps. */
    private record DateTime(boolean utcOnly) implements Format {

        @Override
        public String getName() {
            return "date-time";
        }

        @Override
        public boolean matches(ExecutionContext executionContext, String value) {
            return isDateTime(value) && (!utcOnly || value.endsWith("Z"));
        }
    }

    /** {@code int32} / {@code int64}: a JSON number that fits the Java type; other JSON types are not its business. */
    private record IntegerFormat(String name, int bits) implements Format {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext executionContext, SchemaContext schemaContext, JsonNode value) {
            if (!value.isNumber()) {
                return true;
            }
            return bits == 32 ? value.canConvertToInt() : value.canConvertToLong();
        }
    }
}
