package ai.corti.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The emulator's JSON reading and writing. It works on trees, never on the generated models, because a
 * PATCH must tell an absent field from an explicit {@code null}, and because it must see exactly what a
 * client sent, not what a model makes of it. Reading is strict: a duplicated key or trailing text is a 400,
 * not a silent "last one wins".
 */
final class EmulatorJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EmulatorJson() {
    }

    /**
     * Parses a request body.
     *
     * @throws InvalidRequest when it is empty or not JSON, with the parser's reason
     */
    static JsonNode parseBody(String body) {
        if (body.isBlank()) {
            throw new InvalidRequest("The request body is empty; a JSON object is required");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Writes a tree compactly. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }
}
