package ai.corti.client.core.internal.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Strict reads of a decoded message's fields: a required field must be present with the JSON type the
 * protocol gives it, or decoding stops with a {@link Problem} naming the field's path. Extra fields are
 * ignored, so newer servers stay readable.
 */
final class JsonFields {

    /** Why a message does not match its type; carries no stack trace, it is an expected outcome. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private JsonFields() {
    }

    static JsonNode field(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new Problem(path + name + " is required");
        }
        return value;
    }

    static String text(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isTextual()) {
            throw new Problem(path + name + " must be a string, was " + kind(value));
        }
        return value.textValue();
    }

    static Optional<String> optionalText(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new Problem(path + name + " must be a string, was " + kind(value));
        }
        return Optional.of(value.textValue());
    }

    /** A string when the server sent one, leniently: a number is read as its text (error details). */
    static Optional<String> lenientText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    static OptionalInt lenientInt(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
            return OptionalInt.of(value.intValue());
        }
        if (value != null && value.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(value.textValue().trim()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    static boolean bool(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isBoolean()) {
            throw new Problem(path + name + " must be a boolean, was " + kind(value));
        }
        return value.booleanValue();
    }

    static double number(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isNumber()) {
            throw new Problem(path + name + " must be a number, was " + kind(value));
        }
        return value.doubleValue();
    }

    static int integer(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new Problem(path + name + " must be an integer, was " + kind(value));
        }
        return value.intValue();
    }

    static long longInteger(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Problem(path + name + " must be an integer, was " + kind(value));
        }
        return value.longValue();
    }

    static JsonNode object(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isObject()) {
            throw new Problem(path + name + " must be an object, was " + kind(value));
        }
        return value;
    }

    /** A non-empty array, as the protocol's {@code minItems: 1}. */
    static JsonNode nonEmptyArray(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isArray()) {
            throw new Problem(path + name + " must be an array, was " + kind(value));
        }
        if (value.isEmpty()) {
            throw new Problem(path + name + " must not be empty");
        }
        return value;
    }

    /** An ISO-8601 date-time; one without an offset is read as UTC. */
    static Instant instant(JsonNode node, String name, String path) {
        return parseInstant(text(node, name, path), path + name);
    }

    static Optional<Instant> optionalInstant(JsonNode node, String name, String path) {
        return optionalText(node, name, path).map(text -> parseInstant(text, path + name));
    }

    private static Instant parseInstant(String text, String field) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Problem(field + " must be an ISO-8601 date-time, was '" + excerpt(text, 40) + "'");
        }
    }

    static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String excerpt(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
