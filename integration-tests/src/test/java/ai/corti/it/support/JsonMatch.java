package ai.corti.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares the JSON a server answered with the JSON of what the SDK decoded from it (the decoded model written
 * back by the SDK's own mapper): every field the answer holds must come back with the same value, and the model
 * must not hold values the answer did not. Equal means the same JSON value, except that numbers compare by value
 * ({@code 1.50} is {@code 1.5}) and two date-times by instant ({@code +00:00} is {@code Z}), the two ways a
 * faithful decoder may legitimately re-spell a value. A field that is {@code null} on one side and absent on the
 * other is equal.
 */
public final class JsonMatch {

    private JsonMatch() {
    }

    /**
     * Lists the differences.
     *
     * @param answered what the server sent
     * @param decoded  the decoded model, as JSON
     * @return one line per difference ({@code path: answered X, decoded Y}); empty when they match
     */
    public static List<String> differences(JsonNode answered, JsonNode decoded) {
        List<String> out = new ArrayList<>();
        compare(answered, decoded, "$", out);
        return out;
    }

    private static void compare(JsonNode answered, JsonNode decoded, String path, List<String> out) {
        boolean answeredNull = answered == null || answered.isNull() || answered.isMissingNode();
        boolean decodedNull = decoded == null || decoded.isNull() || decoded.isMissingNode();
        if (answeredNull || decodedNull) {
            if (answeredNull != decodedNull) {
                out.add(path + ": answered " + answered + ", decoded " + decoded);
            }
            return;
        }
        if (answered.isObject() && decoded.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = answered.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(field.getValue(), decoded.get(field.getKey()), path + "." + field.getKey(), out);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = decoded.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!answered.has(field.getKey()) && !field.getValue().isNull()) {
                    out.add(path + "." + field.getKey() + ": not answered, decoded " + field.getValue());
                }
            }
        } else if (answered.isArray() && decoded.isArray()) {
            if (answered.size() != decoded.size()) {
                out.add(path + ": answered " + answered.size() + " items, decoded " + decoded.size());
                return;
            }
            for (int i = 0; i < answered.size(); i++) {
                compare(answered.get(i), decoded.get(i), path + "[" + i + "]", out);
            }
        } else if (!sameScalar(answered, decoded)) {
            out.add(path + ": answered " + answered + ", decoded " + decoded);
        }
    }

    private static boolean sameScalar(JsonNode answered, JsonNode decoded) {
        if (answered.isNumber() && decoded.isNumber()) {
            return answered.decimalValue().compareTo(decoded.decimalValue()) == 0;
        }
        if (answered.isTextual() && decoded.isTextual() && !answered.asText().equals(decoded.asText())) {
            return sameInstant(answered.asText(), decoded.asText());
        }
        return answered.equals(decoded);
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
