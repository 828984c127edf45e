package ai.corti.client.core.streams;

import java.util.Objects;

/**
 * A speaker of a {@code /streams} session and the audio channel they are on.
 *
 * @param channel the audio channel, from 0
 * @param role    who speaks on it
 */
public record Participant(int channel, ParticipantRole role) {

    /**
     * Validates the participant.
     *
     * @param channel the audio channel, from 0
     * @param role    who speaks on it
     * @throws IllegalArgumentException when the channel is negative
     */
    public Participant {
        Objects.requireNonNull(role, "role");
        if (channel < 0) {
            throw new IllegalArgumentException("participant channel must be 0 or more, was " + channel);
        }
    }
}
