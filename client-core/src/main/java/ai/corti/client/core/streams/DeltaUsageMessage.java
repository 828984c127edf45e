package ai.corti.client.core.streams;

/**
 * A {@code delta_usage} message: credits used since the previous one, sent while the session runs.
 *
 * @param credits credits used since the previous {@code delta_usage}
 */
public record DeltaUsageMessage(double credits) implements StreamMessage, TranscribeMessage {

    @Override
    public String type() {
        return "delta_usage";
    }
}
