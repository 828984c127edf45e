package ai.corti.examples;

import ai.corti.client.model.CommonTranscriptResponse;
import java.util.List;
import java.util.UUID;

/**
 * The one consultation the lifecycle steps build up, step after step: its interaction, the recording uploaded to
 * it, the words transcribed from it, and the classic document written from them. Empty until the steps that
 * create them have run (read-only against the real API they never do).
 */
final class Consultation {

    private UUID interactionId;
    private UUID recordingId;
    private List<CommonTranscriptResponse> utterances = List.of();
    private UUID documentId;

    /**
     * Returns whether the consultation's interaction exists (was created and not yet deleted).
     *
     * @return whether the steps that work on it can run
     */
    boolean exists() {
        return interactionId != null;
    }

    UUID interactionId() {
        return interactionId;
    }

    void interactionId(UUID id) {
        this.interactionId = id;
    }

    UUID recordingId() {
        return recordingId;
    }

    void recordingId(UUID id) {
        this.recordingId = id;
    }

    List<CommonTranscriptResponse> utterances() {
        return utterances;
    }

    void utterances(List<CommonTranscriptResponse> words) {
        this.utterances = List.copyOf(words);
    }

    UUID documentId() {
        return documentId;
    }

    void documentId(UUID id) {
        this.documentId = id;
    }

    /**
     * Returns the transcript as one text: what the coding step reads.
     *
     * @return the utterances' texts, space-separated
     */
    String transcriptText() {
        return String.join(" ", utterances.stream().map(CommonTranscriptResponse::getText).toList());
    }
}
