package ai.corti.client.core.streams;

/**
 * A message whose {@code type} this SDK does not know (the protocol grows): delivered as it came, never
 * treated as an error and never read as another type.
 *
 * @param type the {@code type} as sent
 * @param json the whole message, as JSON text
 */
public record UnknownMessage(String type, String json) implements StreamMessage, TranscribeMessage {
}
