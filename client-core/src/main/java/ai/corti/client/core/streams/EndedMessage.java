package ai.corti.client.core.streams;

/**
 * The last message of a session: {@code ENDED} on {@code /streams}, {@code ended} on {@code /transcribe}.
 * The server closes the socket after it, and the SDK never reconnects.
 *
 * @param type {@code ENDED} or {@code ended}
 */
public record EndedMessage(String type) implements StreamMessage, TranscribeMessage {
}
