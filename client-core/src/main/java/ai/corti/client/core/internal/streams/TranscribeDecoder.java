package ai.corti.client.core.internal.streams;

import ai.corti.client.core.streams.CommandMessage;
import ai.corti.client.core.streams.DictationTranscript;
import ai.corti.client.core.streams.EndedMessage;
import ai.corti.client.core.streams.TranscribeMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes the {@code /transcribe} endpoint's own types: {@code transcript} (an object), {@code command} and {@code ended}. */
final class TranscribeDecoder extends MessageDecoder<TranscribeMessage> {

    static final String ENDED = "ended";

    @Override
    TranscribeMessage decodeOwn(String type, JsonNode node) {
        return switch (type) {
            case "transcript" -> {
                JsonNode data = JsonFields.object(node, "data", "");
                yield new DictationTranscript(JsonFields.text(data, "text", "data."),
                        JsonFields.text(data, "rawTranscriptText", "data."), JsonFields.number(data, "start", "data."),
                        JsonFields.number(data, "end", "data."), JsonFields.bool(data, "isFinal", "data."));
            }
            case "command" -> command(node);
            case ENDED -> new EndedMessage(ENDED);
            default -> null;
        };
    }

    private static CommandMessage command(JsonNode node) {
        JsonNode data = JsonFields.object(node, "data", "");
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode given = data.get("variables");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw new JsonFields.Problem("data.variables must be an object, was " + JsonFields.kind(given));
            }
            // fieldNames(), not properties(): the client runs on Jackson 2.13, which has no properties().
            given.fieldNames().forEachRemaining(name -> {
                JsonNode value = given.get(name);
                if (!value.isTextual()) {
                    throw new JsonFields.Problem("data.variables." + name + " must be a string, was "
                            + JsonFields.kind(value));
                }
                variables.put(name, value.textValue());
            });
        }
        return new CommandMessage(JsonFields.text(data, "id", "data."), variables,
                JsonFields.text(data, "rawTranscriptText", "data."), JsonFields.number(data, "start", "data."),
                JsonFields.number(data, "end", "data."));
    }
}
