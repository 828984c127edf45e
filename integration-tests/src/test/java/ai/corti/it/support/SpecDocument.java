package ai.corti.it.support;

import ai.corti.spec.CortiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The packaged spec ({@code openapi/corti.yaml}) as the contract tests read it: its operations with what they
 * declare (statuses, parameters, body schema). Read once per JVM; the tests derive their cases from it so that a
 * newer spec cannot bring an operation or a status the suite silently skips.
 */
public final class SpecDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final SpecDocument PACKAGED = read();

    private final JsonNode root;
    private final List<SpecOperation> operations;

    private SpecDocument(JsonNode root) {
        this.root = root;
        this.operations = List.copyOf(collectOperations(root));
    }

    /**
     * Returns the packaged spec.
     *
     * @return the spec the SDK was generated from and MockServer is loaded with
     */
    public static SpecDocument packaged() {
        return PACKAGED;
    }

    /**
     * Wraps a document already parsed, for the checkers' own tests.
     *
     * @param root the OpenAPI document
     * @return the document
     */
    public static SpecDocument of(JsonNode root) {
        return new SpecDocument(root);
    }

    /**
     * Returns every operation, in the document's order.
     *
     * @return the operations
     */
    public List<SpecOperation> operations() {
        return operations;
    }

    /**
     * Returns one operation.
     *
     * @param operationId its id
     * @return the operation
     * @throws IllegalArgumentException if the spec has no such operation
     */
    public SpecOperation operation(String operationId) {
        return operations.stream().filter(op -> op.id().equals(operationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId + " in the spec"));
    }

    /**
     * Follows a local {@code $ref} (repeatedly) to the node it names.
     *
     * @param node a schema, parameter or response, possibly a reference
     * @return the node referenced, or {@code node} itself
     */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 16) {
                throw new IllegalStateException("$ref chain too long at " + node);
            }
            current = root.at(current.get("$ref").asText().substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("unresolved " + node.get("$ref").asText());
            }
        }
        return current;
    }

    private static SpecDocument read() {
        try (InputStream in = CortiSpec.open()) {
            return new SpecDocument(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SpecOperation> collectOperations(JsonNode document) {
        List<SpecOperation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    found.add(new SpecOperation(op.getValue().path("operationId").asText(),
                            op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            op.getValue().path("tags").path(0).asText(), parameters(path.getValue(), op.getValue()),
                            op.getValue()));
                }
            }
        }
        return found;
    }

    /** The operation's parameters, path-level ones included, references resolved. */
    private List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
        List<JsonNode> all = new ArrayList<>();
        pathItem.path("parameters").forEach(p -> all.add(resolve(p)));
        operation.path("parameters").forEach(p -> all.add(resolve(p)));
        return all;
    }

    /**
     * One operation of the spec.
     *
     * @param id         its {@code operationId}
     * @param method     the HTTP method, upper case
     * @param path       the path template, e.g. {@code /interactions/{id}}
     * @param tag        its (single) tag
     * @param parameters its parameters, resolved
     * @param node       the operation object itself
     */
    public record SpecOperation(String id, String method, String path, String tag, List<JsonNode> parameters,
                                JsonNode node) {

        /**
         * Returns the declared response keys in the document's order ({@code "200"}, {@code "404"}, {@code "default"}).
         *
         * @return the keys of {@code responses}
         */
        public List<String> responseKeys() {
            List<String> keys = new ArrayList<>();
            node.path("responses").fieldNames().forEachRemaining(keys::add);
            return keys;
        }

        /**
         * Returns the declared response of a status.
         *
         * @param status the status
         * @return the response object (possibly a reference), or empty
         */
        public Optional<JsonNode> response(int status) {
            JsonNode response = node.path("responses").path(String.valueOf(status));
            return response.isMissingNode() ? Optional.empty() : Optional.of(response);
        }

        /**
         * Returns the names of the parameters declared in one place.
         *
         * @param in {@code query}, {@code header} or {@code path}
         * @return their names
         */
        public List<String> parameterNames(String in) {
            return parameters.stream().filter(p -> in.equals(p.path("in").asText())).map(p -> p.path("name").asText())
                    .toList();
        }

        /**
         * Returns the names of the required parameters declared in one place.
         *
         * @param in {@code query}, {@code header} or {@code path}
         * @return their names
         */
        public List<String> requiredParameterNames(String in) {
            return parameters.stream().filter(p -> in.equals(p.path("in").asText()) && p.path("required").asBoolean())
                    .map(p -> p.path("name").asText()).toList();
        }

        /**
         * Returns the request body's media type and schema.
         *
         * @return the first media type of {@code requestBody.content} with its schema, or empty without a body
         */
        public Optional<Map.Entry<String, JsonNode>> requestBody() {
            Iterator<Map.Entry<String, JsonNode>> content = node.path("requestBody").path("content").fields();
            if (!content.hasNext()) {
                return Optional.empty();
            }
            Map.Entry<String, JsonNode> first = content.next();
            return Optional.of(Map.entry(first.getKey(), first.getValue().path("schema")));
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
