package ai.corti.client.core.streams;

/** Who speaks on an audio channel of a {@code /streams} session. */
public enum ParticipantRole {
    /** The clinician. */
    DOCTOR("doctor"),
    /** The patient. */
    PATIENT("patient"),
    /** Several speakers share the channel (one microphone in the room). */
    MULTIPLE("multiple");

    private final String wireValue;

    ParticipantRole(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the value sent on the wire.
     *
     * @return e.g. {@code doctor}
     */
    public String wireValue() {
        return wireValue;
    }
}
