package ai.corti.emulator.spec;

import ai.corti.spec.CortiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OpenAPI document (the packaged Corti document unless a test brings its own), read once, with the look-ups
 * the emulator needs: component schemas, an operation's parameters and its response schema per status, and the
 * validators ({@link #validator(SchemaValidator.Mode)}) compiled from it.
 *
 * <p>The emulator derives its request validation and its response checks from this document instead of
 * hand-kept copies of field lists and enum values, so a new spec version changes the emulator with it. Any
 * keyword of JSON Schema as OpenAPI 3.0 uses it is enforced; annotations and {@code x-*} extensions are ignored.
 */
public final class SpecSchemas {

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    /** The keys of a path item that are operations. */
    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private static volatile SpecSchemas shared;

    private final JsonNode document;
    private final Map<SchemaValidator.Mode, SchemaValidator> validators = new EnumMap<>(SchemaValidator.Mode.class);

    private SpecSchemas(JsonNode document) {
        this.document = document;
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
     */
    public static SpecSchemas parse(InputStream yaml) throws IOException {
        return of(new YAMLMapper().readTree(yaml));
    }

    /**
     * Wraps an OpenAPI document already read, e.g. a copy of {@link #shared()}'s {@link #document()} that a test
     * changed.
     *
     * @param document the document; it is copied, so later changes to it do not reach the look-ups
     * @return the look-ups over it
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static SpecSchemas of(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("An OpenAPI document must be a JSON object");
        }
        return new SpecSchemas(document.deepCopy());
    }

    /**
     * Returns the validator of a mode, compiling the document's schemas on first use; later calls return the
     * same validator. Compiling takes a moment: call it once at start-up, off any event loop.
     *
     * @param mode request or response strictness
     * @return the validator
     * @throws IllegalStateException when a schema of the document cannot be compiled (e.g. a dangling
     *                               {@code $ref}), naming it
     */
    public SchemaValidator validator(SchemaValidator.Mode mode) {
        synchronized (validators) {
            return validators.computeIfAbsent(mode, m -> new SchemaValidator(this, m));
        }
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
     * Returns an operation's documented response for a status, with a {@code $ref} to {@code components/responses}
     * followed.
     *
     * @param operationId the operation
     * @param status      the HTTP status
     * @return the response object (its {@code content} may be absent, as for a 204), or empty when the spec
     *         documents no such status
     */
    public Optional<JsonNode> response(String operationId, int status) {
        JsonNode response = operation(operationId).path("responses").get(Integer.toString(status));
        if (response == null) {
            return Optional.empty();
        }
        for (int hops = 0; response.has("$ref"); hops++) {
            String ref = response.get("$ref").asText();
            if (hops > 8 || !ref.startsWith("#/")) {
                throw new IllegalStateException("Cannot follow the response reference " + ref + " of " + operationId);
            }
            response = document.at(ref.substring(1));
        }
        return response.isMissingNode() ? Optional.empty() : Optional.of(response);
    }

    /**
     * Returns where an operation lives: its path (relative to the server URL, e.g.
     * {@code /interactions/{id}/recordings/}) and its HTTP method in upper case.
     *
     * @param operationId the operation
     * @return {@code [path, method]}
     * @throws IllegalArgumentException when no operation has that id
     */
    public List<String> location(String operationId) {
        for (Map.Entry<String, JsonNode> path : JsonFields.of(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : JsonFields.of(path.getValue())) {
                if (HTTP_METHODS.contains(operation.getKey())
                        && operationId.equals(operation.getValue().path("operationId").asText())) {
                    return List.of(path.getKey(), operation.getKey().toUpperCase(Locale.ROOT));
                }
            }
        }
        throw new IllegalArgumentException("The OpenAPI document has no operation " + operationId);
    }

    /**
     * Lists the {@code operationId}s of the document, in document order.
     *
     * @return the ids
     */
    public List<String> operationIds() {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : JsonFields.of(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : JsonFields.of(path.getValue())) {
                if (HTTP_METHODS.contains(operation.getKey()) && operation.getValue().hasNonNull("operationId")) {
                    ids.add(operation.getValue().get("operationId").asText());
                }
            }
        }
        return ids;
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
}
