package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites the quirks of Corti's published OpenAPI document into plain OpenAPI 3.0 that code
 * generators and validators read as intended. The published text is never edited by hand: a newer
 * published document with the same quirks goes through the same rules.
 *
 * <p>The rules, in order (each is described in the module's README):
 * <ol>
 *   <li><b>{@code $ref} with siblings.</b> OpenAPI 3.0 ignores every key beside {@code $ref}, but
 *       generators do not agree on that ({@code type: object} beside a {@code $ref} makes some emit
 *       {@code Object}). Siblings are dropped, except {@code nullable: true}, which is kept meaningful
 *       by wrapping the reference: {@code {allOf: [{$ref}], nullable: true}}.</li>
 *   <li><b>{@code items} on a non-array schema.</b> {@code items: {}} on the {@code UUID} schema makes
 *       generators type every UUID as {@code List<Object>}; {@code items} is removed wherever
 *       {@code type} is not {@code array}.</li>
 *   <li><b>Inline enums on query parameters.</b> Generators make no type for them when only models
 *       are generated, so they are moved to {@code components/schemas} as
 *       {@code <OperationId><Parameter>Enum} (e.g. {@code InteractionsListSortEnum}) and referenced.</li>
 * </ol>
 */
public final class SpecNormalizer {

    private final List<String> changes = new ArrayList<>();

    /** Creates a normaliser; one instance normalises one document at a time. */
    public SpecNormalizer() {
    }

    /**
     * Normalises the document in place.
     *
     * @param root the parsed document (must have passed {@link SpecValidator})
     * @return one line per change made, each naming its location
     */
    public List<String> normalize(ObjectNode root) {
        changes.clear();
        liftInlineQueryEnums(root);
        walk(root, "");
        return List.copyOf(changes);
    }

    private void walk(JsonNode node, String where) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("$ref") && object.size() > 1) {
                collapseRefSiblings(object, where);
            }
            dropItemsOnNonArray(object, where);
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!SpecTree.isOpaque(field.getKey())) {
                    walk(field.getValue(), SpecTree.child(where, field.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]");
            }
        }
    }

    private void collapseRefSiblings(ObjectNode object, String where) {
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
            // allOf with one member is how OpenAPI 3.0 says "this type, or null".
            ArrayNode allOf = object.putArray("allOf");
            allOf.addObject().set("$ref", ref);
            object.put("nullable", true);
            if (description != null) {
                object.set("description", description);
            }
            changes.add(where + ": $ref with siblings " + dropped + " -> allOf [$ref] + nullable");
        } else {
            object.set("$ref", ref);
            changes.add(where + ": $ref with siblings " + dropped + " -> plain $ref");
        }
    }

    private void dropItemsOnNonArray(ObjectNode object, String where) {
        JsonNode type = object.get("type");
        if (object.has("items") && type != null && type.isTextual() && !type.asText().equals("array")) {
            object.remove("items");
            changes.add(where + ": 'items' on a schema of type '" + type.asText() + "' removed");
        }
    }

    private void liftInlineQueryEnums(ObjectNode root) {
        ObjectNode schemas = root.withObject("/components/schemas");
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!SpecValidator.METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode parameters = op.getValue().path("parameters");
                for (int i = 0; i < parameters.size(); i++) {
                    JsonNode parameter = parameters.get(i);
                    JsonNode schema = parameter.path("schema");
                    if (!"query".equals(parameter.path("in").asText()) || !schema.has("enum") || schema.has("$ref")) {
                        continue;
                    }
                    String name = pascal(op.getValue().path("operationId").asText())
                            + pascal(parameter.path("name").asText()) + "Enum";
                    String where = "paths." + path.getKey() + "." + op.getKey() + ".parameters[" + i + "]";
                    JsonNode existing = schemas.get(name);
                    if (existing != null && !existing.equals(schema)) {
                        throw new InvalidSpecException(where, List.of("cannot lift the inline enum to components.schemas."
                                + name + ": a different schema already has that name"));
                    }
                    schemas.set(name, schema.deepCopy());
                    ((ObjectNode) parameter).putObject("schema").put("$ref", "#/components/schemas/" + name);
                    changes.add(where + ": inline query enum -> components.schemas." + name);
                }
            }
        }
    }

    /** {@code interactions_list} -> {@code InteractionsList}; {@code encounter-status} -> {@code EncounterStatus}. */
    static String pascal(String text) {
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
}
