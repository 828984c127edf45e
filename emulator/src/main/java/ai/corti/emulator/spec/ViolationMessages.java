package ai.corti.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the library's errors into the emulator's {@link SchemaViolation}s: one per bad field, named as a dotted
 * path ({@code encounter.status}, {@code interactions[2].id}), with a message that says what was expected and what
 * came ({@code must be one of planned, ... (was 'archived')}).
 *
 * <p>A failed {@code oneOf}/{@code anyOf} is reported by the errors of its one candidate alternative when there is
 * one (the discriminator picked it, or there is only one). Otherwise it is one line naming the alternatives, followed
 * by the errors of the closest one if there is such (of the alternatives the value is the right kind for, the one
 * with strictly the fewest errors): listing why every alternative failed would bury the answer.
 */
final class ViolationMessages {

    private static final int SHOWN_LIMIT = 60;

    private final JsonNode document;

    /**
     * Creates the formatter.
     *
     * @param document the translated document the errors come from, to look up alternatives and discriminators
     */
    ViolationMessages(JsonNode document) {
        this.document = document;
    }

    /** One error with its evaluation path as a list of tokens (names and indexes). */
    private record Item(Error error, List<Object> path) {
    }

    /**
     * Formats a validation's errors.
     *
     * @param errors the library's errors, in its order
     * @param root   the pointer of the schema validated against, in the translated document
     * @param prefix the name of the value validated ({@code ""} for a whole body)
     * @return the violations, without duplicates, in the errors' order
     */
    List<SchemaViolation> violations(List<Error> errors, String root, String prefix) {
        List<Item> items = new ArrayList<>(errors.size());
        for (Error error : errors) {
            items.add(new Item(error, tokens(error.getEvaluationPath())));
        }
        Set<SchemaViolation> out = new LinkedHashSet<>();
        render(items, 0, root, prefix, out);
        return List.copyOf(out);
    }

    /** Groups errors by the first {@code oneOf}/{@code anyOf} at or after {@code from} in their evaluation path. */
    private void render(List<Item> items, int from, String root, String prefix, Set<SchemaViolation> out) {
        Map<Object, List<Item>> groups = new LinkedHashMap<>();
        for (Item item : items) {
            int at = compositeAt(item.path(), from);
            Object key;
            if (at >= 0) {
                key = List.copyOf(item.path().subList(0, at + 1));
            } else if (isComposite(item.path(), from, item.path().size() - 1)) {
                key = item.path(); // the oneOf's own error, or a discriminator's, at the composite itself
            } else {
                key = new Object(); // a plain error: a group of its own
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        for (Map.Entry<Object, List<Item>> group : groups.entrySet()) {
            if (group.getKey() instanceof List<?> composite) {
                renderComposite(composite, group.getValue(), root, prefix, out);
            } else {
                Item item = group.getValue().get(0);
                out.add(plain(item.error(), prefix));
            }
        }
    }

    private void renderComposite(List<?> composite, List<Item> items, String root, String prefix,
                                 Set<SchemaViolation> out) {
        int size = composite.size();
        Error summary = null;
        Error discriminator = null;
        List<Item> children = new ArrayList<>();
        Map<Object, Integer> errorsPerBranch = new LinkedHashMap<>();
        Set<Object> wrongType = new LinkedHashSet<>();
        int depth = instanceDepth(composite);
        for (Item item : items) {
            if (item.path().size() == size) {
                if ("discriminator".equals(item.error().getKeyword())) {
                    discriminator = item.error();
                } else {
                    summary = item.error();
                }
            } else {
                children.add(item);
                errorsPerBranch.merge(item.path().get(size), 1, Integer::sum);
                NodePath location = item.error().getInstanceLocation();
                if ("type".equals(item.error().getKeyword()) && location != null && location.getNameCount() == depth) {
                    wrongType.add(item.path().get(size)); // this alternative is not even the value's kind
                }
            }
        }
        JsonNode alternatives = walk(root, composite);
        if (discriminator != null) {
            out.add(discriminatorViolation(discriminator, alternatives, walk(root, composite.subList(0, size - 1)),
                    prefix));
            return;
        }
        if (errorsPerBranch.size() == 1) {
            render(children, size + 1, root, prefix, out); // the discriminator's pick, or the only alternative
            return;
        }
        // anyOf reports no error of its own: its value is found from a child's location.
        String field = summary != null ? field(prefix, summary.getInstanceLocation(), Integer.MAX_VALUE)
                : field(prefix, children.get(0).error().getInstanceLocation(), depth);
        String matched = summary == null ? "0" : argument(summary, 0).asText("0");
        String indexes = summary == null ? "" : argument(summary, 1).asText("");
        Object closest = matched.equals("0") ? closest(errorsPerBranch, wrongType) : null;
        out.add(new SchemaViolation(field.isEmpty() ? "body" : field, compositeMessage(
                String.valueOf(composite.get(size - 1)), alternatives, matched, indexes, closest)));
        if (closest != null) {
            List<Item> closestErrors = new ArrayList<>();
            for (Item child : children) {
                if (closest.equals(child.path().get(size))) {
                    closestErrors.add(child);
                }
            }
            render(closestErrors, size + 1, root, prefix, out);
        }
    }

    /**
     * The alternative the sender most likely meant: of those the value is the right kind for (no {@code type}
     * error on the value itself), the one with strictly the fewest errors; {@code null} when that is a tie.
     */
    private static Object closest(Map<Object, Integer> errorsPerBranch, Set<Object> wrongType) {
        Object best = null;
        int bestScore = Integer.MAX_VALUE;
        boolean tie = false;
        for (Map.Entry<Object, Integer> branch : errorsPerBranch.entrySet()) {
            // A wrong kind ranks below any number of errors of the right kind.
            int score = (wrongType.contains(branch.getKey()) ? 1 << 20 : 0) + branch.getValue();
            if (score < bestScore) {
                best = branch.getKey();
                bestScore = score;
                tie = false;
            } else if (score == bestScore) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /**
     * E.g. {@code must match exactly one of: A, B (it matched none; closest: A)}.
     *
     * @param keyword      {@code oneOf} or {@code anyOf}
     * @param alternatives the keyword's schemas, for their names
     * @param matched      how many alternatives matched
     * @param indexes      which ones (0-based, comma-separated), when more than one did
     * @param closest      the index of the closest alternative, whose errors are reported too, or {@code null}
     */
    private static String compositeMessage(String keyword, JsonNode alternatives, String matched, String indexes,
                                           Object closest) {
        String start = (keyword.equals("anyOf") ? "must match at least one of: " : "must match exactly one of: ")
                + names(alternatives);
        if (matched.equals("0")) {
            return start + (closest instanceof Integer index
                    ? " (it matched none; closest: " + branchName(alternatives.path(index), index) + ")"
                    : " (it matched none)");
        }
        List<String> names = new ArrayList<>();
        for (String index : indexes.split(",\\s*")) {
            if (index.matches("\\d+")) {
                names.add(branchName(alternatives.path(Integer.parseInt(index)), Integer.parseInt(index)));
            }
        }
        return start + " (it matched " + matched + (names.isEmpty() ? "" : ": " + String.join(", ", names)) + ")";
    }

    private SchemaViolation discriminatorViolation(Error error, JsonNode alternatives, JsonNode owner, String prefix) {
        JsonNode discriminator = owner.path("discriminator");
        String property = discriminator.path("propertyName").asText("");
        List<String> values = new ArrayList<>();
        if (discriminator.path("mapping").isObject()) {
            JsonFields.of(discriminator.get("mapping")).forEach(entry -> values.add(entry.getKey()));
        } else {
            values.add(names(alternatives));
        }
        String field = field(prefix, error.getInstanceLocation(), Integer.MAX_VALUE);
        return new SchemaViolation(property.isEmpty() ? field : child(field, property),
                "must be one of " + String.join(", ", values) + " (was " + shown(argument(error, 0)) + ")");
    }

    private SchemaViolation plain(Error error, String prefix) {
        String field = field(prefix, error.getInstanceLocation(), Integer.MAX_VALUE);
        String keyword = String.valueOf(error.getKeyword());
        if (error.getProperty() != null && (keyword.equals("required") || keyword.equals("additionalProperties")
                || keyword.equals("unevaluatedProperties"))) {
            field = child(field, error.getProperty());
        }
        return new SchemaViolation(field.isEmpty() ? "body" : field, message(error, keyword));
    }

    private String message(Error error, String keyword) {
        JsonNode schema = error.getSchemaNode() == null ? MissingNode.getInstance() : error.getSchemaNode();
        JsonNode value = error.getInstanceNode() == null ? MissingNode.getInstance() : error.getInstanceNode();
        return switch (keyword) {
            case "type" -> value.isNull() ? "must not be null" : "must be " + typeText(schema) + " (was " + shown(value) + ")";
            case "enum" -> "must be one of " + enumText(schema) + " (was " + shown(value) + ")";
            case "const" -> "must be " + schema + " (was " + shown(value) + ")";
            case "required" -> "is required";
            case "additionalProperties" -> "is not a known property";
            case "unevaluatedProperties" -> "is not a property in the spec";
            case "format" -> formatMessage(schema.asText(), value);
            case "maxLength" -> "must be at most " + schema + " characters long (was " + length(value) + ")";
            case "minLength" -> "must be at least " + schema + " characters long (was " + length(value) + ")";
            case "pattern" -> "must match the pattern " + schema.asText() + " (was " + shown(value) + ")";
            case "minimum" -> "must be at least " + schema + " (was " + value + ")";
            case "maximum" -> "must be at most " + schema + " (was " + value + ")";
            case "exclusiveMinimum" -> "must be greater than " + schema + " (was " + value + ")";
            case "exclusiveMaximum" -> "must be less than " + schema + " (was " + value + ")";
            case "multipleOf" -> "must be a multiple of " + schema + " (was " + value + ")";
            case "minItems" -> "must have at least " + schema + " items (had " + value.size() + ")";
            case "maxItems" -> "must have at most " + schema + " items (had " + value.size() + ")";
            case "uniqueItems" -> "must not contain duplicate items";
            case "minProperties" -> "must have at least " + schema + " properties (had " + value.size() + ")";
            case "maxProperties" -> "must have at most " + schema + " properties (had " + value.size() + ")";
            case "not" -> "must not match " + nameOr(schema, "the schema in 'not'");
            case "oneOf" -> compositeMessage("oneOf", schema, argument(error, 0).asText("0"),
                    argument(error, 1).asText(""), null);
            case "false" -> "is not allowed";
            // A keyword OpenAPI 3.0 does not have. Not the library's message: that would load its resource
            // bundle, file I/O that has no place on an event loop.
            default -> "must satisfy " + keyword + ": " + schema + " (was " + shown(value) + ")";
        };
    }

    private static String formatMessage(String format, JsonNode value) {
        return switch (format) {
            case "uuid" -> "must be a UUID, e.g. f47ac10b-58cc-4372-a567-0e02b2c3d479 (was " + shown(value) + ")";
            case "date-time" -> SpecFormats.isDateTime(value.asText())
                    ? "must be in UTC, ending in Z (was " + shown(value) + ")"
                    : "must be an RFC 3339 date-time, e.g. 2023-11-07T05:31:56Z (was " + shown(value) + ")";
            case "date" -> "must be an RFC 3339 full-date, e.g. 2023-11-07 (was " + shown(value) + ")";
            case "int32" -> "must fit a 32-bit integer (was " + shown(value) + ")";
            case "int64" -> "must fit a 64-bit integer (was " + shown(value) + ")";
            default -> "must be a valid " + format + " (was " + shown(value) + ")";
        };
    }

    /** The node an evaluation path leads to from the root schema, following {@code $ref}s; missing when lost. */
    private JsonNode walk(String root, List<?> path) {
        JsonNode current = document.at(root);
        for (Object token : path) {
            if ("$ref".equals(token)) {
                String ref = current.path("$ref").asText("");
                current = ref.startsWith("#") ? document.at(ref.substring(1)) : MissingNode.getInstance();
            } else if (token instanceof Integer index) {
                current = current.path(index);
            } else {
                current = current.path(String.valueOf(token));
            }
            if (current.isMissingNode()) {
                return current;
            }
        }
        return current;
    }

    /** The first {@code oneOf}/{@code anyOf} followed by a branch index, at or after {@code from}; -1 if none. */
    private static int compositeAt(List<Object> path, int from) {
        for (int i = from; i + 1 < path.size(); i++) {
            if (isComposite(path, from, i) && path.get(i + 1) instanceof Integer) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isComposite(List<Object> path, int from, int i) {
        if (i < from || i < 0) {
            return false;
        }
        Object token = path.get(i);
        boolean keyword = "oneOf".equals(token) || "anyOf".equals(token);
        // A property named "oneOf" is preceded by "properties"; the keyword never is.
        return keyword && (i == 0 || !"properties".equals(path.get(i - 1)));
    }

    /**
     * How many instance path tokens an evaluation path has moved into the value: {@code properties/x},
     * {@code items}, {@code additionalProperties}, ... each step into a child.
     */
    private static int instanceDepth(List<?> path) {
        int depth = 0;
        for (int i = 0; i < path.size(); i++) {
            Object token = path.get(i);
            if (!(token instanceof String keyword)) {
                continue;
            }
            switch (keyword) {
                case "properties", "patternProperties", "prefixItems" -> {
                    depth++;
                    i++; // skip the property name (or index)
                }
                case "items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "contains" -> depth++;
                case "allOf", "oneOf", "anyOf", "dependentSchemas" -> i++; // skip the index (or name)
                default -> {
                    // $ref, if, then, else, not: same value
                }
            }
        }
        return depth;
    }

    private static List<Object> tokens(NodePath path) {
        List<Object> tokens = new ArrayList<>();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                tokens.add(path.getElement(i));
            }
        }
        return tokens;
    }

    /** A dotted field name from an instance location, cut after {@code depth} tokens. */
    private static String field(String prefix, NodePath location, int depth) {
        StringBuilder field = new StringBuilder(prefix);
        int count = location == null ? 0 : Math.min(depth, location.getNameCount());
        for (int i = 0; i < count; i++) {
            Object token = location.getElement(i);
            if (token instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(token);
            }
        }
        return field.toString();
    }

    private static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static JsonNode argument(Error error, int index) {
        Object[] arguments = error.getArguments();
        if (arguments == null || arguments.length <= index || arguments[index] == null) {
            return MissingNode.getInstance();
        }
        return TextNode.valueOf(String.valueOf(arguments[index]));
    }

    private static String names(JsonNode alternatives) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            names.add(branchName(alternatives.get(i), i));
        }
        return names.isEmpty() ? "its alternatives" : String.join(", ", names);
    }

    private static String branchName(JsonNode branch, int index) {
        return nameOr(branch, "alternative " + (index + 1));
    }

    /** A schema's name: the component it references, else its title, else {@code fallback}. */
    private static String nameOr(JsonNode schema, String fallback) {
        JsonNode named = schema.has("if") && schema.has("else") ? schema.get("else") : schema; // a nullable wrapper
        String ref = named.path("$ref").asText("");
        if (!ref.isEmpty()) {
            String token = ref.substring(ref.lastIndexOf('/') + 1);
            return token.replace("~1", "/").replace("~0", "~");
        }
        return named.path("title").isTextual() ? named.get("title").asText() : fallback;
    }

    private static String typeText(JsonNode type) {
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            return "one of the types " + String.join(", ", types);
        }
        String name = type.asText();
        boolean vowel = name.equals("object") || name.equals("array") || name.equals("integer");
        return (vowel ? "an " : "a ") + name;
    }

    private static String enumText(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.isNull() ? "null" : v.asText()));
        return String.join(", ", texts);
    }

    private static String length(JsonNode value) {
        String text = value.asText();
        return Integer.toString(text.codePointCount(0, text.length()));
    }

    /** Echoes a value in a message, short and without control characters (it came from a client). */
    static String shown(JsonNode value) {
        String text = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        if (text.length() > SHOWN_LIMIT) {
            text = text.substring(0, SHOWN_LIMIT - 3) + "...";
        }
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
