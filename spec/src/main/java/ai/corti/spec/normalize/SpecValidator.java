package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the parts of an OpenAPI 3.0 document that the SDK build depends on, so a broken document
 * fails the build with every problem named, instead of surfacing later as a confusing generator error.
 */
public final class SpecValidator {

    /** HTTP methods that may appear under a path item. */
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

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

    /**
     * Validates what the SDK's code generation relies on after normalising, in addition to
     * {@link #validate}: each operation has exactly one tag, in PascalCase, and its operationId is snake case
     * and starts with that tag in snake case plus {@code _} ({@code guided_documents_generate} under
     * {@code GuidedDocuments}), because the client's accessor and method names are derived from them; every
     * {@code discriminator.mapping} value is a reference string that resolves.
     *
     * @param source a name for the document, used in the message
     * @param root   the normalised document
     * @throws InvalidSpecException listing every problem, when there is at least one
     */
    public void validateNormalised(String source, JsonNode root) {
        validate(source, root);
        List<String> problems = new ArrayList<>();
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            String where = "paths." + path + "." + method;
            String operationId = operation.path("operationId").asText("");
            JsonNode tags = operation.path("tags");
            if (!tags.isArray() || tags.size() != 1 || !tags.get(0).isTextual()) {
                problems.add(where + " (" + operationId + "): expected exactly one tag, found " + tags);
                return;
            }
            String tag = tags.get(0).asText();
            if (!PASCAL.matcher(tag).matches()) {
                problems.add(where + " (" + operationId + "): tag '" + tag + "' is not PascalCase");
            } else if (!SNAKE.matcher(operationId).matches()) {
                problems.add(where + ": operationId '" + operationId + "' is not snake_case");
            } else if (!operationId.startsWith(SpecTree.snake(tag) + "_")) {
                problems.add(where + ": operationId '" + operationId + "' does not start with '" + SpecTree.snake(tag)
                        + "_', the snake_case of its tag '" + tag + "'");
            }
        });
        SpecTree.walk(root, "", (node, where) -> {
            JsonNode mapping = node.path("discriminator").path("mapping");
            if (node.path("discriminator").path("propertyName").isTextual() && mapping.isObject()) {
                for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
                    JsonNode value = entry.getValue();
                    if (!value.isTextual()) {
                        problems.add(where + ".discriminator.mapping." + entry.getKey() + ": must be a reference string");
                    } else if (!value.asText().startsWith("#/") || root.at(value.asText().substring(1)).isMissingNode()) {
                        problems.add(where + ".discriminator.mapping." + entry.getKey() + ": '" + value.asText()
                                + "' points to nothing");
                    }
                }
            }
        });
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
