package ai.corti.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * Applies a PATCH body to a stored interaction with JSON merge-patch semantics (RFC 7386), which is what
 * the spec describes ("updating specific fields without overwriting the entire record"):
 * <ul>
 *   <li>a field absent from the patch is left untouched;</li>
 *   <li>a field set to {@code null} is cleared (removed);</li>
 *   <li>an object is merged field by field, recursively;</li>
 *   <li>anything else replaces the stored value.</li>
 * </ul>
 * The patch must already be validated and canonical: only nullable fields can be {@code null} by then, and
 * only declared fields are present.
 */
final class MergePatch {

    private MergePatch() {
    }

    /**
     * Merges {@code patch} into {@code target}.
     *
     * @param target the stored object, changed in place
     * @param patch  the patch object
     */
    static void apply(ObjectNode target, JsonNode patch) {
        // fieldNames(), not properties(): that needs Jackson 2.15, and the emulator runs from 2.13 like the client.
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = patch.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject()) {
                JsonNode existing = target.get(name);
                ObjectNode merged = existing != null && existing.isObject()
                        ? (ObjectNode) existing : target.putObject(name);
                apply(merged, value);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }
}
