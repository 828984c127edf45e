package ai.corti.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites a valid request value into the form the emulator stores and answers with: only the properties
 * the schema declares (a client's extra fields are not echoed back, which would break strict readers),
 * in the schema's order, date-times in UTC ({@code 2023-11-07T05:31:56Z}), UUIDs in lower case.
 *
 * <p>A schema's {@code allOf} members all shape the value; of a {@code oneOf}/{@code anyOf}, the first
 * alternative the value is valid against does. An object whose schema declares no properties at all (a map) keeps
 * its entries.
 *
 * <p>Run it only on values {@link SchemaValidator} accepted; it does not validate.
 */
public final class SchemaCanonicaliser {

    /** Deeper than any sensible {@code allOf} chain; stops a schema that includes itself. */
    private static final int MAX_DEPTH = 32;

    private final SpecSchemas spec;

    /**
     * Creates a canonicaliser.
     *
     * @param spec the document whose schemas decide what is kept
     */
    public SchemaCanonicaliser(SpecSchemas spec) {
        this.spec = spec;
    }

    /**
     * Returns a canonical copy of a value.
     *
     * @param value      a value valid against the schema
     * @param schemaName the component name
     * @param keepNulls  {@code true} to keep explicit {@code null}s (they mean "clear" in a PATCH), {@code false}
     *                   to drop them (in a create, {@code null} and absent mean the same)
     * @return the copy; {@code value} is not modified
     */
    public JsonNode canonical(JsonNode value, String schemaName, boolean keepNulls) {
        return canonical(value, spec.schema(schemaName), keepNulls);
    }

    /**
     * Returns a canonical copy of a value against a schema of the document, e.g. an operation's request body schema
     * ({@link SpecSchemas#requestSchema}).
     *
     * @param value     a value valid against the schema
     * @param schema    the schema
     * @param keepNulls as for {@link #canonical(JsonNode, String, boolean)}
     * @return the copy; {@code value} is not modified
     */
    public JsonNode canonical(JsonNode value, JsonNode schema, boolean keepNulls) {
        List<JsonNode> parts = new ArrayList<>();
        collectParts(value, schema, parts, 0);
        if (value.isObject()) {
            return canonicalObject(value, parts, keepNulls);
        }
        if (value.isArray()) {
            JsonNode items = first(parts, "items");
            if (items != null) {
                ArrayNode copy = JsonNodeFactory.instance.arrayNode();
                value.forEach(item -> copy.add(canonical(item, items, keepNulls)));
                return copy;
            }
        }
        if (value.isTextual()) {
            JsonNode format = first(parts, "format");
            String name = format == null ? "" : format.asText();
            if (name.equals("date-time")) {
                return TextNode.valueOf(utc(value.asText()));
            }
            if (name.equals("uuid")) {
                return TextNode.valueOf(value.asText().toLowerCase(Locale.ROOT));
            }
        }
        return value.deepCopy();
    }

    private JsonNode canonicalObject(JsonNode value, List<JsonNode> parts, boolean keepNulls) {
        // In the schemas' property order, so every answer lists its fields the same way.
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode part : parts) {
            JsonFields.of(part.path("properties")).forEach(property ->
                    declared.putIfAbsent(property.getKey(), property.getValue()));
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        if (declared.isEmpty()) {
            JsonNode additional = first(parts, "additionalProperties");
            JsonFields.of(value).forEach(entry -> {
                if (!entry.getValue().isNull() || keepNulls) {
                    copy.set(entry.getKey(), additional != null && additional.isObject()
                            ? canonical(entry.getValue(), additional, keepNulls) : entry.getValue().deepCopy());
                }
            });
            return copy;
        }
        for (Map.Entry<String, JsonNode> property : declared.entrySet()) {
            JsonNode field = value.get(property.getKey());
            if (field == null) {
                continue;
            }
            if (field.isNull()) {
                if (keepNulls) {
                    copy.putNull(property.getKey());
                }
            } else {
                copy.set(property.getKey(), canonical(field, property.getValue(), keepNulls));
            }
        }
        return copy;
    }

    /** The schema, its {@code allOf} members and its chosen alternative, each with {@code $ref}s followed. */
    private void collectParts(JsonNode value, JsonNode schema, List<JsonNode> parts, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        JsonNode resolved = spec.resolve(schema);
        parts.add(resolved);
        for (JsonNode member : resolved.path("allOf")) {
            collectParts(value, member, parts, depth + 1);
        }
        JsonNode alternatives = resolved.has("oneOf") ? resolved.get("oneOf") : resolved.path("anyOf");
        SchemaValidator validator = alternatives.isEmpty() ? null : spec.validator(SchemaValidator.Mode.REQUEST);
        for (JsonNode alternative : alternatives) {
            if (validator.validate(value, alternative, "").isEmpty()) {
                collectParts(value, alternative, parts, depth + 1);
                break;
            }
        }
    }

    private static JsonNode first(List<JsonNode> parts, String keyword) {
        for (JsonNode part : parts) {
            if (part.has(keyword)) {
                return part.get(keyword);
            }
        }
        return null;
    }

    /**
     * Rewrites an RFC 3339 date-time in UTC.
     *
     * @param dateTime e.g. {@code 2023-11-07T06:31:56+01:00}
     * @return e.g. {@code 2023-11-07T05:31:56Z}
     */
    public static String utc(String dateTime) {
        return DateTimeFormatter.ISO_INSTANT.format(OffsetDateTime.parse(dateTime.toUpperCase(Locale.ROOT)).toInstant());
    }
}
