package ai.corti.client.core.streams;

import java.util.Objects;
import java.util.Optional;

/**
 * The server's answer to the configuration ({@code CONFIG_ACCEPTED} or a {@code CONFIG_*} failure). A session
 * opens only on {@link ConfigStatusType#ACCEPTED}; every other status fails the connect with a
 * {@link StreamConfigException}. After a reconnection the new acceptance also appears among the messages.
 *
 * @param status            the status
 * @param type              the {@code type} as sent, e.g. {@code CONFIG_ACCEPTED}
 * @param reason            why it was refused, when the server says
 * @param sessionId         the session id ({@code /transcribe} sends one on acceptance)
 * @param configurationJson the configuration as the server resolved it, as JSON text, when echoed
 */
public record ConfigStatus(ConfigStatusType status, String type, Optional<String> reason, Optional<String> sessionId,
                           Optional<String> configurationJson) implements StreamMessage, TranscribeMessage {

    /**
     * Checks that no component is null.
     *
     * @param status            the status
     * @param type              the {@code type} as sent, e.g. {@code CONFIG_ACCEPTED}
     * @param reason            why it was refused, when the server says
     * @param sessionId         the session id ({@code /transcribe} sends one on acceptance)
     * @param configurationJson the configuration as the server resolved it, as JSON text, when echoed
     */
    public ConfigStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(configurationJson, "configurationJson");
    }

    /**
     * Tells whether this is an acceptance.
     *
     * @return {@code true} for {@code CONFIG_ACCEPTED}
     */
    public boolean isAccepted() {
        return status == ConfigStatusType.ACCEPTED;
    }
}
