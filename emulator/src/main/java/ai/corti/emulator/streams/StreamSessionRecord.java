package ai.corti.emulator.streams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the emulator saw of one WebSocket upgrade request and the session that followed, for assertions
 * ({@link StreamControls#sessions()}). The token is never kept: {@link #tokenLabel()} is a short digest that
 * tells two tokens apart without revealing either.
 *
 * @param endpoint                   {@code streams} or {@code transcribe}
 * @param tenant                     the {@code tenant-name} sent, or an empty string
 * @param interactionId              the interaction of a {@code /streams} session
 * @param tokenLabel                 the first 12 hex digits of the token's SHA-256, or an empty string without token
 * @param upgradeStatus              101 when the socket opened, else the HTTP status of the refusal
 * @param openedAt                   when the request arrived, by the emulator's clock
 * @param configuration              the {@code configuration} object received, as JSON text
 * @param configAnswer               the {@code CONFIG_*} type the emulator answered with
 * @param audioBytes                 audio bytes received after {@code CONFIG_ACCEPTED}
 * @param audioFrames                binary frames received after {@code CONFIG_ACCEPTED}
 * @param audioBytesBeforeAcceptance audio bytes that arrived before {@code CONFIG_ACCEPTED} (lost, as on the real API)
 * @param clientMessages             the {@code type} of each text message after the configuration, in order
 * @param messagesSent               messages the emulator sent
 * @param closedBy                   {@code open}, {@code client}, {@code server}, {@code dropped}, or {@code refused}
 *                                   for an upgrade that was refused
 * @param closeCode                  the close code sent or received, or -1
 */
public record StreamSessionRecord(String endpoint, String tenant, Optional<UUID> interactionId, String tokenLabel,
                                  int upgradeStatus, Instant openedAt, Optional<String> configuration,
                                  Optional<String> configAnswer, long audioBytes, int audioFrames,
                                  long audioBytesBeforeAcceptance, List<String> clientMessages, int messagesSent,
                                  String closedBy, int closeCode) {

    /**
     * Copies the list.
     *
     * @param endpoint                   {@code streams} or {@code transcribe}
     * @param tenant                     the {@code tenant-name} sent, or an empty string
     * @param interactionId              the interaction of a {@code /streams} session
     * @param tokenLabel                 a short digest of the token, or an empty string without token
     * @param upgradeStatus              101 when the socket opened, else the HTTP status of the refusal
     * @param openedAt                   when the request arrived, by the emulator's clock
     * @param configuration              the {@code configuration} object received, as JSON text
     * @param configAnswer               the {@code CONFIG_*} type the emulator answered with
     * @param audioBytes                 audio bytes received after {@code CONFIG_ACCEPTED}
     * @param audioFrames                binary frames received after {@code CONFIG_ACCEPTED}
     * @param audioBytesBeforeAcceptance audio bytes that arrived before {@code CONFIG_ACCEPTED}
     * @param clientMessages             the {@code type} of each text message after the configuration, in order
     * @param messagesSent               messages the emulator sent
     * @param closedBy                   {@code open}, {@code client}, {@code server}, {@code dropped}, or {@code refused}
     *                                   for an upgrade that was refused
     * @param closeCode                  the close code sent or received, or -1
     */
    public StreamSessionRecord {
        clientMessages = List.copyOf(clientMessages);
    }

    /**
     * Tells whether the socket opened.
     *
     * @return {@code true} for a 101 upgrade
     */
    public boolean upgraded() {
        return upgradeStatus == 101;
    }
}
