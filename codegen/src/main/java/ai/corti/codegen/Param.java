package ai.corti.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One parameter of an operation as the generated code sees it: its Java name and type, where it goes on the wire,
 * and what may be checked before sending. Templates read the public fields.
 */
public final class Param {

    /** The Java identifier, e.g. {@code recordingId}. */
    public final String name;
    /** The name on the wire, e.g. {@code recordingId} or {@code X-Corti-Retention-Policy}. */
    public final String wireName;
    /** The Java type, e.g. {@code UUID}, {@code List<InteractionsEncounterStatusEnum>}. */
    public final String type;
    /** The element type of a list, or {@code null}. */
    public final String itemType;
    /** Whether the spec requires it. */
    public final boolean required;
    /** Whether it is a UUID (a {@code String} overload parses and checks it). */
    public final boolean uuid;
    /** Whether it (or its items) is a generated enum, which has an {@code UNKNOWN_DEFAULT_OPEN_API} marker. */
    public final boolean enumType;
    /** Whether it is text. */
    public final boolean string;
    /** Whether it is a whole number. */
    public final boolean integer;
    /** Whether it is a list (sent as repeated keys). */
    public final boolean list;
    /** Allowed values of an inline string enum (a header), or empty. */
    public final List<String> allowedValues;
    /** The smallest value allowed, or {@code null}. */
    public final Long minimum;
    /** The spec's default, as Java source, or {@code null}. */
    public final String defaultValue;
    /** One line of Javadoc. */
    public final String doc;

    Param(String name, String wireName, String type, String itemType, boolean required, boolean uuid, boolean enumType,
          boolean string, boolean integer, boolean list, List<String> allowedValues, Long minimum, String defaultValue,
          String doc) {
        this.name = name;
        this.wireName = wireName;
        this.type = type;
        this.itemType = itemType;
        this.required = required;
        this.uuid = uuid;
        this.enumType = enumType;
        this.string = string;
        this.integer = integer;
        this.list = list;
        this.allowedValues = List.copyOf(allowedValues);
        this.minimum = minimum;
        this.defaultValue = defaultValue;
        this.doc = doc.isBlank() ? "the " + wireName : doc;
    }

    /** Whether the type is a Java primitive wrapper that the builder takes as a primitive. */
    String primitive() {
        return switch (type) {
            case "Long" -> "long";
            case "Integer" -> "int";
            case "Boolean" -> "boolean";
            case "Double" -> "double";
            default -> type;
        };
    }

    /** Whether the builder takes the primitive form. */
    public boolean isPrimitive() {
        return !primitive().equals(type);
    }

    /** The builder's parameter type. */
    public String builderType() {
        return list ? itemType + "..." : primitive();
    }

    /**
     * The statements of this parameter's builder setter: check the value (naming the parameter), then keep it.
     *
     * @return the statements
     */
    public List<String> setter() {
        List<String> out = new ArrayList<>();
        if (list) {
            out.add("Objects.requireNonNull(" + name + ", \"" + name + " must not be null\");");
            out.add("for (" + itemType + " value : " + name + ") {");
            out.add("    Objects.requireNonNull(value, \"" + name + " must not be null\");");
            if (enumType) {
                out.add("    if (value == " + itemType + ".UNKNOWN_DEFAULT_OPEN_API) {");
                out.add("        throw new IllegalArgumentException(\"" + name
                        + " must be one of the spec's values, not \" + value.name());");
                out.add("    }");
            } else if ("String".equals(itemType)) {
                out.add("    if (value.isBlank()) {");
                out.add("        throw new IllegalArgumentException(\"" + name + " must not be blank\");");
                out.add("    }");
            }
            out.add("    this." + name + ".add(value);");
            out.add("}");
            return out;
        }
        if (!isPrimitive()) {
            out.add("Objects.requireNonNull(" + name + ", \"" + name + " must not be null\");");
        }
        if (enumType) {
            out.add("if (" + name + " == " + type + ".UNKNOWN_DEFAULT_OPEN_API) {");
            out.add("    throw new IllegalArgumentException(\"" + name + " must be one of the spec's values, not \" + "
                    + name + ".name());");
            out.add("}");
        }
        if (string) {
            out.add("if (" + name + ".isBlank()) {");
            out.add("    throw new IllegalArgumentException(\"" + name + " must not be blank\");");
            out.add("}");
        }
        if (string && !allowedValues.isEmpty()) {
            out.add("if (!List.of(" + allowedValues.stream().map(v -> "\"" + Javadoc.literal(v) + "\"")
                    .collect(Collectors.joining(", ")) + ").contains(" + name + ")) {");
            out.add("    throw new IllegalArgumentException(\"" + name + " must be one of " + allowedValues + "\");");
            out.add("}");
        }
        if (integer && minimum != null) {
            out.add("if (" + name + " < " + minimum + ") {");
            out.add("    throw new IllegalArgumentException(\"" + name + (minimum == 1 ? " must be greater than 0"
                    : " must be at least " + minimum) + ", was \" + " + name + ");");
            out.add("}");
        }
        out.add("this." + name + " = " + name + ";");
        return out;
    }

    /** The Java expression of one value's text on the wire. */
    String wire(String variable, String valueType) {
        if (enumType) {
            return variable + ".getValue()";
        }
        return "String".equals(valueType) ? variable : "String.valueOf(" + variable + ")";
    }
}
