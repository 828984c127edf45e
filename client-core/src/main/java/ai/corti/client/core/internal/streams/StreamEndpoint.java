package ai.corti.client.core.internal.streams;

import ai.corti.client.core.streams.ServerMessage;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.TranscribeMessage;
import java.util.Objects;
import java.util.UUID;

/**
 * One of the two real-time endpoints: its path under the real-time base address, its decoder and its
 * {@code ENDED}/{@code ended} type.
 *
 * @param <M> the endpoint's message type
 */
public final class StreamEndpoint<M extends ServerMessage> {

    private final String name;
    private final String path;
    private final MessageDecoder<M> decoder;
    private final String endedType;

    private StreamEndpoint(String name, String path, MessageDecoder<M> decoder, String endedType) {
        this.name = name;
        this.path = path;
        this.decoder = decoder;
        this.endedType = endedType;
    }

    /**
     * The {@code /streams} endpoint of an interaction.
     *
     * @param interactionId the interaction
     * @return the endpoint
     */
    public static StreamEndpoint<StreamMessage> streams(UUID interactionId) {
        Objects.requireNonNull(interactionId, "interactionId");
        return new StreamEndpoint<>("streams", "/interactions/" + interactionId + "/streams", new StreamsDecoder(),
                StreamsDecoder.ENDED);
    }

    /**
     * The {@code /transcribe} endpoint.
     *
     * @return the endpoint
     */
    public static StreamEndpoint<TranscribeMessage> transcribe() {
        return new StreamEndpoint<>("transcribe", "/transcribe", new TranscribeDecoder(), TranscribeDecoder.ENDED);
    }

    /**
     * Returns the endpoint's short name.
     *
     * @return {@code streams} or {@code transcribe}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the path appended to the real-time base address.
     *
     * @return e.g. {@code /transcribe}
     */
    public String path() {
        return path;
    }

    /**
     * Returns the {@code type} of the endpoint's last message.
     *
     * @return {@code ENDED} or {@code ended}
     */
    public String endedType() {
        return endedType;
    }

    /**
     * Decodes one text frame.
     *
     * @param text the frame's text
     * @return the message, never {@code null}
     */
    public M decode(String text) {
        return decoder.decode(text);
    }

    @Override
    public String toString() {
        return name + " " + path;
    }
}
