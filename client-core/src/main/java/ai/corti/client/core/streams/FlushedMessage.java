package ai.corti.client.core.streams;

/** The {@code flushed} message: the server has emitted everything it held when a {@code flush} arrived. */
public record FlushedMessage() implements StreamMessage, TranscribeMessage {

    @Override
    public String type() {
        return "flushed";
    }
}
