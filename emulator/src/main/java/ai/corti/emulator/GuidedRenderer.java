package ai.corti.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a guided section's output schema from the context placed in it, deterministically, and renders it as text
 * the way the schema's format strings say ({@code itemFormat}, {@code fieldFormat}, with the spec's defaults):
 * <ul>
 *   <li>{@code string}: the sentences, space-separated; with an {@code enum}, the first value the context
 *       mentions;</li>
 *   <li>{@code number}: the first number in the context, if within {@code minimum}/{@code maximum};</li>
 *   <li>{@code boolean}: whether anything was found;</li>
 *   <li>{@code array}: one item per sentence, at most {@code maxItems};</li>
 *   <li>{@code object}: each field filled from the sentences that mention its key or description.</li>
 * </ul>
 * Where nothing is found the node's {@code default} is used, else the value is {@code null} (and renders empty).
 * Nodes nested deeper than {@link #MAX_DEPTH} (a request may nest arrays and objects at will) render as {@code null}.
 */
final class GuidedRenderer {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    /** Deeper than any sensible output schema; stops a hostile one from exhausting the stack. */
    static final int MAX_DEPTH = 16;

    /**
     * A filled node.
     *
     * @param value the structured value
     * @param text  the rendered text
     */
    record Rendered(JsonNode value, String text) {
    }

    private final String itemFormat;
    private final String fieldFormat;

    /**
     * Creates a renderer.
     *
     * @param itemFormat  the default {@code itemFormat} of array nodes
     * @param fieldFormat the default {@code fieldFormat} of object nodes
     */
    GuidedRenderer(String itemFormat, String fieldFormat) {
        this.itemFormat = itemFormat;
        this.fieldFormat = fieldFormat;
    }

    /**
     * Fills a node.
     *
     * @param schema the output schema node
     * @param items  the context placed in the section
     * @return the value and its text
     */
    Rendered render(JsonNode schema, List<ContextItem> items) {
        return render(schema, items, 0);
    }

    private Rendered render(JsonNode schema, List<ContextItem> items, int depth) {
        if (depth > MAX_DEPTH) {
            return new Rendered(NullNode.getInstance(), "");
        }
        JsonNode fallback = schema.has("default") ? schema.get("default") : NullNode.getInstance();
        return switch (schema.path("type").asText()) {
            case "number" -> number(schema, items, fallback);
            case "boolean" -> {
                JsonNode value = items.isEmpty() ? fallback : BooleanNode.TRUE;
                yield new Rendered(value, value.isNull() ? "" : value.asBoolean() ? "Yes" : "No");
            }
            case "array" -> array(schema, items, depth);
            case "object" -> object(schema, items, depth);
            default -> string(schema, items, fallback);
        };
    }

    private static Rendered string(JsonNode schema, List<ContextItem> items, JsonNode fallback) {
        JsonNode value = fallback;
        if (schema.has("enum")) {
            for (JsonNode option : schema.get("enum")) {
                String wanted = option.asText().toLowerCase(Locale.ROOT);
                if (items.stream().anyMatch(item -> item.lower().contains(wanted))) {
                    value = option;
                    break;
                }
            }
        } else if (!items.isEmpty()) {
            List<String> sentences = new ArrayList<>();
            items.forEach(item -> sentences.add(item.asSentence()));
            value = TextNode.valueOf(String.join(" ", sentences));
        }
        return new Rendered(value, value.isNull() ? "" : value.asText());
    }

    private static Rendered number(JsonNode schema, List<ContextItem> items, JsonNode fallback) {
        for (ContextItem item : items) {
            Matcher number = NUMBER.matcher(item.text());
            if (number.find()) {
                BigDecimal found = new BigDecimal(number.group());
                boolean inRange = (!schema.path("minimum").isNumber()
                        || found.compareTo(schema.get("minimum").decimalValue()) >= 0)
                        && (!schema.path("maximum").isNumber()
                        || found.compareTo(schema.get("maximum").decimalValue()) <= 0);
                if (inRange) {
                    return new Rendered(DecimalNode.valueOf(found), found.toPlainString());
                }
                break;
            }
        }
        return new Rendered(fallback, fallback.isNull() ? "" : fallback.asText());
    }

    private Rendered array(JsonNode schema, List<ContextItem> items, int depth) {
        JsonNode itemSchema = schema.path("items");
        long max = schema.path("maxItems").isNumber() ? schema.get("maxItems").asLong() : Long.MAX_VALUE;
        String format = schema.path("itemFormat").asText(itemFormat);
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        StringBuilder text = new StringBuilder();
        for (ContextItem item : items) {
            if (values.size() >= max) {
                break;
            }
            Rendered one = render(itemSchema, List.of(item), depth + 1);
            if (one.value().isNull()) {
                continue;
            }
            values.add(one.value());
            text.append(format.replace("{item}", one.text()));
        }
        return new Rendered(values, text.toString().stripTrailing());
    }

    private Rendered object(JsonNode schema, List<ContextItem> items, int depth) {
        String format = schema.path("fieldFormat").asText(fieldFormat);
        boolean subheadings = format.contains("{key}") && format.contains("{value}");
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        StringBuilder text = new StringBuilder();
        String composed = format;
        for (JsonNode field : schema.path("fields")) {
            String key = field.path("key").asText();
            List<String> cues = GuidedDefinitions.stems(key.replaceAll("([a-z])([A-Z])", "$1 $2") + " "
                    + field.path("description").asText());
            List<ContextItem> relevant = items.stream()
                    .filter(item -> cues.stream().anyMatch(cue -> item.lower().contains(cue))).toList();
            Rendered one = render(field.path("value"), relevant, depth + 1);
            JsonNode value = one.value();
            String shown = one.text();
            if (value.isNull() && field.hasNonNull("default")) {
                value = field.get("default");
                shown = value.asText();
            }
            values.set(key, value);
            if (subheadings) {
                if (!shown.isEmpty()) {
                    text.append(format.replace("{key}", key).replace("{value}", shown));
                }
            } else {
                composed = composed.replace("{" + key + "}", shown);
            }
        }
        return new Rendered(values, (subheadings ? text.toString() : composed).stripTrailing());
    }
}
