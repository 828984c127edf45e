package ai.corti.client.core.streams;

/**
 * The {@code usage} message the server sends before it ends the session: the credits it used.
 *
 * @param credits credits used by the session
 */
public record UsageMessage(double credits) implements StreamMessage, TranscribeMessage {

    @Override
    public String type() {
        return "usage";
    }
}
