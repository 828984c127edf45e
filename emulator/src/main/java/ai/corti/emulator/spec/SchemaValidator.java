package ai.corti.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates JSON values against the OpenAPI 3.0 schemas of a {@link SpecSchemas} document: {@code type},
 * {@code required}, {@code properties}, {@code additionalProperties}, {@code items}, {@code enum},
 * {@code nullable}, {@code allOf}, {@code $ref}, and the formats {@code uuid}, {@code date-time},
 * {@code int32} and {@code int64}.
 *
 * <p>Two modes, because the emulator is lenient in what it accepts and strict in what it sends:
 * <ul>
 *   <li>{@link Mode#REQUEST}: undeclared properties are allowed (the spec does not forbid them) and
 *       date-times may carry any offset;</li>
 *   <li>{@link Mode#RESPONSE}: an undeclared property is a violation, and every date-time must be in UTC
 *       ({@code Z}), as the API documents its timestamps.</li>
 * </ul>
 */
public final class SchemaValidator {

    /** How strict to be; see the class documentation. */
    public enum Mode {
        /** For what clients send. */
        REQUEST,
        /** For what the emulator answers. */
        RESPONSE
    }

    /** RFC 3339 {@code date-time}: four-digit year, {@code T}, seconds, optional fraction, {@code Z} or offset. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final SpecSchemas spec;
    private final Mode mode;

    /**
     * Creates a validator.
     *
     * @param spec the document whose {@code $ref}s are followed
     * @param mode request or response strictness
     */
    public SchemaValidator(SpecSchemas spec, Mode mode) {
        this.spec = spec;
        this.mode = mode;
    }

    /**
     * Validates a value against a component schema.
     *
     * @param value      the value
     * @param schemaName the component name, e.g. {@code InteractionsCreateRequest}
     * @return every violation, empty when the value is valid
     */
    public List<SchemaViolation> validate(JsonNode value, String schemaName) {
        return validate(value, spec.schema(schemaName), "");
    }

    /**
     * Validates a value against a schema.
     *
     * @param value  the value
     * @param schema the schema
     * @param field  the value's path, used as the prefix of violations ({@code ""} for a whole body)
     * @return every violation, empty when the value is valid
     */
    public List<SchemaViolation> validate(JsonNode value, JsonNode schema, String field) {
        List<SchemaViolation> violations = new ArrayList<>();
        check(value, schema, field, violations);
        return violations;
    }

    /**
     * Tells whether a text is an RFC 3339 {@code date-time} (as the {@code date-time} format requires).
     *
     * @param text the text
     * @return {@code true} when it is one
     */
    public static boolean isDateTime(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT));
            return true;
        } catch (DateTimeException e) {
            return false; // well-formed but impossible, e.g. month 13
        }
    }

    /**
     * Tells whether a text is a UUID in its 8-4-4-4-12 hexadecimal form.
     *
     * @param text the text
     * @return {@code true} when it is one
     */
    public static boolean isUuid(String text) {
        return UUID.matcher(text).matches();
    }

    private void check(JsonNode value, JsonNode schema, String field, List<SchemaViolation> out) {
        if (schema.has("$ref")) {
            // A $ref has no siblings after normalisation; what matters is the referenced schema.
            check(value, spec.resolve(schema), field, out);
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                out.add(violation(field, "must not be null"));
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, field, out);
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            out.add(violation(field, "must be " + article(type) + " " + type + " (was " + shown(value) + ")"));
            return;
        }
        if (schema.has("enum") && !enumContains(schema.get("enum"), value)) {
            out.add(violation(field, "must be one of " + enumText(schema.get("enum")) + " (was " + shown(value) + ")"));
            return;
        }
        if (schema.has("format")) {
            checkFormat(value, schema.get("format").asText(), field, out);
        }
        if (value.isObject()) {
            checkObject(value, schema, field, out);
        } else if (value.isArray() && schema.has("items")) {
            int index = 0;
            for (JsonNode item : value) {
                check(item, schema.get("items"), field + "[" + index++ + "]", out);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String field, List<SchemaViolation> out) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(violation(child(field, required.asText()), "is required"));
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> property : JsonFields.of(value)) {
            String name = property.getKey();
            if (properties.has(name)) {
                check(property.getValue(), properties.get(name), child(field, name), out);
            } else if (additional != null && additional.isObject()) {
                check(property.getValue(), additional, child(field, name), out);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                out.add(violation(child(field, name), "is not a known property"));
            } else if (mode == Mode.RESPONSE && !properties.isMissingNode()) {
                out.add(violation(child(field, name), "is not a property in the spec"));
            }
        }
    }

    private void checkFormat(JsonNode value, String format, String field, List<SchemaViolation> out) {
        switch (format) {
            case "uuid" -> {
                if (value.isTextual() && !isUuid(value.asText())) {
                    out.add(violation(field, "must be a UUID, e.g. f47ac10b-58cc-4372-a567-0e02b2c3d479 (was "
                            + shown(value) + ")"));
                }
            }
            case "date-time" -> {
                if (value.isTextual() && !isDateTime(value.asText())) {
                    out.add(violation(field, "must be an RFC 3339 date-time, e.g. 2023-11-07T05:31:56Z (was "
                            + shown(value) + ")"));
                } else if (value.isTextual() && mode == Mode.RESPONSE && !value.asText().endsWith("Z")) {
                    out.add(violation(field, "must be in UTC, ending in Z (was " + shown(value) + ")"));
                }
            }
            case "int64" -> {
                if (value.isNumber() && !value.canConvertToLong()) {
                    out.add(violation(field, "must fit a 64-bit integer"));
                }
            }
            case "int32" -> {
                if (value.isNumber() && !value.canConvertToInt()) {
                    out.add(violation(field, "must fit a 32-bit integer"));
                }
            }
            default -> {
                // Formats without a defined check (e.g. "email" once the spec has one) only annotate.
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            default -> throw new IllegalStateException("Unsupported schema type " + type);
        };
    }

    private static boolean enumContains(JsonNode values, JsonNode value) {
        for (JsonNode allowed : values) {
            if (allowed.equals(value) || (allowed.isTextual() && value.isTextual() && allowed.asText().equals(value.asText()))) {
                return true;
            }
        }
        return false;
    }

    private static String enumText(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.asText()));
        return String.join(", ", texts);
    }

    /** Echoes a value in a message, short and without control characters (it came from a client). */
    private static String shown(JsonNode value) {
        String text = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    private static String article(String type) {
        return type.equals("object") || type.equals("array") || type.equals("integer") ? "an" : "a";
    }

    private static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static SchemaViolation violation(String field, String message) {
        return new SchemaViolation(field.isEmpty() ? "body" : field, message);
    }
}
