package ai.corti.client.core.streams;

/**
 * An {@code audioEvent} message (with {@code audioEvents} enabled): something about the audio itself.
 *
 * @param event       e.g. {@code longSilenceDetected}, {@code speechQualityIssueDetected}
 * @param channel     the audio channel
 * @param startTimeMs when it started, in milliseconds from the start of the audio
 */
public record AudioEventMessage(String event, int channel, long startTimeMs) implements StreamMessage, TranscribeMessage {

    @Override
    public String type() {
        return "audioEvent";
    }
}
