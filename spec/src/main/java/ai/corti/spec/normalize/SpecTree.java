package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/** Small helpers shared by the tree walkers. */
public final class SpecTree {

    private SpecTree() {
    }

    /**
     * Tells whether a key holds data rather than schema: example payloads and vendor extensions, which
     * walkers must never rewrite.
     *
     * @param key a key of a mapping in the document
     * @return {@code true} for {@code example}, {@code examples} and {@code x-*}
     */
    public static boolean isOpaque(String key) {
        return key.equals("example") || key.equals("examples") || key.startsWith("x-");
    }

    /**
     * Returns the dotted location of a child, for messages.
     *
     * @param where the parent's location ({@code ""} for the root)
     * @param key   the child's key
     * @return e.g. {@code components.schemas.UUID}
     */
    public static String child(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    /**
     * Visits every mapping of the document, parents before children, skipping opaque keys.
     *
     * @param node    where to start
     * @param where   its location
     * @param visitor called with each mapping and its location; it may modify the mapping it is given
     */
    public static void walk(JsonNode node, String where, BiConsumer<ObjectNode, String> visitor) {
        if (node.isObject()) {
            visitor.accept((ObjectNode) node, where);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!isOpaque(field.getKey())) {
                    walk(field.getValue(), child(where, field.getKey()), visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]", visitor);
            }
        }
    }

    /**
     * Visits every operation of the document, in document order.
     *
     * @param root    the document
     * @param visitor called with the path, the method (lower case) and the operation
     */
    public static void forEachOperation(JsonNode root, OperationVisitor visitor) {
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (SpecValidator.METHODS.contains(op.getKey()) && op.getValue().isObject()) {
                    visitor.visit(path.getKey(), op.getKey(), (ObjectNode) op.getValue());
                }
            }
        }
    }

    /** What {@link #forEachOperation} calls. */
    @FunctionalInterface
    public interface OperationVisitor {
        /**
         * Visits one operation.
         *
         * @param path      e.g. {@code /interactions/{id}}
         * @param method    e.g. {@code get}
         * @param operation the operation object
         */
        void visit(String path, String method, ObjectNode operation);
    }

    /**
     * {@code interactions_list} -> {@code InteractionsList}; {@code encounter-status} -> {@code EncounterStatus};
     * {@code Guided Documents} -> {@code GuidedDocuments}.
     *
     * @param text words separated by anything that is not a letter or digit
     * @return the words joined, each starting with an upper-case letter (the rest unchanged)
     */
    public static String pascal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean upper = true;
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else if (upper) {
                out.append(String.valueOf(c).toUpperCase(Locale.ROOT));
                upper = false;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code GuidedDocuments} -> {@code guided_documents}.
     *
     * @param pascal a PascalCase name
     * @return its snake_case form
     */
    public static String snake(String pascal) {
        StringBuilder out = new StringBuilder(pascal.length() + 4);
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
