package ai.corti.client.blocking;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.internal.Blocking;
import ai.corti.client.core.internal.operations.TranscriptsOperations;
import ai.corti.client.core.internal.transcripts.TranscriptWaits;
import ai.corti.client.model.TranscriptsCreateRequest;
import ai.corti.client.model.TranscriptsResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Transcripts, blocking: the operations generated from the spec, and the wait for a transcript created
 * asynchronously. Invalid arguments throw {@link IllegalArgumentException} (naming the field) before anything is
 * sent.
 *
 * <pre>{@code
 * TranscriptsResponse transcript = transcripts.createAndWait(interactionId, new TranscriptsCreateRequest()
 *         .recordingId(recordingId).primaryLanguage("en"), Duration.ofMinutes(5));
 * }</pre>
 */
public final class TranscriptsClient extends AbstractTranscriptsClient {

    TranscriptsClient(TranscriptsOperations operations) {
        super(operations);
    }

    /**
     * Creates a transcript asynchronously and waits for it: the server answers at once, then
     * {@code transcripts_get_status} is polled (0.5 s, 1 s, 2 s, 4 s, then every 5 s) until the transcript is
     * {@code completed}, which is then read whole. The request is sent with {@code async: true}; your object is not
     * changed.
     *
     * @param interactionId the interaction, whose recording is transcribed
     * @param request       the transcript to create ({@code recordingId}, {@code primaryLanguage}, ...)
     * @param timeout       the budget of the whole wait, creation included
     * @return the finished transcript
     * @throws IllegalArgumentException when an argument is invalid; nothing is sent
     * @throws ai.corti.client.core.error.CortiTranscriptFailedException when the transcript failed
     * @throws ai.corti.client.core.error.CortiTimeoutException when the budget ran out first
     */
    public TranscriptsResponse createAndWait(UUID interactionId, TranscriptsCreateRequest request, Duration timeout) {
        return Blocking.await(TranscriptWaits.createAndWait(operations(), interactionId, request, timeout,
                RequestOptions.DEFAULT));
    }

    /**
     * Waits for a transcript being created asynchronously, polling {@code transcripts_get_status} with backoff,
     * then reads it whole.
     *
     * @param interactionId the interaction
     * @param transcriptId  the transcript
     * @param timeout       the budget of the whole wait
     * @return the finished transcript
     * @throws IllegalArgumentException when an argument is invalid; nothing is sent
     * @throws ai.corti.client.core.error.CortiTranscriptFailedException when the transcript failed
     * @throws ai.corti.client.core.error.CortiTimeoutException when the budget ran out first
     */
    public TranscriptsResponse waitFor(UUID interactionId, UUID transcriptId, Duration timeout) {
        return Blocking.await(TranscriptWaits.waitFor(operations(), interactionId, transcriptId, timeout,
                RequestOptions.DEFAULT));
    }
}
