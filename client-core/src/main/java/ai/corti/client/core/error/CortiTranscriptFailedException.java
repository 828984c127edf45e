package ai.corti.client.core.error;

import java.util.UUID;

/**
 * A transcript being created asynchronously reached the status {@code failed}: Corti could not create it, and
 * advises to try again.
 */
public class CortiTranscriptFailedException extends CortiException {

    private static final long serialVersionUID = 1L;

    /** The transcript that failed. */
    private final UUID transcriptId;

    /**
     * Creates the exception.
     *
     * @param message      what failed
     * @param transcriptId the transcript
     */
    public CortiTranscriptFailedException(String message, UUID transcriptId) {
        super(message);
        this.transcriptId = transcriptId;
    }

    /**
     * Returns the transcript that failed.
     *
     * @return its id
     */
    public UUID transcriptId() {
        return transcriptId;
    }
}
