package ai.corti.client.reactive;

import ai.corti.client.core.internal.interactions.InteractionStreams;
import ai.corti.client.core.internal.operations.InteractionsOperations;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsGetResponse;
import reactor.core.publisher.Mono;

/**
 * Interactions, reactive: the operations generated from the spec (create, get, list, update, delete, in every call
 * shape) and the stream URL helper. Invalid arguments throw {@link IllegalArgumentException} (naming the field)
 * when the method is called, before anything is sent; failures from the API arrive as {@code CortiApiException}
 * subclasses in the {@code Mono}.
 *
 * <p>PATCH semantics of {@code update}: a field you do not set is absent from the body and left untouched; a
 * nullable field you set to {@code null} is sent as {@code null} and cleared:
 * <pre>{@code
 * interactions.update(id, new InteractionsUpdateRequest()
 *         .encounter(new InteractionsEncounterUpdateRequest().title(null)))   // {"encounter":{"title":null}}
 *     .subscribe();
 * }</pre>
 */
public final class ReactiveInteractionsClient extends AbstractReactiveInteractionsClient {

    ReactiveInteractionsClient(InteractionsOperations operations) {
        super(operations);
    }

    /**
     * Returns the URL that opens an interaction's real-time stream, with a current token appended
     * ({@code ?token=Bearer%20<token>}). It carries a credential: do not log it.
     *
     * @param interaction the interaction
     * @return the stream URL, lazily
     * @throws IllegalArgumentException when the interaction's {@code websocketUrl} is not a {@code wss} URL on the
     *                                  configured API host ({@code ws} on loopback): the token is never attached
     */
    public Mono<String> websocketUrl(InteractionsGetResponse interaction) {
        return InteractionStreams.websocketUrl(operations().pipeline(), interaction.getWebsocketUrl());
    }

    /**
     * Returns the stream URL of a just-created interaction, with a current token appended. Do not log it.
     *
     * @param created the create response
     * @return the stream URL, lazily
     * @throws IllegalArgumentException when its {@code websocketUrl} is not on the configured API host
     */
    public Mono<String> websocketUrl(InteractionsCreateResponse created) {
        return InteractionStreams.websocketUrl(operations().pipeline(), created.getWebsocketUrl());
    }
}
