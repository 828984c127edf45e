package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaValidator;
import ai.corti.emulator.spec.SchemaViolation;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operation's query parameters, read as the spec declares them: each value converted to its schema's type
 * ({@code true}/{@code false} for a boolean, a number for an integer, every repetition for an array) and validated
 * against the schema, so {@code ?full=yes} is a 400 naming {@code full}. A parameter that is not an array may be
 * given once. Parameters the spec does not declare are ignored, as HTTP APIs usually do.
 */
final class QueryParameters {

    private final Map<String, JsonNode> values;

    private QueryParameters(Map<String, JsonNode> values) {
        this.values = values;
    }

    /**
     * Reads and validates a request's query.
     *
     * @param spec        the document
     * @param operationId the operation whose parameters apply
     * @param query       the decoded query
     * @return the values given
     * @throws InvalidRequest naming every bad parameter
     */
    static QueryParameters parse(SpecSchemas spec, String operationId, Map<String, List<String>> query) {
        SchemaValidator validator = spec.validator(SchemaValidator.Mode.REQUEST);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<SchemaViolation> violations = new ArrayList<>();
        for (JsonNode declared : spec.operation(operationId).path("parameters")) {
            JsonNode parameter = declared.has("$ref")
                    ? spec.document().at(declared.get("$ref").asText().substring(1)) : declared;
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            List<String> given = query.get(name);
            if (given == null || given.isEmpty()) {
                continue;
            }
            JsonNode schema = parameter.path("schema");
            JsonNode resolved = spec.resolve(schema);
            JsonNode value;
            if ("array".equals(resolved.path("type").asText())) {
                ArrayNode items = JsonNodeFactory.instance.arrayNode();
                String itemType = spec.resolve(resolved.path("items")).path("type").asText();
                given.forEach(text -> items.add(convert(text, itemType)));
                value = items;
            } else {
                if (given.size() > 1) {
                    violations.add(new SchemaViolation(name, "must be given once (was given " + given.size()
                            + " times)"));
                    continue;
                }
                value = convert(given.get(0), resolved.path("type").asText());
            }
            List<SchemaViolation> found = validator.validate(value, schema, name);
            if (found.isEmpty()) {
                values.put(name, value);
            } else {
                violations.addAll(found);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest("The query parameters are not valid", violations);
        }
        return new QueryParameters(values);
    }

    /** A parameter's value, when given. */
    Optional<JsonNode> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A boolean parameter, or {@code fallback} when not given. */
    boolean flag(String name, boolean fallback) {
        return get(name).map(JsonNode::asBoolean).orElse(fallback);
    }

    /** A string parameter, when given. */
    Optional<String> text(String name) {
        return get(name).map(JsonNode::asText);
    }

    /** An array parameter's values, empty when not given. */
    List<String> texts(String name) {
        List<String> texts = new ArrayList<>();
        get(name).ifPresent(array -> array.forEach(item -> texts.add(item.asText())));
        return texts;
    }

    /** Text as the schema's type reads it; text that does not parse stays text, so validation names it. */
    private static JsonNode convert(String text, String type) {
        switch (type) {
            case "boolean" -> {
                if (text.equals("true") || text.equals("false")) {
                    return BooleanNode.valueOf(Boolean.parseBoolean(text));
                }
                return TextNode.valueOf(text);
            }
            case "integer" -> {
                try {
                    return LongNode.valueOf(Long.parseLong(text.trim()));
                } catch (NumberFormatException e) {
                    return TextNode.valueOf(text);
                }
            }
            default -> {
                return TextNode.valueOf(text);
            }
        }
    }
}
