package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tags name the resource an operation belongs to, and the code generator derives the client's accessor
 * from them ({@code client.guidedDocuments()}), but the published texts spell them differently over time
 * ({@code documents}, {@code Documents (Classic)}, {@code Guided Documents}). Each operation keeps one tag,
 * normalised to PascalCase without spaces or parenthesised remarks ({@code Documents (Classic)} ->
 * {@code Documents}, {@code Guided Documents} -> {@code GuidedDocuments}, {@code documents} ->
 * {@code Documents}); the published tag is kept in {@code x-corti-published-tag}. The top-level tag list is
 * rebuilt from the operations, so it names exactly the resources the document has.
 * {@link SpecValidator#validateNormalised} then checks each operationId starts with its tag in snake case.
 */
final class TagRule implements NormalizerRule {

    static final String PUBLISHED_TAG = "x-corti-published-tag";
    private static final Pattern REMARK = Pattern.compile("\\([^)]*\\)");

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        Map<String, JsonNode> publishedTags = new LinkedHashMap<>();
        for (JsonNode tag : root.path("tags")) {
            publishedTags.put(tag.path("name").asText(), tag);
        }
        Map<String, ObjectNode> used = new LinkedHashMap<>();
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            JsonNode tags = operation.path("tags");
            if (!tags.isArray() || tags.isEmpty() || !tags.get(0).isTextual()) {
                return; // the validator names the operation
            }
            String published = tags.get(0).asText();
            String name = normalise(published);
            String where = "paths." + path + "." + method + ".tags";
            if (!name.equals(published) || tags.size() > 1) {
                changes.add(where + ": " + tags + " -> [" + name + "]");
            }
            operation.putArray("tags").add(name);
            operation.put(PUBLISHED_TAG, published);
            used.computeIfAbsent(name, n -> {
                ObjectNode tag = root.objectNode().put("name", n);
                JsonNode description = publishedTags.getOrDefault(published, root.objectNode()).get("description");
                if (description != null) {
                    tag.set("description", description);
                }
                return tag;
            });
        });
        if (!used.isEmpty()) {
            ArrayNode list = root.putArray("tags");
            used.values().forEach(list::add);
        }
    }

    /**
     * Normalises a published tag.
     *
     * @param published e.g. {@code Documents (Classic)}
     * @return e.g. {@code Documents}
     */
    static String normalise(String published) {
        return SpecTree.pascal(REMARK.matcher(published).replaceAll(" "));
    }
}
