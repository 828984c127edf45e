package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code transcripts_create} declares only its synchronous answer (201), yet its request has an {@code async} flag
 * with which, Corti documents, it answers 202 at once and is then polled with {@code transcripts_get_status}; a
 * client that knows only 201 would not know how to read that answer. An operation whose JSON request body has a
 * boolean {@code async} property and that declares a 201 but no 202 gets a 202 with the same content as its 201
 * (the transcript so far: its id and its {@code status}) and a {@code Location} header.
 */
final class AsyncAnswerRule implements NormalizerRule {

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            JsonNode responses = operation.path("responses");
            if (!responses.has("201") || responses.has("202") || !hasAsyncFlag(root, operation)) {
                return;
            }
            ObjectNode accepted = ((ObjectNode) responses).putObject("202");
            accepted.put("description", "Accepted: processing continues asynchronously; poll its status. (Added by "
                    + "the SDK's normaliser from the request's async flag.)");
            JsonNode content = responses.get("201").get("content");
            if (content != null) {
                accepted.set("content", content.deepCopy());
            }
            accepted.putObject("headers").putObject("Location").put("description", "The created resource")
                    .putObject("schema").put("type", "string");
            changes.add("paths." + path + "." + method + ".responses: 202 added (the request has an async flag)");
        });
    }

    private static boolean hasAsyncFlag(JsonNode root, JsonNode operation) {
        JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
        if (schema.has("$ref") && schema.get("$ref").asText().startsWith("#/")) {
            schema = root.at(schema.get("$ref").asText().substring(1));
        }
        return "boolean".equals(schema.at("/properties/async/type").asText());
    }
}
