package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code $ref} with sibling keys. OpenAPI 3.0 ignores every key beside {@code $ref}, but generators do not
 * agree on that ({@code type: object} beside a {@code $ref} makes some emit {@code Object}), so the siblings
 * are dropped and a plain {@code $ref} is kept.
 *
 * <p>One sibling carries meaning: {@code nullable: true} ("this type, or null"). It becomes
 * <pre>
 * anyOf:
 *   - $ref: '#/components/schemas/X'
 *   - {type: &lt;X's type&gt;, nullable: true, enum: [null]}
 * description: ...          (kept, for the generated Javadoc)
 * </pre>
 * Why not {@code allOf: [$ref]} + {@code nullable}: OpenAPI 3.0.3 says {@code nullable} does not widen an
 * {@code allOf}, and strict validators (MockServer, Prism) then refuse {@code null}. The second branch
 * accepts only {@code null} (an OpenAPI 3.0 schema cannot say {@code type: 'null'}; {@code nullable} plus
 * {@code enum: [null]} is the 3.0 spelling). openapi-generator recognises that branch as "null" and turns
 * the property into {@code JsonNullable<X>}, provided its {@code SIMPLIFY_ONEOF_ANYOF_ENUM} rule is off
 * (client-core's configuration), which would otherwise merge the two enums into an inline one.
 */
final class RefSiblingsRule implements NormalizerRule {

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        SpecTree.walk(root, "", (node, where) -> {
            if (node.has("$ref") && node.size() > 1) {
                collapse(root, node, where, changes);
            }
        });
    }

    private static void collapse(ObjectNode root, ObjectNode object, String where, List<String> changes) {
        JsonNode ref = object.get("$ref");
        boolean nullable = object.path("nullable").asBoolean(false);
        JsonNode description = object.get("description");
        List<String> dropped = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!name.equals("$ref")) {
                dropped.add(name);
            }
        });
        object.removeAll();
        if (nullable) {
            ArrayNode anyOf = object.putArray("anyOf");
            anyOf.addObject().set("$ref", ref);
            ObjectNode onlyNull = anyOf.addObject();
            onlyNull.put("type", targetType(root, ref.asText()));
            onlyNull.put("nullable", true);
            onlyNull.putArray("enum").addNull();
            if (description != null) {
                object.set("description", description);
            }
            changes.add(where + ": $ref with siblings " + dropped + " -> anyOf [$ref, null]");
        } else {
            object.set("$ref", ref);
            changes.add(where + ": $ref with siblings " + dropped + " -> plain $ref");
        }
    }

    /** The referenced schema's {@code type}, so the null branch reads naturally; {@code string} when it has none. */
    private static String targetType(ObjectNode root, String ref) {
        JsonNode target = ref.startsWith("#/") ? root.at(ref.substring(1)) : null;
        JsonNode type = target == null ? null : target.get("type");
        return type != null && type.isTextual() ? type.asText() : "string";
    }
}
