package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the parts of an OpenAPI 3.0 document that the SDK build depends on, so a broken document
 * fails the build with every problem named, instead of surfacing later as a confusing generator error.
 */
public final class SpecValidator {

    /** HTTP methods that may appear under a path item. */
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Creates a validator; it keeps no state between documents. */
    public SpecValidator() {
    }

    /**
     * Validates the document.
     *
     * @param source a name for the document, used in the message
     * @param root   the parsed document
     * @throws InvalidSpecException listing every problem, when there is at least one
     */
    public void validate(String source, JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidSpecException(source, List.of("(root): expected a mapping, found "
                    + (root == null ? "nothing" : root.getNodeType())));
        }
        String version = root.path("openapi").asText("");
        if (!version.startsWith("3.0.")) {
            problems.add("openapi: expected an OpenAPI 3.0.x document, found '" + version + "'");
        }
        if (!root.path("info").isObject()) {
            problems.add("info: missing");
        }
        checkPaths(root, problems);
        checkRefs(root, root, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(source, problems);
        }
    }

    private static void checkPaths(JsonNode root, List<String> problems) {
        JsonNode paths = root.path("paths");
        if (!paths.isObject() || paths.isEmpty()) {
            problems.add("paths: missing or empty");
            return;
        }
        Map<String, String> seenOperationIds = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith("/")) {
                problems.add("paths." + path.getKey() + ": a path must start with '/'");
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = "paths." + path.getKey() + "." + op.getKey();
                String operationId = op.getValue().path("operationId").asText("");
                if (operationId.isBlank()) {
                    problems.add(where + ": missing operationId");
                } else {
                    String previous = seenOperationIds.putIfAbsent(operationId, where);
                    if (previous != null) {
                        problems.add(where + ": operationId '" + operationId + "' already used by " + previous);
                    }
                }
                if (!op.getValue().path("responses").isObject()) {
                    problems.add(where + ": missing responses");
                }
            }
        }
    }

    private static void checkRefs(JsonNode root, JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String target = ref.asText();
                if (!target.startsWith("#/")) {
                    problems.add(where + ": $ref '" + target + "' is not a local reference (only '#/...' is supported)");
                } else if (root.at(target.substring(1)).isMissingNode()) {
                    problems.add(where + ": $ref '" + target + "' points to nothing");
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!SpecTree.isOpaque(field.getKey())) {
                    checkRefs(root, field.getValue(), SpecTree.child(where, field.getKey()), problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkRefs(root, node.get(i), where + "[" + i + "]", problems);
            }
        }
    }
}
