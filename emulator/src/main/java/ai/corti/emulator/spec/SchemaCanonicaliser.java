package ai.corti.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites a valid request value into the form the emulator stores and answers with: only the properties
 * the schema declares (a client's extra fields are not echoed back, which would break strict readers),
 * in the schema's order, date-times in UTC ({@code 2023-11-07T05:31:56Z}), UUIDs in lower case.
 *
 * <p>Run it only on values {@link SchemaValidator} accepted; it does not validate.
 */
public final class SchemaCanonicaliser {

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

    private JsonNode canonical(JsonNode value, JsonNode schema, boolean keepNulls) {
        JsonNode resolved = spec.resolve(schema);
        if (resolved.path("allOf").size() == 1) {
            // After normalisation allOf only wraps a $ref to make it nullable: the wrapped schema shapes the value.
            return canonical(value, resolved.get("allOf").get(0), keepNulls);
        }
        if (value.isObject()) {
            // In the schema's property order, so every answer lists its fields the same way.
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> property : JsonFields.of(resolved.path("properties"))) {
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
        if (value.isArray() && resolved.has("items")) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> copy.add(canonical(item, resolved.get("items"), keepNulls)));
            return copy;
        }
        if (value.isTextual()) {
            String format = resolved.path("format").asText("");
            if (format.equals("date-time")) {
                return TextNode.valueOf(utc(value.asText()));
            }
            if (format.equals("uuid")) {
                return TextNode.valueOf(value.asText().toLowerCase(Locale.ROOT));
            }
        }
        return value.deepCopy();
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
