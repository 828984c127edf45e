package ai.corti.client.core.streams;

/**
 * A message that could not be decoded: not a JSON object, no {@code type}, or a known type without the fields
 * the protocol requires. Delivered in order so nothing is lost silently; the session goes on.
 *
 * @param type    the {@code type} when one could be read, else an empty string
 * @param problem what is wrong, naming the field
 * @param excerpt the start of the message as received (at most 200 characters)
 */
public record MalformedMessage(String type, String problem, String excerpt) implements StreamMessage, TranscribeMessage {
}
