package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Inline enums on query parameters ({@code sort} of {@code interactions_list}, or the items of an array
 * parameter). With models only, generators make no type for them, so their values would have to be kept by
 * hand. They are moved to {@code components/schemas} and referenced:
 * <ul>
 *   <li>a parameter of an operation: {@code <OperationId><Parameter>Enum}, e.g. {@code InteractionsListSortEnum};</li>
 *   <li>a parameter under {@code components/parameters}: {@code <ComponentName>Enum}.</li>
 * </ul>
 * A name already taken by a different schema fails the build (a silent rename would change a public type).
 */
final class QueryEnumRule implements NormalizerRule {

    @Override
    public void apply(ObjectNode root, List<String> changes) {
        ObjectNode schemas = root.withObject("/components/schemas");
        for (Map.Entry<String, JsonNode> parameter : root.path("components").path("parameters").properties()) {
            lift(schemas, parameter.getValue(), SpecTree.pascal(parameter.getKey()) + "Enum",
                    "components.parameters." + parameter.getKey(), changes);
        }
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            JsonNode parameters = operation.path("parameters");
            for (int i = 0; i < parameters.size(); i++) {
                JsonNode parameter = parameters.get(i);
                String name = SpecTree.pascal(operation.path("operationId").asText())
                        + SpecTree.pascal(parameter.path("name").asText()) + "Enum";
                lift(schemas, parameter, name, "paths." + path + "." + method + ".parameters[" + i + "]", changes);
            }
        });
    }

    private static void lift(ObjectNode schemas, JsonNode parameter, String name, String where, List<String> changes) {
        if (!"query".equals(parameter.path("in").asText())) {
            return;
        }
        JsonNode schema = parameter.path("schema");
        ObjectNode holder;
        String field;
        if (isInlineEnum(schema)) {
            holder = (ObjectNode) parameter;
            field = "schema";
        } else if ("array".equals(schema.path("type").asText()) && isInlineEnum(schema.path("items"))) {
            holder = (ObjectNode) schema;
            field = "items";
        } else {
            return;
        }
        JsonNode enumSchema = holder.get(field);
        JsonNode existing = schemas.get(name);
        if (existing != null && !existing.equals(enumSchema)) {
            throw new InvalidSpecException(where, List.of("cannot lift the inline enum to components.schemas."
                    + name + ": a different schema already has that name"));
        }
        schemas.set(name, enumSchema.deepCopy());
        holder.putObject(field).put("$ref", "#/components/schemas/" + name);
        changes.add(where + ": inline query enum -> components.schemas." + name);
    }

    private static boolean isInlineEnum(JsonNode schema) {
        return schema.isObject() && schema.has("enum") && !schema.has("$ref");
    }
}
