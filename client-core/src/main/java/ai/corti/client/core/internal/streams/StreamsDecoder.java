package ai.corti.client.core.internal.streams;

import ai.corti.client.core.streams.EndedMessage;
import ai.corti.client.core.streams.Fact;
import ai.corti.client.core.streams.FactsMessage;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamTranscript;
import ai.corti.client.core.streams.TranscriptSegment;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Decodes the {@code /streams} endpoint's own types: {@code transcript} (an array), {@code facts} and {@code ENDED}. */
final class StreamsDecoder extends MessageDecoder<StreamMessage> {

    static final String ENDED = "ENDED";

    @Override
    StreamMessage decodeOwn(String type, JsonNode node) {
        return switch (type) {
            case "transcript" -> transcript(node);
            case "facts" -> facts(node);
            case ENDED -> new EndedMessage(ENDED);
            default -> null;
        };
    }

    private static StreamTranscript transcript(JsonNode node) {
        JsonNode data = JsonFields.nonEmptyArray(node, "data", "");
        List<TranscriptSegment> segments = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            String path = "data[" + i + "].";
            JsonNode item = data.get(i);
            if (!item.isObject()) {
                throw new JsonFields.Problem("data[" + i + "] must be an object, was " + JsonFields.kind(item));
            }
            JsonNode participant = JsonFields.object(item, "participant", path);
            JsonNode time = JsonFields.object(item, "time", path);
            segments.add(new TranscriptSegment(JsonFields.text(item, "id", path), JsonFields.text(item, "transcript", path),
                    JsonFields.bool(item, "final", path), JsonFields.integer(item, "speakerId", path),
                    JsonFields.integer(participant, "channel", path + "participant."),
                    JsonFields.number(time, "start", path + "time."), JsonFields.number(time, "end", path + "time.")));
        }
        return new StreamTranscript(segments);
    }

    private static FactsMessage facts(JsonNode node) {
        JsonNode array = JsonFields.nonEmptyArray(node, "fact", "");
        List<Fact> facts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = "fact[" + i + "].";
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw new JsonFields.Problem("fact[" + i + "] must be an object, was " + JsonFields.kind(item));
            }
            facts.add(new Fact(JsonFields.text(item, "id", path), JsonFields.text(item, "text", path),
                    JsonFields.text(item, "group", path), JsonFields.text(item, "groupId", path),
                    JsonFields.bool(item, "isDiscarded", path), JsonFields.text(item, "source", path),
                    JsonFields.instant(item, "createdAt", path), JsonFields.optionalInstant(item, "updatedAt", path)));
        }
        return new FactsMessage(facts);
    }
}
