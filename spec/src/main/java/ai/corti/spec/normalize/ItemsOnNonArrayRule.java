package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code items} on a schema whose {@code type} is not {@code array} ({@code items: {}} on the string
 * {@code UUID} schema) makes generators type every UUID as {@code List<Object>}; it is removed. The
 * {@code type} must be a string for the rule to fire, so a property map that happens to declare properties
 * named {@code type} and {@code items} is left alone.
 */
final class ItemsOnNonArrayRule implements NormalizerRule {

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        SpecTree.walk(root, "", (object, where) -> {
            JsonNode type = object.get("type");
            if (object.has("items") && type != null && type.isTextual() && !type.asText().equals("array")) {
                object.remove("items");
                changes.add(where + ": 'items' on a schema of type '" + type.asText() + "' removed");
            }
        });
    }
}
