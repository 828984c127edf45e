package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code discriminator.mapping} values written as objects ({@code text: {$ref: '#/components/schemas/X'}}).
 * OpenAPI 3.0 says each value is a string, a schema name or reference; parsers that follow it
 * (openapi-generator's swagger-parser) drop or reject the objects, so the mapping is lost. Each such value is
 * replaced by the reference it holds, which is what it means.
 */
final class DiscriminatorMappingRule implements NormalizerRule {

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        SpecTree.walk(root, "", (object, where) -> {
            JsonNode discriminator = object.get("discriminator");
            if (discriminator == null || !discriminator.path("propertyName").isTextual()
                    || !discriminator.path("mapping").isObject()) {
                return;
            }
            ObjectNode mapping = (ObjectNode) discriminator.get("mapping");
            List<String> rewritten = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
                JsonNode ref = entry.getValue().path("$ref");
                if (entry.getValue().isObject() && ref.isTextual()) {
                    rewritten.add(entry.getKey());
                }
            }
            for (String key : rewritten) {
                mapping.put(key, mapping.get(key).get("$ref").asText());
            }
            if (!rewritten.isEmpty()) {
                changes.add(where + ".discriminator.mapping: values " + rewritten + " written as {$ref} -> reference strings");
            }
        });
    }
}
