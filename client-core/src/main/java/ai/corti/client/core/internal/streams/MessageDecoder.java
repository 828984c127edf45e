package ai.corti.client.core.internal.streams;

import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.streams.AudioEventMessage;
import ai.corti.client.core.streams.ConfigStatus;
import ai.corti.client.core.streams.ConfigStatusType;
import ai.corti.client.core.streams.DeltaUsageMessage;
import ai.corti.client.core.streams.ErrorMessage;
import ai.corti.client.core.streams.FlushedMessage;
import ai.corti.client.core.streams.MalformedMessage;
import ai.corti.client.core.streams.ServerMessage;
import ai.corti.client.core.streams.UnknownMessage;
import ai.corti.client.core.streams.UsageMessage;
import ai.corti.client.core.internal.json.JsonShape;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns one text frame into one message of an endpoint's hierarchy, strictly by {@code type}: the types both
 * endpoints share are decoded here, an endpoint decodes its own ({@link #decodeOwn}), anything else is an
 * {@link UnknownMessage}. Decoding never throws: a frame that is not a JSON object, has no string
 * {@code type}, or lacks a field its type requires becomes a {@link MalformedMessage} naming the problem.
 *
 * @param <M> the endpoint's message type
 */
abstract class MessageDecoder<M extends ServerMessage> {

    /** How much of a bad frame a {@link MalformedMessage} quotes. */
    static final int EXCERPT_CHARS = 200;

    private static final ObjectReader READER = CortiJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Decodes a frame.
     *
     * @param text the frame's text
     * @return the message; never {@code null}
     */
    final M decode(String text) {
        JsonNode node;
        try {
            JsonShape.check(text);
            node = READER.readTree(text);
        } catch (IOException e) {
            return malformed("", "not valid JSON", text);
        }
        if (node == null || !node.isObject()) {
            return malformed("", "not a JSON object", text);
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return malformed("", typeNode == null ? "type is required" : "type must be a string, was "
                    + JsonFields.kind(typeNode), text);
        }
        String type = typeNode.textValue();
        try {
            M own = decodeOwn(type, node);
            if (own != null) {
                return own;
            }
            return cast(shared(type, node, text));
        } catch (JsonFields.Problem problem) {
            return malformed(type, problem.getMessage(), text);
        } catch (RuntimeException bug) {
            // A decoder bug must not end a live session; it shows up as a malformed message instead.
            return malformed(type, "could not be decoded: " + bug.getClass().getSimpleName(), text);
        }
    }

    /**
     * Decodes the types only this endpoint has.
     *
     * @param type the message's type
     * @param node the message
     * @return the message, or {@code null} when the type is not one of the endpoint's own
     */
    abstract M decodeOwn(String type, JsonNode node);

    /** The common records implement both hierarchies, so this cast is always safe. */
    @SuppressWarnings("unchecked")
    private M cast(ServerMessage message) {
        return (M) message;
    }

    private M malformed(String type, String problem, String text) {
        return cast(new MalformedMessage(type, problem, JsonFields.excerpt(text, EXCERPT_CHARS)));
    }

    private static ServerMessage shared(String type, JsonNode node, String text) {
        if (type.startsWith("CONFIG_")) {
            Optional<String> configuration = Optional.ofNullable(node.get("configuration"))
                    .filter(JsonNode::isObject).map(JsonNode::toString);
            return new ConfigStatus(ConfigStatusType.of(type), type, JsonFields.optionalText(node, "reason", ""),
                    JsonFields.lenientText(node, "sessionId"), configuration);
        }
        return switch (type) {
            case "usage" -> new UsageMessage(JsonFields.number(node, "credits", ""));
            case "delta_usage" -> new DeltaUsageMessage(JsonFields.number(node, "credits", ""));
            case "flushed" -> new FlushedMessage();
            case "error" -> error(node);
            case "audioEvent" -> {
                JsonNode data = JsonFields.object(node, "data", "");
                yield new AudioEventMessage(JsonFields.text(data, "event", "data."),
                        JsonFields.integer(data, "channel", "data."), JsonFields.longInteger(data, "startTimeMs", "data."));
            }
            default -> new UnknownMessage(type, text);
        };
    }

    private static ErrorMessage error(JsonNode node) {
        JsonNode error = node.get("error");
        if (error == null || !error.isObject()) {
            throw new JsonFields.Problem(error == null ? "error is required" : "error must be an object, was "
                    + JsonFields.kind(error));
        }
        return new ErrorMessage(JsonFields.lenientText(error, "id"), JsonFields.lenientText(error, "title"),
                JsonFields.lenientInt(error, "status"), JsonFields.lenientText(error, "details"),
                JsonFields.lenientText(error, "doc"), JsonFields.lenientText(error, "requestid"));
    }
}
