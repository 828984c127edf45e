package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response whose body is declared binary ({@code type: string, format: binary}) under a media type that is
 * not JSON, e.g. {@code recordings_get}'s audio declared as {@code text/plain}. Read as text, audio is
 * corrupted (decoding as a charset is lossy), so such content is declared as
 * {@code application/octet-stream: {schema: {type: string, format: binary}}}: a stream of bytes, whatever
 * the audio format (the real content type arrives in the answer's {@code Content-Type}). Several binary
 * media types on one response collapse into that one entry; JSON entries are kept.
 */
final class BinaryResponseRule implements NormalizerRule {

    static final String OCTET_STREAM = "application/octet-stream";

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        for (Map.Entry<String, JsonNode> response : root.path("components").path("responses").properties()) {
            rewrite(response.getValue(), "components.responses." + response.getKey(), changes);
        }
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                rewrite(response.getValue(), "paths." + path + "." + method + ".responses." + response.getKey(), changes);
            }
        });
    }

    private static void rewrite(JsonNode response, String where, List<String> changes) {
        JsonNode content = response.path("content");
        if (!content.isObject()) {
            return;
        }
        List<String> binary = new ArrayList<>();
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            if (!isJson(media.getKey()) && isBinary(media.getValue().path("schema"))) {
                binary.add(media.getKey());
            }
        }
        if (binary.isEmpty() || (binary.equals(List.of(OCTET_STREAM)) && isPlainBinary(content.get(OCTET_STREAM)))) {
            return;
        }
        ObjectNode rebuilt = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            if (!binary.contains(media.getKey())) {
                rebuilt.set(media.getKey(), media.getValue());
            } else if (!rebuilt.has(OCTET_STREAM)) {
                rebuilt.putObject(OCTET_STREAM).putObject("schema").put("type", "string").put("format", "binary");
            }
        }
        ((ObjectNode) response).set("content", rebuilt);
        changes.add(where + ".content: binary body declared as " + binary + " -> " + OCTET_STREAM);
    }

    private static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json");
    }

    private static boolean isBinary(JsonNode schema) {
        return "string".equals(schema.path("type").asText()) && "binary".equals(schema.path("format").asText());
    }

    private static boolean isPlainBinary(JsonNode media) {
        JsonNode schema = media.path("schema");
        return media.size() == 1 && schema.size() == 2 && isBinary(schema);
    }
}
