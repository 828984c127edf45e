package ai.corti.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The name/value pairs of a JSON object, in order. {@code JsonNode.properties()} would do, but it needs
 * Jackson 2.15, and {@code fields()} is deprecated from 2.20; {@code fieldNames()} is neither, so the
 * emulator runs on the same Jackson range as the client (2.13 and newer).
 */
final class JsonFields {

    private JsonFields() {
    }

    /**
     * Lists an object's fields; a copy, so the node may change while the caller walks them.
     *
     * @param node an object node (any other node has no fields)
     * @return its fields in document order
     */
    static List<Map.Entry<String, JsonNode>> of(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(name -> fields.add(Map.entry(name, node.get(name))));
        return fields;
    }
}
