package ai.corti.client.blocking;

import ai.corti.client.core.internal.operations.TranscriptsOperations;

/**
 * Transcripts, blocking: the operations generated from the spec and the wait for an asynchronous transcript.
 * Invalid arguments throw {@link IllegalArgumentException} (naming the field) before anything is sent.
 */
public final class TranscriptsClient extends AbstractTranscriptsClient {

    TranscriptsClient(TranscriptsOperations operations) {
        super(operations);
    }
}
