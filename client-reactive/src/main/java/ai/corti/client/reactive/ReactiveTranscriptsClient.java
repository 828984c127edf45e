package ai.corti.client.reactive;

import ai.corti.client.core.internal.operations.TranscriptsOperations;

/**
 * Transcripts, reactive: the operations generated from the spec and the wait for an asynchronous transcript.
 * Invalid arguments throw {@link IllegalArgumentException} (naming the field) when the method is called, before
 * anything is sent.
 */
public final class ReactiveTranscriptsClient extends AbstractReactiveTranscriptsClient {

    ReactiveTranscriptsClient(TranscriptsOperations operations) {
        super(operations);
    }
}
