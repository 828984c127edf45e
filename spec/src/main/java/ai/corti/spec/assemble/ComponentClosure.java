package ai.corti.spec.assemble;

import ai.corti.spec.normalize.SpecTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the components the operations use, directly or through other components, and drops the rest: an
 * assembled document otherwise carries every older name its inputs ever had ({@code ResponseInteraction},
 * {@code V2EncounterStatusEnum}, ...), and the generator would turn each into a public model class.
 *
 * <p>Used means: named by a {@code $ref} or a {@code discriminator.mapping} value outside the components, or
 * inside a used component, or a security scheme named by a security requirement.
 */
final class ComponentClosure {

    private static final String PREFIX = "#/components/";

    private ComponentClosure() {
    }

    /**
     * Removes the unused components in place.
     *
     * @param root the document
     * @return the removed components, e.g. {@code schemas.ResponseInteraction}, in document order
     */
    static List<String> prune(ObjectNode root) {
        Set<String> used = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (Map.Entry<String, JsonNode> top : root.properties()) {
            if (!top.getKey().equals("components")) {
                collect(top.getValue(), pending);
            }
        }
        securityRequirements(root.path("security"), pending);
        SpecTree.forEachOperation(root, (path, method, operation) -> securityRequirements(operation.path("security"), pending));
        while (!pending.isEmpty()) {
            String ref = componentOf(pending.pop());
            if (used.add(ref)) {
                JsonNode target = root.at(ref.substring(1));
                if (!target.isMissingNode()) {
                    collect(target, pending);
                }
            }
        }
        List<String> removed = new ArrayList<>();
        JsonNode components = root.path("components");
        for (Map.Entry<String, JsonNode> kind : components.properties()) {
            List<String> names = new ArrayList<>();
            kind.getValue().fieldNames().forEachRemaining(name -> {
                if (!used.contains(PREFIX + kind.getKey() + "/" + name)) {
                    names.add(name);
                }
            });
            ((ObjectNode) kind.getValue()).remove(names);
            names.forEach(name -> removed.add(kind.getKey() + "." + name));
        }
        if (components.isObject()) {
            List<String> empty = new ArrayList<>();
            components.properties().forEach(kind -> {
                if (kind.getValue().isEmpty()) {
                    empty.add(kind.getKey());
                }
            });
            ((ObjectNode) components).remove(empty);
        }
        return removed;
    }

    /** {@code #/components/schemas/X/properties/y} -> {@code #/components/schemas/X}: the component that holds it. */
    private static String componentOf(String ref) {
        String[] parts = ref.substring(PREFIX.length()).split("/", 3);
        return parts.length < 2 ? ref : PREFIX + parts[0] + "/" + parts[1];
    }

    /** Adds every local reference under {@code node} (not under examples or extensions) to {@code out}. */
    private static void collect(JsonNode node, Deque<String> out) {
        SpecTree.walk(node, "", (object, where) -> {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
                out.push(ref.asText());
            }
            JsonNode mapping = object.path("discriminator").path("mapping");
            for (JsonNode value : mapping) {
                if (value.isTextual() && value.asText().startsWith(PREFIX)) {
                    out.push(value.asText());
                }
            }
        });
    }

    private static void securityRequirements(JsonNode requirements, Deque<String> out) {
        for (JsonNode requirement : requirements) {
            requirement.fieldNames().forEachRemaining(name -> out.push(PREFIX + "securitySchemes/" + name));
        }
    }
}
