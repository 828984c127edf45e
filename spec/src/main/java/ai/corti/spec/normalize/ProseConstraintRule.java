package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Some query parameters state their default and their bound only in prose ({@code pageSize}: "Must be greater
 * than 0. Default is 10."), so a generator and a validator cannot know them. For integer query parameters the two
 * sentences Corti uses are turned into schema keywords, when the schema does not already say otherwise: "Must be
 * greater than 0" becomes {@code minimum: 1}, "Default is N" becomes {@code default: N}. The prose stays.
 */
final class ProseConstraintRule implements NormalizerRule {

    private static final Pattern DEFAULT = Pattern.compile("Default is (\\d+)\\s*\\.");
    private static final Pattern POSITIVE = Pattern.compile("[Mm]ust be greater than 0\\b");

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            JsonNode parameters = operation.path("parameters");
            for (int i = 0; i < parameters.size(); i++) {
                JsonNode parameter = parameters.get(i);
                JsonNode schema = parameter.path("schema");
                if (!"query".equals(parameter.path("in").asText()) || !"integer".equals(schema.path("type").asText())) {
                    continue;
                }
                String prose = parameter.path("description").asText("") + " " + schema.path("description").asText("");
                String where = "paths." + path + "." + method + ".parameters[" + i + "].schema";
                Matcher byDefault = DEFAULT.matcher(prose);
                if (!schema.has("default") && byDefault.find()) {
                    long value = Long.parseLong(byDefault.group(1));
                    // An int node when it fits, as a YAML reader reads it back: the written copy must equal this one.
                    if (value <= Integer.MAX_VALUE) {
                        ((ObjectNode) schema).put("default", (int) value);
                    } else {
                        ((ObjectNode) schema).put("default", value);
                    }
                    changes.add(where + ": 'Default is " + byDefault.group(1) + "' in prose -> default");
                }
                if (!schema.has("minimum") && POSITIVE.matcher(prose).find()) {
                    ((ObjectNode) schema).put("minimum", 1);
                    changes.add(where + ": 'Must be greater than 0' in prose -> minimum: 1");
                }
            }
        });
    }
}
