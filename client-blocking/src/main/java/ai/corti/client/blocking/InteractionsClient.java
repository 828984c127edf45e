package ai.corti.client.blocking;

import ai.corti.client.core.internal.Blocking;
import ai.corti.client.core.internal.interactions.InteractionStreams;
import ai.corti.client.core.internal.operations.InteractionsOperations;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsGetResponse;

/**
 * Interactions, blocking: the operations generated from the spec (create, get, list, update, delete, in every call
 * shape) and the stream URL helper. Every method validates its arguments before sending anything and throws
 * {@link IllegalArgumentException} naming the field; failures from the API are {@code CortiApiException}
 * subclasses ({@code NotFoundException}, {@code BadRequestException}, ...).
 *
 * <p>PATCH semantics of {@code update}: a field you do not set is absent from the body and left untouched; a
 * nullable field you set to {@code null} is sent as {@code null} and cleared:
 * <pre>{@code
 * // change the title, leave everything else as it is
 * interactions.update(id, new InteractionsUpdateRequest()
 *         .encounter(new InteractionsEncounterUpdateRequest().title("Follow-up")));
 * // clear the title: sends {"encounter":{"title":null}}
 * interactions.update(id, new InteractionsUpdateRequest()
 *         .encounter(new InteractionsEncounterUpdateRequest().title(null)));
 * }</pre>
 */
public final class InteractionsClient extends AbstractInteractionsClient {

    InteractionsClient(InteractionsOperations operations) {
        super(operations);
    }

    /**
     * Returns the URL that opens an interaction's real-time stream, with a current token appended
     * ({@code ?token=Bearer%20<token>}). It carries a credential: do not log it.
     *
     * @param interaction the interaction
     * @return the stream URL
     * @throws IllegalArgumentException when the interaction's {@code websocketUrl} is not a {@code wss} URL on the
     *                                  configured API host ({@code ws} on loopback): the token is never attached
     */
    public String websocketUrl(InteractionsGetResponse interaction) {
        return Blocking.await(InteractionStreams.websocketUrl(operations().pipeline(), interaction.getWebsocketUrl()));
    }

    /**
     * Returns the stream URL of a just-created interaction, with a current token appended. Do not log it.
     *
     * @param created the create response
     * @return the stream URL
     * @throws IllegalArgumentException when its {@code websocketUrl} is not on the configured API host
     */
    public String websocketUrl(InteractionsCreateResponse created) {
        return Blocking.await(InteractionStreams.websocketUrl(operations().pipeline(), created.getWebsocketUrl()));
    }
}
