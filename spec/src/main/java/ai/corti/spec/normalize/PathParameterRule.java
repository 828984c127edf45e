package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts of different years describe the same path parameter differently: the 2025 document declares the
 * interaction id of {@code DELETE /interactions/{id}} as a plain {@code string}, the 2026 pages declare it
 * {@code $ref: UUID} for every other operation on {@code /interactions/{id}}. A client generated from both would
 * take the same id as a {@code UUID} in one call and a {@code String} in the next. A path parameter declared as a
 * plain string (no format) takes the schema of the same parameter at the same place in the path ({@code {id}} of
 * {@code /interactions/{id}}) where another operation declares it with a format or a reference.
 */
final class PathParameterRule implements NormalizerRule {

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        Map<String, JsonNode> precise = new LinkedHashMap<>();
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            for (JsonNode parameter : pathParameters(root, operation)) {
                JsonNode schema = parameter.path("schema");
                if (!isPlainString(schema)) {
                    precise.putIfAbsent(place(path, parameter.path("name").asText()), schema);
                }
            }
        });
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            JsonNode parameters = operation.path("parameters");
            for (int i = 0; i < parameters.size(); i++) {
                JsonNode parameter = parameters.get(i);
                if (!"path".equals(parameter.path("in").asText()) || !isPlainString(parameter.path("schema"))) {
                    continue; // only inline declarations are rewritten; a shared component is left as published
                }
                JsonNode better = precise.get(place(path, parameter.path("name").asText()));
                if (better != null) {
                    ((ObjectNode) parameter).set("schema", better.deepCopy());
                    changes.add("paths." + path + "." + method + ".parameters[" + i + "]: plain string path parameter '"
                            + parameter.path("name").asText() + "' -> " + better);
                }
            }
        });
    }

    /** The parameter's place: the path up to and including it, e.g. {@code /interactions/{id}}. */
    private static String place(String path, String name) {
        int at = path.indexOf("{" + name + "}");
        return at < 0 ? path + "#" + name : path.substring(0, at + name.length() + 2);
    }

    private static boolean isPlainString(JsonNode schema) {
        return "string".equals(schema.path("type").asText()) && !schema.has("format") && !schema.has("$ref")
                && !schema.has("enum") && !schema.has("pattern");
    }

    private static List<JsonNode> pathParameters(JsonNode root, JsonNode operation) {
        java.util.ArrayList<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = parameter;
            if (parameter.has("$ref")) {
                String ref = parameter.get("$ref").asText();
                if (!ref.startsWith("#/")) {
                    continue;
                }
                resolved = root.at(ref.substring(1));
            }
            if ("path".equals(resolved.path("in").asText())) {
                found.add(resolved);
            }
        }
        return found;
    }
}
