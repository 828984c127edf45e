package ai.corti.spec.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds published texts into one document, earliest first, the later text winning:
 * <ul>
 *   <li>per operation (path and method): a later text replaces the whole operation;</li>
 *   <li>per component (kind and name, e.g. {@code schemas.ErrorResponse}): a later text replaces it, and a
 *       different text under the same name is reported as a conflict, for information;</li>
 *   <li>every other top-level key ({@code info}, {@code servers}, {@code security}, ...) and every
 *       non-operation key of a path item: the later value replaces the earlier.</li>
 * </ul>
 * Inputs are never modified: what is kept is copied.
 */
final class SpecMerger {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final ObjectNode merged = JsonNodeFactory.instance.objectNode();
    private final Map<String, String> operationSources = new LinkedHashMap<>();
    private final Map<String, String> componentSources = new LinkedHashMap<>();
    private final List<String> conflicts = new ArrayList<>();

    /**
     * Folds one more text in.
     *
     * @param source   the text's name, for the report
     * @param document the text
     */
    void add(String source, ObjectNode document) {
        for (Map.Entry<String, JsonNode> top : document.properties()) {
            switch (top.getKey()) {
                case "paths" -> addPaths(source, top.getValue());
                case "components" -> addComponents(source, top.getValue());
                default -> merged.set(top.getKey(), top.getValue().deepCopy());
            }
        }
    }

    private void addPaths(String source, JsonNode paths) {
        ObjectNode target = merged.withObject("/paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            ObjectNode item = target.withObjectProperty(path.getKey());
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                item.set(entry.getKey(), entry.getValue().deepCopy());
                if (METHODS.contains(entry.getKey())) {
                    operationSources.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), source);
                }
            }
        }
    }

    private void addComponents(String source, JsonNode components) {
        ObjectNode target = merged.withObject("/components");
        for (Map.Entry<String, JsonNode> kind : components.properties()) {
            ObjectNode named = target.withObjectProperty(kind.getKey());
            for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                String key = kind.getKey() + "." + component.getKey();
                JsonNode previous = named.get(component.getKey());
                if (previous != null && !previous.equals(component.getValue())) {
                    conflicts.add("components." + key + ": " + source + " differs from "
                            + componentSources.get(key) + " (the later wins)");
                }
                named.set(component.getKey(), component.getValue().deepCopy());
                componentSources.put(key, source);
            }
        }
    }

    /**
     * Returns the document folded so far; the merger keeps no other reference to it once the caller edits it.
     *
     * @return the merged document
     */
    ObjectNode result() {
        return merged;
    }

    /**
     * Returns which text each operation comes from.
     *
     * @return {@code "GET /interactions/"} -> the source's name, in first-seen order
     */
    Map<String, String> operationSources() {
        return operationSources;
    }

    /**
     * Returns the components replaced by a different text under the same name.
     *
     * @return one line per conflict
     */
    List<String> conflicts() {
        return conflicts;
    }
}
