package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A string {@code default} containing a line break ({@code itemFormat: "- {item}\n"} of the guided-document
 * output schemas). openapi-generator initialises the model field with the default, so the SDK would send it
 * on every request, and it writes the Java literal with the line break turned into a space
 * ({@code "- {item} "}): the SDK would silently send a different format than the server's own default. The
 * value is moved to the vendor extension {@code x-corti-default} (kept for readers of the document): a
 * {@code default} is an annotation that no validator checks, so what the API accepts does not change, and
 * an unset field is then simply absent, which lets the server apply its default.
 */
final class MultilineDefaultRule implements NormalizerRule {

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        SpecTree.walk(root, "", (object, where) -> {
            JsonNode value = object.get("default");
            JsonNode type = object.get("type");
            if (value != null && value.isTextual() && type != null && type.isTextual()
                    && (value.asText().indexOf('\n') >= 0 || value.asText().indexOf('\r') >= 0)) {
                object.remove("default");
                object.set("x-corti-default", value);
                changes.add(where + ": multi-line string default -> x-corti-default");
            }
        });
    }
}
