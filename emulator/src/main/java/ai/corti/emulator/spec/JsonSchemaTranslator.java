package ai.corti.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the schemas of an OpenAPI 3.0 document as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), which the
 * library validates. The rest of the document is copied as it is, so {@code $ref}s keep pointing where they did.
 * Only what OpenAPI 3.0 means differently from JSON Schema is rewritten:
 * <ul>
 *   <li>{@code nullable: true} becomes {@code {if: {type: "null"}, then: true, else: <the schema>}}: {@code null}
 *       is accepted, anything else is checked (and reported) against the schema alone. This also covers the
 *       normaliser's {@code {allOf: [{$ref}], nullable: true}}, which a strict reading of 3.0.3 would refuse for
 *       {@code null};</li>
 *   <li>siblings of a {@code $ref} are dropped (3.0 ignores them; 2020-12 would apply them), except
 *       {@code nullable}, whose intent is clear;</li>
 *   <li>boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} become the numeric form;</li>
 *   <li>{@code discriminator.mapping} values written as {@code {$ref: ...}} objects or as bare schema names become
 *       references, the form the library matches;</li>
 *   <li>a {@code readOnly} property is not required in a request, a {@code writeOnly} one not in an answer;</li>
 *   <li>for answers ({@link SchemaValidator.Mode#RESPONSE}) an object schema that declares {@code properties} (or
 *       composes with {@code allOf}) and says nothing of {@code additionalProperties} gets
 *       {@code unevaluatedProperties: false}: the emulator must not send what the spec does not declare. A schema
 *       used as an {@code allOf} member (or as a {@code oneOf}/{@code anyOf} branch of a schema that declares
 *       properties itself) is only part of an object, so it is referenced through an open copy under
 *       {@value #OPEN_SCHEMAS} instead.</li>
 * </ul>
 * Annotations ({@code description}, {@code example}, {@code x-*}, ...) are copied and ignored by the validator.
 * The translation never fails: what it does not understand it copies.
 */
final class JsonSchemaTranslator {

    /** Where, at the document's root, the open copies of partial component schemas go. */
    static final String OPEN_SCHEMAS = "x-emulator-open-schemas";

    private static final String COMPONENT_PREFIX = "#/components/schemas/";
    private static final int MAX_REF_HOPS = 32;

    /**
     * The result.
     *
     * @param document the translated document
     * @param pointers every schema node of the source document, by identity, to its JSON pointer in the
     *                 translated document
     * @param roots    the pointers of the schemas the document declares: components, parameters, request and
     *                 response bodies, headers
     */
    record Translation(JsonNode document, Map<JsonNode, String> pointers, List<String> roots) {
    }

    private final JsonNode source;
    private final SchemaValidator.Mode mode;
    private final IdentityHashMap<JsonNode, String> pointers = new IdentityHashMap<>();
    private final List<String> roots = new ArrayList<>();
    private final Deque<String> openPending = new ArrayDeque<>();
    private final Set<String> openQueued = new HashSet<>();

    private JsonSchemaTranslator(JsonNode source, SchemaValidator.Mode mode) {
        this.source = source;
        this.mode = mode;
    }

    /**
     * Translates a document.
     *
     * @param document an OpenAPI 3.0 document; not modified
     * @param mode     whether the schemas will check requests or answers
     * @return the translation
     */
    static Translation translate(JsonNode document, SchemaValidator.Mode mode) {
        return new JsonSchemaTranslator(document, mode).run();
    }

    private Translation run() {
        ObjectNode out = source.isObject() ? ((ObjectNode) source).deepCopy() : JsonNodeFactory.instance.objectNode();
        JsonNode components = source.path("components");
        ObjectNode outComponents = out.path("components").isObject() ? (ObjectNode) out.get("components") : null;
        if (outComponents != null) {
            translateMap(components.path("schemas"), outComponents, "schemas", "/components/schemas");
            translateEach(components.path("parameters"), outComponents, "parameters", "/components/parameters",
                    this::translateParameter);
            translateEach(components.path("headers"), outComponents, "headers", "/components/headers",
                    this::translateParameter);
            translateEach(components.path("requestBodies"), outComponents, "requestBodies",
                    "/components/requestBodies", this::translateBody);
            translateEach(components.path("responses"), outComponents, "responses", "/components/responses",
                    this::translateResponse);
        }
        if (out.path("paths").isObject()) {
            ObjectNode paths = (ObjectNode) out.get("paths");
            for (Map.Entry<String, JsonNode> path : JsonFields.of(source.path("paths"))) {
                if (path.getValue().isObject()) {
                    translatePathItem(path.getValue(), (ObjectNode) paths.get(path.getKey()),
                            "/paths/" + escape(path.getKey()));
                }
            }
        }
        ObjectNode open = JsonNodeFactory.instance.objectNode();
        while (!openPending.isEmpty()) {
            String name = openPending.removeFirst();
            // Not recorded in the pointer map: the source node's own translation is the strict one.
            open.set(name, translateSchema(components.path("schemas").get(name), true, null, null));
        }
        if (!open.isEmpty()) {
            out.set(OPEN_SCHEMAS, open);
        }
        return new Translation(out, pointers, List.copyOf(roots));
    }

    /** A part of the document that holds schemas somewhere inside, translated in place. */
    private interface PartTranslator {
        void translate(JsonNode in, ObjectNode out, String pointer);
    }

    private void translateEach(JsonNode in, ObjectNode outParent, String field, String pointer, PartTranslator part) {
        if (!in.isObject() || !outParent.path(field).isObject()) {
            return;
        }
        ObjectNode out = (ObjectNode) outParent.get(field);
        for (Map.Entry<String, JsonNode> entry : JsonFields.of(in)) {
            if (entry.getValue().isObject()) {
                part.translate(entry.getValue(), (ObjectNode) out.get(entry.getKey()),
                        pointer + "/" + escape(entry.getKey()));
            }
        }
    }

    /** A map of named schemas ({@code components/schemas}, a media type map's schemas are done elsewhere). */
    private void translateMap(JsonNode in, ObjectNode outParent, String field, String pointer) {
        if (!in.isObject()) {
            return;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : JsonFields.of(in)) {
            String at = pointer + "/" + escape(entry.getKey());
            out.set(entry.getKey(), translateRoot(entry.getValue(), at));
        }
        outParent.set(field, out);
    }

    private void translatePathItem(JsonNode in, ObjectNode out, String pointer) {
        translateParameters(in.path("parameters"), out, pointer + "/parameters");
        for (Map.Entry<String, JsonNode> operation : JsonFields.of(in)) {
            if (!SpecSchemas.HTTP_METHODS.contains(operation.getKey()) || !operation.getValue().isObject()) {
                continue;
            }
            JsonNode op = operation.getValue();
            ObjectNode outOp = (ObjectNode) out.get(operation.getKey());
            String at = pointer + "/" + operation.getKey();
            translateParameters(op.path("parameters"), outOp, at + "/parameters");
            if (op.path("requestBody").isObject()) {
                translateBody(op.get("requestBody"), (ObjectNode) outOp.get("requestBody"), at + "/requestBody");
            }
            translateEach(op.path("responses"), outOp, "responses", at + "/responses", this::translateResponse);
        }
    }

    private void translateParameters(JsonNode in, ObjectNode outParent, String pointer) {
        if (!in.isArray() || !outParent.path("parameters").isArray()) {
            return;
        }
        ArrayNode out = (ArrayNode) outParent.get("parameters");
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).isObject()) {
                translateParameter(in.get(i), (ObjectNode) out.get(i), pointer + "/" + i);
            }
        }
    }

    /** A parameter or a header: a {@code schema}, or a {@code content} map. */
    private void translateParameter(JsonNode in, ObjectNode out, String pointer) {
        if (in.has("schema")) {
            out.set("schema", translateRoot(in.get("schema"), pointer + "/schema"));
        }
        translateContent(in, out, pointer);
    }

    private void translateBody(JsonNode in, ObjectNode out, String pointer) {
        translateContent(in, out, pointer);
    }

    private void translateResponse(JsonNode in, ObjectNode out, String pointer) {
        translateContent(in, out, pointer);
        translateEach(in.path("headers"), out, "headers", pointer + "/headers", this::translateParameter);
    }

    private void translateContent(JsonNode in, ObjectNode out, String pointer) {
        if (!in.path("content").isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> media : JsonFields.of(in.get("content"))) {
            JsonNode schema = media.getValue().get("schema");
            if (schema != null) {
                ((ObjectNode) out.get("content").get(media.getKey())).set("schema",
                        translateRoot(schema, pointer + "/content/" + escape(media.getKey()) + "/schema"));
            }
        }
    }

    private JsonNode translateRoot(JsonNode schema, String pointer) {
        roots.add(pointer);
        return translateSchema(schema, false, pointer, pointer);
    }

    /**
     * Translates one schema and everything under it.
     *
     * @param in      the OpenAPI 3.0 schema
     * @param partial whether it is only a part of the value's schema (an {@code allOf} member, ...), which must not
     *                close the object
     * @param at      its pointer in the source document, or {@code null} when translating an open copy
     * @param outAt   its pointer in the translated document, or {@code null} likewise
     */
    private JsonNode translateSchema(JsonNode in, boolean partial, String at, String outAt) {
        if (in == null || !in.isObject()) {
            return in == null ? JsonNodeFactory.instance.booleanNode(true) : in.deepCopy();
        }
        if (at != null) {
            pointers.put(in, outAt);
        }
        int nonNull = nullableUnionMember(in);
        if (nonNull >= 0) {
            // The spec normaliser's "this type, or null": {anyOf: [X, {nullable, enum: [null]}]}. Read as X or null,
            // so a wrong value is reported against X ("must be one of ...") rather than as a failed union.
            String union = in.has("anyOf") ? "anyOf" : "oneOf";
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.putObject("if").put("type", "null");
            wrapper.put("then", true);
            wrapper.set("else", translateSchema(in.get(union).get(nonNull), partial,
                    at == null ? null : at + "/" + union + "/" + nonNull, outAt == null ? null : outAt + "/else"));
            return wrapper;
        }
        boolean nullable = in.path("nullable").asBoolean(false);
        // Children live under "else" once the schema is wrapped for null.
        String bodyAt = outAt == null ? null : nullable ? outAt + "/else" : outAt;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode ref = in.get("$ref");
        if (ref != null && ref.isTextual()) {
            out.put("$ref", partial ? openRef(ref.asText()) : ref.asText());
        } else {
            boolean branchesPartial = partial || in.has("properties");
            for (Map.Entry<String, JsonNode> keyword : JsonFields.of(in)) {
                String name = keyword.getKey();
                JsonNode value = keyword.getValue();
                String childAt = at == null ? null : at + "/" + escape(name);
                String childOutAt = bodyAt == null ? null : bodyAt + "/" + escape(name);
                switch (name) {
                    case "nullable", "exclusiveMinimum", "exclusiveMaximum", "minimum", "maximum", "required" -> {
                        // handled below, after the loop
                    }
                    case "properties" -> out.set(name, translateProperties(value, childAt, childOutAt));
                    case "items", "additionalProperties" -> out.set(name,
                            value.isObject() ? translateSchema(value, false, childAt, childOutAt) : value.deepCopy());
                    case "not" -> out.set(name, translateSchema(value, true, childAt, childOutAt));
                    case "allOf" -> out.set(name, translateList(value, true, childAt, childOutAt));
                    case "oneOf", "anyOf" -> out.set(name, translateList(value, branchesPartial, childAt, childOutAt));
                    case "discriminator" -> out.set(name, translateDiscriminator(value,
                            branchesPartial && (in.has("oneOf") || in.has("anyOf"))));
                    default -> out.set(name, value.deepCopy());
                }
            }
            translateBounds(in, out, "minimum", "exclusiveMinimum");
            translateBounds(in, out, "maximum", "exclusiveMaximum");
            translateRequired(in, out);
            if (mode == SchemaValidator.Mode.RESPONSE && !partial && closes(in)) {
                out.put("unevaluatedProperties", false);
            }
        }
        if (!nullable) {
            return out;
        }
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.putObject("if").put("type", "null");
        wrapper.put("then", true);
        wrapper.set("else", out);
        return wrapper;
    }

    /**
     * Finds the "X or null" idiom: an {@code anyOf}/{@code oneOf} of two members, one of which admits only
     * {@code null}, and no other constraint beside it.
     *
     * @return the index of the other member, or -1 when the schema is not that idiom
     */
    private static int nullableUnionMember(JsonNode in) {
        JsonNode union = in.has("anyOf") ? in.get("anyOf") : in.get("oneOf");
        if (union == null || !union.isArray() || union.size() != 2 || (in.has("anyOf") && in.has("oneOf"))) {
            return -1;
        }
        for (Map.Entry<String, JsonNode> keyword : JsonFields.of(in)) {
            String name = keyword.getKey();
            boolean annotation = name.equals("anyOf") || name.equals("oneOf") || name.equals("description")
                    || name.equals("title") || name.equals("example") || name.equals("default") || name.startsWith("x-");
            if (!annotation) {
                return -1;
            }
        }
        for (int i = 0; i < 2; i++) {
            JsonNode member = union.get(i);
            JsonNode values = member.path("enum");
            if (member.path("nullable").asBoolean(false) && values.isArray() && values.size() == 1
                    && values.get(0).isNull()) {
                return 1 - i;
            }
        }
        return -1;
    }

    private JsonNode translateProperties(JsonNode properties, String at, String outAt) {
        if (!properties.isObject()) {
            return properties.deepCopy();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> property : JsonFields.of(properties)) {
            String key = escape(property.getKey());
            out.set(property.getKey(), translateSchema(property.getValue(), false,
                    at == null ? null : at + "/" + key, outAt == null ? null : outAt + "/" + key));
        }
        return out;
    }

    private JsonNode translateList(JsonNode list, boolean partial, String at, String outAt) {
        if (!list.isArray()) {
            return list.deepCopy();
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < list.size(); i++) {
            out.add(translateSchema(list.get(i), partial, at == null ? null : at + "/" + i,
                    outAt == null ? null : outAt + "/" + i));
        }
        return out;
    }

    /** Mapping values as references, through the open copies when the branches are. */
    private JsonNode translateDiscriminator(JsonNode discriminator, boolean branchesOpen) {
        JsonNode copy = discriminator.deepCopy();
        if (!copy.path("mapping").isObject()) {
            return copy;
        }
        ObjectNode mapping = (ObjectNode) copy.get("mapping");
        for (Map.Entry<String, JsonNode> entry : JsonFields.of(discriminator.get("mapping"))) {
            JsonNode target = entry.getValue();
            String ref = target.isObject() ? target.path("$ref").asText(null) : target.asText(null);
            if (ref == null || ref.isEmpty()) {
                continue;
            }
            if (!ref.contains("/") && !ref.contains("#")) {
                ref = COMPONENT_PREFIX + ref; // a bare schema name
            }
            mapping.put(entry.getKey(), branchesOpen ? openRef(ref) : ref);
        }
        return copy;
    }

    /** OpenAPI 3.0's boolean exclusive bounds as JSON Schema's numeric ones. */
    private static void translateBounds(JsonNode in, ObjectNode out, String bound, String exclusive) {
        JsonNode limit = in.get(bound);
        JsonNode flag = in.get(exclusive);
        if (flag != null && flag.isBoolean()) {
            if (limit != null) {
                out.set(flag.asBoolean() ? exclusive : bound, limit.deepCopy());
            }
            return;
        }
        if (limit != null) {
            out.set(bound, limit.deepCopy());
        }
        if (flag != null) {
            out.set(exclusive, flag.deepCopy()); // already numeric (3.1 style)
        }
    }

    /** {@code required}, less the properties OpenAPI 3.0 exempts in this direction. */
    private void translateRequired(JsonNode in, ObjectNode out) {
        JsonNode required = in.get("required");
        if (required == null) {
            return;
        }
        if (!required.isArray()) {
            out.set("required", required.deepCopy());
            return;
        }
        String exempt = mode == SchemaValidator.Mode.REQUEST ? "readOnly" : "writeOnly";
        ArrayNode kept = out.putArray("required");
        for (JsonNode name : required) {
            JsonNode property = in.path("properties").get(name.asText());
            if (property == null || !flagged(property, exempt)) {
                kept.add(name.deepCopy());
            }
        }
    }

    /** Whether a schema, or the one its {@code $ref}s lead to, sets a boolean keyword. */
    private boolean flagged(JsonNode schema, String keyword) {
        JsonNode current = schema;
        for (int hops = 0; hops < MAX_REF_HOPS && current != null; hops++) {
            if (current.path(keyword).asBoolean(false)) {
                return true;
            }
            String ref = current.path("$ref").asText("");
            if (!ref.startsWith("#")) {
                return false;
            }
            current = source.at(ref.substring(1));
        }
        return false;
    }

    /** Whether an answer's object must not carry properties beyond those this schema declares. */
    private static boolean closes(JsonNode in) {
        return !in.has("additionalProperties") && !in.has("unevaluatedProperties")
                && (in.has("properties") || in.has("allOf"));
    }

    /** A component reference through its open copy (answers only; requests never close objects). */
    private String openRef(String ref) {
        if (mode != SchemaValidator.Mode.RESPONSE || !ref.startsWith(COMPONENT_PREFIX)) {
            return ref;
        }
        String token = ref.substring(COMPONENT_PREFIX.length());
        String name = token.replace("~1", "/").replace("~0", "~");
        if (!source.path("components").path("schemas").has(name)) {
            return ref; // a dangling reference stays one, and the library names it
        }
        if (openQueued.add(name)) {
            openPending.addLast(name);
        }
        return "#/" + OPEN_SCHEMAS + "/" + token;
    }

    /** Escapes a JSON pointer token (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
