package ai.corti.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares JSON request bodies the SDK sent with the schema the spec declares for them, walking both together:
 * which declared fields no body carried (a "fully populated" request that is not), which fields a body carried
 * that the schema does not declare (MockServer accepts those, as schemas allow additional properties by default),
 * and which optional fields a minimal request carried. Each finding is a path such as
 * {@code dynamicTemplate.generation.sections[].outputSchema<GuidedNumberNode>.minimum}.
 *
 * <p>Composition: {@code allOf} members all apply to the same value; a {@code oneOf} value is sorted into its branch
 * (by the discriminator's mapping, else by the branch's type, required fields and single-value enums), and every
 * branch must have been sent at least once; {@code anyOf} (the spec's "value or null" idiom) is not descended.
 * A schema met again inside itself (the recursive output schema) is not required again at the deeper level.
 */
public final class BodyCoverage {

    private final SpecDocument spec;

    /**
     * Creates the checker.
     *
     * @param spec the document the schemas come from
     */
    public BodyCoverage(SpecDocument spec) {
        this.spec = spec;
    }

    /**
     * Lists the declared fields (and {@code oneOf} branches) that none of the bodies carries with a value.
     *
     * @param schema the request body schema
     * @param bodies the bodies sent
     * @return the paths missing, empty when the bodies together populate the whole schema
     */
    public List<String> missing(JsonNode schema, List<JsonNode> bodies) {
        Set<String> out = new LinkedHashSet<>();
        walkMissing(schema, nonNull(bodies), "", new ArrayDeque<>(), out);
        return List.copyOf(out);
    }

    /**
     * Lists the fields a body carries that its schema does not declare.
     *
     * @param schema the request body schema
     * @param body   one body sent
     * @return the paths, empty when every field is declared
     */
    public List<String> undeclared(JsonNode schema, JsonNode body) {
        Set<String> out = new LinkedHashSet<>();
        walkSent(schema, body, "", out, false);
        return List.copyOf(out);
    }

    /**
     * Lists the optional fields a body carries (for a request meant to be minimal), undeclared ones included.
     *
     * @param schema the request body schema
     * @param body   one body sent
     * @return the paths, empty when the body carries only what is required
     */
    public List<String> optionalSent(JsonNode schema, JsonNode body) {
        Set<String> out = new LinkedHashSet<>();
        walkSent(schema, body, "", out, true);
        return List.copyOf(out);
    }

    private void walkMissing(JsonNode schemaOrRef, List<JsonNode> values, String path, Deque<String> stack,
                             Set<String> out) {
        String ref = schemaOrRef.path("$ref").asText(null);
        if (ref != null && stack.contains(ref)) {
            return; // recursion: the outer level already requires this schema's fields
        }
        if (ref != null) {
            stack.push(ref);
        }
        JsonNode schema = spec.resolve(schemaOrRef);
        try {
            if (values.isEmpty()) {
                out.add(label(path) + " (no value sent)");
                return;
            }
            schema.path("allOf").forEach(member -> walkMissing(member, values, path, stack, out));
            if (schema.has("oneOf")) {
                List<List<JsonNode>> byBranch = sortIntoBranches(schema, values, path, out);
                for (int i = 0; i < byBranch.size(); i++) {
                    JsonNode branch = schema.get("oneOf").get(i);
                    String branchPath = path + "<" + branchName(branch, i) + ">";
                    if (byBranch.get(i).isEmpty()) {
                        out.add(label(branchPath) + " (oneOf branch never sent)");
                    } else {
                        walkMissing(branch, byBranch.get(i), branchPath, stack, out);
                    }
                }
            }
            if (schema.has("items")) {
                List<JsonNode> items = new ArrayList<>();
                values.stream().filter(JsonNode::isArray).forEach(v -> v.forEach(items::add));
                walkMissing(schema.get("items"), nonNull(items), path + "[]", stack, out);
            }
            for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                List<JsonNode> carried = values.stream().filter(v -> v.has(name)).map(v -> v.get(name)).toList();
                List<JsonNode> present = nonNull(carried);
                String child = path.isEmpty() ? name : path + "." + name;
                JsonNode property = schema.get("properties").get(name);
                if (carried.isEmpty()) {
                    out.add(child);
                } else if (!present.isEmpty()) {
                    walkMissing(property, present, child, stack, out);
                } else if (hasStructure(property)) {
                    out.add(child + " (only null sent)"); // a null scalar is a value sent; a null object hides its fields
                }
            }
        } finally {
            if (ref != null) {
                stack.pop();
            }
        }
    }

    /** Walks one sent value against its schema, reporting undeclared (and, if asked, optional) fields. */
    private void walkSent(JsonNode schemaOrRef, JsonNode value, String path, Set<String> out, boolean optionalToo) {
        JsonNode schema = spec.resolve(schemaOrRef);
        if (value == null || value.isNull()) {
            return;
        }
        if (schema.path("allOf").size() == 1 && !schema.has("properties")) {
            // {allOf: [$ref]}: the spec's way of giving a $ref a description; it is the referenced schema
            walkSent(schema.get("allOf").get(0), value, path, out, optionalToo);
            return;
        }
        if (schema.has("oneOf")) {
            int branch = branchOf(schema, value);
            if (branch < 0) {
                out.add(label(path) + " (matches no oneOf branch)");
            } else {
                walkSent(schema.get("oneOf").get(branch), value, path, out, optionalToo);
            }
            return;
        }
        if (schema.has("items") && value.isArray()) {
            value.forEach(item -> walkSent(schema.get("items"), item, path + "[]", out, optionalToo));
            return;
        }
        if (!value.isObject() || (!schema.has("properties") && !schema.has("allOf"))) {
            return; // a scalar, or a free-form object (additionalProperties): nothing declared to compare
        }
        List<JsonNode> layers = objectLayers(schema);
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String child = path.isEmpty() ? name : path + "." + name;
            JsonNode declared = declaredProperty(layers, name);
            if (declared == null) {
                out.add(child + " (not declared)");
            } else {
                if (optionalToo && !required(layers, name)) {
                    out.add(child + " (optional)");
                }
                walkSent(declared, value.get(name), child, out, optionalToo);
            }
        }
    }

    /** The schema and its {@code allOf} members, resolved, flattened: together they declare an object's fields. */
    private List<JsonNode> objectLayers(JsonNode schema) {
        List<JsonNode> layers = new ArrayList<>();
        layers.add(schema);
        schema.path("allOf").forEach(member -> layers.addAll(objectLayers(spec.resolve(member))));
        return layers;
    }

    private static JsonNode declaredProperty(List<JsonNode> layers, String name) {
        return layers.stream().map(l -> l.path("properties").get(name)).filter(p -> p != null).findFirst()
                .orElse(null);
    }

    private static boolean required(List<JsonNode> layers, String name) {
        for (JsonNode layer : layers) {
            for (JsonNode r : layer.path("required")) {
                if (r.asText().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<List<JsonNode>> sortIntoBranches(JsonNode schema, List<JsonNode> values, String path, Set<String> out) {
        List<List<JsonNode>> byBranch = new ArrayList<>();
        schema.get("oneOf").forEach(b -> byBranch.add(new ArrayList<>()));
        for (JsonNode value : values) {
            int branch = branchOf(schema, value);
            if (branch < 0) {
                out.add(label(path) + " (a value matches no oneOf branch: " + value + ")");
            } else {
                byBranch.get(branch).add(value);
            }
        }
        return byBranch;
    }

    /** The index of the {@code oneOf} branch a value belongs to, or -1. */
    private int branchOf(JsonNode schema, JsonNode value) {
        JsonNode branches = schema.get("oneOf");
        JsonNode discriminator = schema.get("discriminator");
        if (discriminator != null && value.isObject()) {
            String tag = value.path(discriminator.path("propertyName").asText()).asText(null);
            String target = tag == null ? null : discriminator.path("mapping").path(tag).asText(null);
            for (int i = 0; i < branches.size() && target != null; i++) {
                if (target.equals(branches.get(i).path("$ref").asText())) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < branches.size(); i++) {
            if (matches(spec.resolve(branches.get(i)), value)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a value has the branch's JSON type, its required fields and the values of its single-value enums. */
    private boolean matches(JsonNode branch, JsonNode value) {
        List<JsonNode> layers = objectLayers(branch);
        String type = layers.stream().map(l -> l.path("type").asText(null)).filter(t -> t != null).findFirst()
                .orElse(layers.stream().anyMatch(l -> l.has("properties")) ? "object" : null);
        if (type != null && !hasType(value, type)) {
            return false;
        }
        for (JsonNode layer : layers) {
            for (JsonNode r : layer.path("required")) {
                if (!value.has(r.asText())) {
                    return false;
                }
            }
            for (Iterator<String> names = layer.path("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode options = spec.resolve(layer.get("properties").get(name)).path("enum");
                if (options.size() == 1 && value.has(name) && !options.get(0).equals(value.get(name))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    /** Whether a property's schema has fields or items of its own to be populated. */
    private boolean hasStructure(JsonNode schemaOrRef) {
        JsonNode schema = spec.resolve(schemaOrRef);
        return schema.has("properties") || schema.has("items") || schema.has("oneOf") || schema.has("allOf");
    }

    private static String branchName(JsonNode branch, int index) {
        String ref = branch.path("$ref").asText(null);
        if (ref != null) {
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        return branch.path("title").asText("#" + index);
    }

    private static List<JsonNode> nonNull(List<JsonNode> values) {
        return values.stream().filter(v -> v != null && !v.isNull() && !v.isMissingNode()).toList();
    }

    private static String label(String path) {
        return path.isEmpty() ? "(body)" : path;
    }
}
