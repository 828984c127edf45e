package ai.corti.client.core.internal.error;

import ai.corti.client.core.error.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a problem body from its JSON tree, tolerant of both spellings Corti has used, and redacts every text in the
 * tree first: the tree is also what the generated {@code ErrorResponse} model is read from. Internal to the SDK.
 */
public final class Problems {

    private Problems() {
    }

    /**
     * Tells whether a JSON object is a problem document rather than any JSON an error page may hold.
     *
     * @param tree the body
     * @return {@code true} when it has a detail, a type, a title or validation errors
     */
    public static boolean isProblem(JsonNode tree) {
        return tree.isObject() && (tree.hasNonNull("detail") || tree.hasNonNull("details") || tree.hasNonNull("type")
                || tree.hasNonNull("title") || (tree.path("validationErrors").isArray()
                && !tree.path("validationErrors").isEmpty()));
    }

    /**
     * Replaces every text in the tree by its redacted form, in place.
     *
     * @param node     the tree
     * @param redactor what removes credentials
     */
    public static void redact(JsonNode node, Redactor redactor) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                String cleanName = redactor.redact(name);
                if (value.isTextual()) {
                    value = TextNode.valueOf(redactor.redact(value.asText()));
                } else {
                    redact(value, redactor);
                }
                if (!cleanName.equals(name)) {
                    object.remove(name);
                }
                object.set(cleanName, value);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i,
                            TextNode.valueOf(redactor.redact(item.asText())));
                } else {
                    redact(item, redactor);
                }
            }
        }
    }

    /**
     * Reads the problem's fields.
     *
     * @param tree a problem document, already redacted
     * @return the problem
     */
    public static Problem of(JsonNode tree) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (JsonNode error : tree.path("validationErrors")) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Iterator<String> names = error.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = error.get(name);
                fields.put(name, value.isValueNode() ? value.asText() : value.toString());
            }
            errors.add(fields);
        }
        JsonNode status = tree.get("status");
        return new Problem(text(tree, "type"), text(tree, "title"),
                status != null && status.canConvertToInt() ? status.asInt() : null,
                text(tree, "detail") != null ? text(tree, "detail") : text(tree, "details"), text(tree, "instance"),
                text(tree, "requestid") != null ? text(tree, "requestid") : text(tree, "requestId"), errors);
    }

    private static String text(JsonNode tree, String name) {
        JsonNode value = tree.get(name);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }
}
