package ai.corti.emulator.spec;

import ai.corti.spec.CortiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packaged Corti OpenAPI document, read once, with the look-ups the emulator needs: component
 * schemas, an operation's parameters and its response schema per status.
 *
 * <p>The emulator derives its request validation and its response checks from this document instead of
 * hand-kept copies of field lists and enum values, so a new spec version changes the emulator with it.
 * Loading fails at once, naming the keyword, when the document uses a schema keyword the
 * {@link SchemaValidator} does not implement: silently ignoring one would make the emulator accept what
 * the real API refuses.
 */
public final class SpecSchemas {

    /** The schema keywords the validator implements or that carry no constraint. */
    public static final Set<String> SUPPORTED_KEYWORDS = Set.of("type", "format", "enum", "required", "properties",
            "additionalProperties", "items", "nullable", "allOf", "$ref", "description", "example", "default",
            "title");

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private static volatile SpecSchemas shared;

    private final JsonNode document;

    private SpecSchemas(JsonNode document) {
        this.document = document;
        List<String> unsupported = new ArrayList<>();
        collectUnsupported(document.path("components").path("schemas"), "components.schemas", true, unsupported);
        for (Map.Entry<String, JsonNode> path : JsonFields.of(document.path("paths"))) {
            collectUnsupportedInOperations(path.getKey(), path.getValue(), unsupported);
        }
        if (!unsupported.isEmpty()) {
            throw new IllegalStateException("The OpenAPI document uses schema keywords the emulator does not "
                    + "implement (supported: " + new TreeSet<>(SUPPORTED_KEYWORDS) + "): " + unsupported);
        }
    }

    /**
     * Returns the packaged document ({@link CortiSpec#RESOURCE}), loaded on first use.
     *
     * @return the shared instance
     */
    public static SpecSchemas shared() {
        SpecSchemas result = shared;
        if (result == null) {
            synchronized (SpecSchemas.class) {
                result = shared;
                if (result == null) {
                    try (InputStream in = CortiSpec.open()) {
                        result = parse(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read " + CortiSpec.RESOURCE, e);
                    }
                    shared = result;
                }
            }
        }
        return result;
    }

    /**
     * Reads an OpenAPI document, for tests with a document of their own.
     *
     * @param yaml the document as YAML (or JSON)
     * @return the look-ups over it
     * @throws IOException when it cannot be read
     * @throws IllegalStateException when it uses a schema keyword the validator does not implement
     */
    public static SpecSchemas parse(InputStream yaml) throws IOException {
        return new SpecSchemas(new YAMLMapper().readTree(yaml));
    }

    /**
     * Returns the whole document.
     *
     * @return the document tree; do not modify it
     */
    public JsonNode document() {
        return document;
    }

    /**
     * Returns a component schema.
     *
     * @param name the name under {@code components/schemas}, e.g. {@code InteractionsGetResponse}
     * @return the schema
     * @throws IllegalArgumentException when the document has no such schema
     */
    public JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").get(name);
        if (schema == null) {
            throw new IllegalArgumentException("The OpenAPI document has no schema " + name);
        }
        return schema;
    }

    /**
     * Follows a schema's {@code $ref}, if it has one, to the component it names.
     *
     * @param schema a schema
     * @return the referenced schema, or {@code schema} itself
     */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalStateException("$ref cycle at " + schema);
            }
            current = schema(refName(current.get("$ref").asText()));
        }
        return current;
    }

    /**
     * Returns the values of an enum schema.
     *
     * @param schemaName the component name, e.g. {@code InteractionsListSortEnum}
     * @return the values in document order
     */
    public List<String> enumValues(String schemaName) {
        List<String> values = new ArrayList<>();
        resolve(schema(schemaName)).path("enum").forEach(value -> values.add(value.asText()));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Schema " + schemaName + " is not an enum");
        }
        return values;
    }

    /**
     * Returns an operation by its {@code operationId}.
     *
     * @param operationId e.g. {@code interactions_list}
     * @return the operation object
     * @throws IllegalArgumentException when no operation has that id
     */
    public JsonNode operation(String operationId) {
        for (Map.Entry<String, JsonNode> path : JsonFields.of(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : JsonFields.of(path.getValue())) {
                if (HTTP_METHODS.contains(operation.getKey())
                        && operationId.equals(operation.getValue().path("operationId").asText())) {
                    return operation.getValue();
                }
            }
        }
        throw new IllegalArgumentException("The OpenAPI document has no operation " + operationId);
    }

    /**
     * Returns the schema of one of an operation's parameters.
     *
     * @param operationId the operation
     * @param name        the parameter's name, e.g. {@code sort}
     * @return the parameter's schema, or empty when the operation has no such parameter
     */
    public Optional<JsonNode> parameterSchema(String operationId, String name) {
        return parameter(operationId, name).map(parameter -> parameter.path("schema"));
    }

    /**
     * Returns one of an operation's parameters, with {@code $ref}s to {@code components/parameters} followed.
     *
     * @param operationId the operation
     * @param name        the parameter's name
     * @return the parameter object, or empty
     */
    public Optional<JsonNode> parameter(String operationId, String name) {
        for (JsonNode parameter : operation(operationId).path("parameters")) {
            JsonNode resolved = parameter;
            if (parameter.has("$ref")) {
                String ref = parameter.get("$ref").asText();
                resolved = document.at(ref.substring(1));
            }
            if (name.equals(resolved.path("name").asText())) {
                return Optional.of(resolved);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the JSON schema of an operation's response with a given status.
     *
     * @param operationId the operation
     * @param status      the HTTP status
     * @return the {@code application/json} schema, or empty when the spec documents no such response
     */
    public Optional<JsonNode> responseSchema(String operationId, int status) {
        JsonNode schema = operation(operationId).path("responses").path(Integer.toString(status))
                .path("content").path("application/json").get("schema");
        return Optional.ofNullable(schema);
    }

    /**
     * Returns the JSON schema of an operation's request body.
     *
     * @param operationId the operation
     * @return the {@code application/json} schema, or empty when the operation takes no body
     */
    public Optional<JsonNode> requestSchema(String operationId) {
        return Optional.ofNullable(operation(operationId).path("requestBody").path("content")
                .path("application/json").get("schema"));
    }

    /**
     * Returns the component name a {@code $ref} points to.
     *
     * @param ref e.g. {@code #/components/schemas/UUID}
     * @return e.g. {@code UUID}
     */
    static String refName(String ref) {
        if (!ref.startsWith(SCHEMA_REF_PREFIX)) {
            throw new IllegalStateException("Only local schema references are supported, not " + ref);
        }
        return ref.substring(SCHEMA_REF_PREFIX.length());
    }

    private static void collectUnsupportedInOperations(String path, JsonNode pathItem, List<String> out) {
        for (Map.Entry<String, JsonNode> operation : JsonFields.of(pathItem)) {
            if (!HTTP_METHODS.contains(operation.getKey())) {
                continue;
            }
            String where = "paths." + path + "." + operation.getKey();
            JsonNode op = operation.getValue();
            for (JsonNode parameter : op.path("parameters")) {
                if (parameter.has("schema")) {
                    collectUnsupported(parameter.get("schema"), where + ".parameters." + parameter.path("name").asText(),
                            false, out);
                }
            }
            for (Map.Entry<String, JsonNode> media : JsonFields.of(op.path("requestBody").path("content"))) {
                collectUnsupported(media.getValue().path("schema"), where + ".requestBody", false, out);
            }
            for (Map.Entry<String, JsonNode> response : JsonFields.of(op.path("responses"))) {
                for (Map.Entry<String, JsonNode> media : JsonFields.of(response.getValue().path("content"))) {
                    collectUnsupported(media.getValue().path("schema"), where + ".responses." + response.getKey(),
                            false, out);
                }
            }
        }
    }

    /** Walks a schema (or, with {@code isMap}, a map of named schemas) and lists unknown keywords. */
    private static void collectUnsupported(JsonNode node, String where, boolean isMap, List<String> out) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (isMap) {
            for (Map.Entry<String, JsonNode> entry : JsonFields.of(node)) {
                collectUnsupported(entry.getValue(), where + "." + entry.getKey(), false, out);
            }
            return;
        }
        for (Map.Entry<String, JsonNode> keyword : JsonFields.of(node)) {
            String name = keyword.getKey();
            if (name.startsWith("x-")) {
                continue;
            }
            if (!SUPPORTED_KEYWORDS.contains(name)) {
                out.add(where + "." + name);
            }
        }
        collectUnsupported(node.get("properties"), where + ".properties", true, out);
        collectUnsupported(node.get("items"), where + ".items", false, out);
        if (node.path("additionalProperties").isObject()) {
            collectUnsupported(node.get("additionalProperties"), where + ".additionalProperties", false, out);
        }
        int i = 0;
        for (JsonNode part : node.path("allOf")) {
            collectUnsupported(part, where + ".allOf[" + i++ + "]", false, out);
        }
    }
}
