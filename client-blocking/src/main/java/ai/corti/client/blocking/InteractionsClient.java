package ai.corti.client.blocking;

import ai.corti.client.core.internal.Blocking;
import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.internal.interactions.InteractionsOperations;
import ai.corti.client.core.internal.interactions.InteractionsValidator;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.paging.PagedIterable;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsUpdateRequest;
import java.util.UUID;

/**
 * Interactions, blocking: create, get, list and update. Every method validates its arguments before
 * sending anything and throws {@link IllegalArgumentException} naming the field; failures from the API
 * are {@code CortiApiException} subclasses ({@code NotFoundException}, {@code BadRequestException}, ...).
 *
 * <p>PATCH semantics of {@link #update(UUID, InteractionsUpdateRequest)}: a field you do not set is absent
 * from the body and left untouched; a nullable field you set to {@code null} is sent as {@code null} and
 * cleared:
 * <pre>{@code
 * // change the title, leave everything else as it is
 * interactions.update(id, new InteractionsUpdateRequest()
 *         .encounter(new InteractionsEncounterUpdateRequest().title("Follow-up")));
 * // clear the title: sends {"encounter":{"title":null}}
 * interactions.update(id, new InteractionsUpdateRequest()
 *         .encounter(new InteractionsEncounterUpdateRequest().title(null)));
 * }</pre>
 */
public final class InteractionsClient {

    private final InteractionsOperations operations;
    private final RawInteractionsClient raw;

    InteractionsClient(InteractionsOperations operations) {
        this.operations = operations;
        this.raw = new RawInteractionsClient(operations);
    }

    /**
     * Returns the same operations, answering with the HTTP status and headers besides the value.
     *
     * @return the raw-response view
     */
    public RawInteractionsClient withRawResponse() {
        return raw;
    }

    /**
     * Creates an interaction. Not retried after it may have reached the server, so it never creates duplicates.
     *
     * @param request the interaction: {@code encounter} with {@code identifier}, {@code status}, {@code type}
     * @return its id and stream URL
     */
    public InteractionsCreateResponse create(InteractionsCreateRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    /**
     * Creates an interaction, with per-call options.
     *
     * @param request the interaction
     * @param options timeout, retries, extra headers for this call
     * @return its id and stream URL
     */
    public InteractionsCreateResponse create(InteractionsCreateRequest request, RequestOptions options) {
        return raw.create(request, options).value();
    }

    /**
     * Gets an interaction.
     *
     * @param id the interaction id
     * @return the interaction
     */
    public InteractionsGetResponse get(UUID id) {
        return get(id, RequestOptions.DEFAULT);
    }

    /**
     * Gets an interaction by an id given as text, validated as a UUID before anything is sent.
     *
     * @param id the interaction id
     * @return the interaction
     * @throws IllegalArgumentException when {@code id} is not a UUID
     */
    public InteractionsGetResponse get(String id) {
        return get(InteractionsValidator.parseId(id), RequestOptions.DEFAULT);
    }

    /**
     * Gets an interaction, with per-call options.
     *
     * @param id      the interaction id
     * @param options timeout, retries, extra headers for this call
     * @return the interaction
     */
    public InteractionsGetResponse get(UUID id, RequestOptions options) {
        return raw.get(id, options).value();
    }

    /**
     * Lists every interaction, page by page as iteration reaches them.
     *
     * @return the listing
     */
    public PagedIterable<InteractionsGetResponse> list() {
        return list(ListInteractionsRequest.all());
    }

    /**
     * Lists interactions, page by page as iteration reaches them.
     *
     * <pre>{@code
     * for (InteractionsGetResponse interaction : interactions.list(request)) { ... }
     * interactions.list(request).stream().limit(20).forEach(...);
     * }</pre>
     *
     * @param request filters, sort, page size and first page
     * @return the listing
     */
    public PagedIterable<InteractionsGetResponse> list(ListInteractionsRequest request) {
        return list(request, RequestOptions.DEFAULT);
    }

    /**
     * Lists interactions, with per-call options applied to each page.
     *
     * @param request filters, sort, page size and first page
     * @param options timeout, retries, extra headers for each page
     * @return the listing
     */
    public PagedIterable<InteractionsGetResponse> list(ListInteractionsRequest request, RequestOptions options) {
        return new PagedIterable<>(operations.pages(request, options), InteractionsOperations.firstIndex(request),
                InteractionsGetResponse::getId);
    }

    /**
     * Updates an interaction (PATCH): see the class documentation for null semantics.
     *
     * @param id      the interaction id
     * @param request the fields to change
     * @return the updated interaction
     */
    public InteractionsGetResponse update(UUID id, InteractionsUpdateRequest request) {
        return update(id, request, RequestOptions.DEFAULT);
    }

    /**
     * Updates an interaction by an id given as text, validated as a UUID before anything is sent.
     *
     * @param id      the interaction id
     * @param request the fields to change
     * @return the updated interaction
     * @throws IllegalArgumentException when {@code id} is not a UUID
     */
    public InteractionsGetResponse update(String id, InteractionsUpdateRequest request) {
        return update(InteractionsValidator.parseId(id), request, RequestOptions.DEFAULT);
    }

    /**
     * Updates an interaction, with per-call options.
     *
     * @param id      the interaction id
     * @param request the fields to change
     * @param options timeout, retries, extra headers for this call
     * @return the updated interaction
     */
    public InteractionsGetResponse update(UUID id, InteractionsUpdateRequest request, RequestOptions options) {
        return raw.update(id, request, options).value();
    }

    /**
     * Returns the URL that opens an interaction's real-time stream, with a current token appended
     * ({@code ?token=Bearer%20<token>}). It carries a credential: do not log it.
     *
     * @param interaction the interaction
     * @return the stream URL
     */
    public String websocketUrl(InteractionsGetResponse interaction) {
        return Blocking.await(operations.websocketUrl(interaction.getWebsocketUrl()));
    }

    /**
     * Returns the stream URL of a just-created interaction, with a current token appended. Do not log it.
     *
     * @param created the create response
     * @return the stream URL
     */
    public String websocketUrl(InteractionsCreateResponse created) {
        return Blocking.await(operations.websocketUrl(created.getWebsocketUrl()));
    }

    /**
     * The Interactions operations answering with {@link CortiResponse}: status, headers and value.
     */
    public static final class RawInteractionsClient {

        private final InteractionsOperations operations;

        RawInteractionsClient(InteractionsOperations operations) {
            this.operations = operations;
        }

        /**
         * Creates an interaction.
         *
         * @param request the interaction
         * @param options per-call options
         * @return the response with status 201 and headers
         */
        public CortiResponse<InteractionsCreateResponse> create(InteractionsCreateRequest request, RequestOptions options) {
            return Blocking.await(operations.create(request, options));
        }

        /**
         * Creates an interaction.
         *
         * @param request the interaction
         * @return the response with status 201 and headers
         */
        public CortiResponse<InteractionsCreateResponse> create(InteractionsCreateRequest request) {
            return create(request, RequestOptions.DEFAULT);
        }

        /**
         * Gets an interaction.
         *
         * @param id      the interaction id
         * @param options per-call options
         * @return the response with status and headers
         */
        public CortiResponse<InteractionsGetResponse> get(UUID id, RequestOptions options) {
            return Blocking.await(operations.get(id, options));
        }

        /**
         * Gets an interaction.
         *
         * @param id the interaction id
         * @return the response with status and headers
         */
        public CortiResponse<InteractionsGetResponse> get(UUID id) {
            return get(id, RequestOptions.DEFAULT);
        }

        /**
         * Updates an interaction (PATCH).
         *
         * @param id      the interaction id
         * @param request the fields to change
         * @param options per-call options
         * @return the response with status and headers
         */
        public CortiResponse<InteractionsGetResponse> update(UUID id, InteractionsUpdateRequest request,
                                                             RequestOptions options) {
            return Blocking.await(operations.update(id, request, options));
        }

        /**
         * Updates an interaction (PATCH).
         *
         * @param id      the interaction id
         * @param request the fields to change
         * @return the response with status and headers
         */
        public CortiResponse<InteractionsGetResponse> update(UUID id, InteractionsUpdateRequest request) {
            return update(id, request, RequestOptions.DEFAULT);
        }

        /**
         * Fetches one page of a listing, with its status and headers.
         *
         * @param request   filters, sort and page size
         * @param pageIndex the page, from 1
         * @return the response with the page's interactions
         */
        public CortiResponse<ai.corti.client.model.InteractionsListResponse> listPage(ListInteractionsRequest request,
                                                                                    long pageIndex) {
            if (pageIndex < 1) {
                throw new IllegalArgumentException("pageIndex must be greater than 0, was " + pageIndex);
            }
            return Blocking.await(operations.listPage(request, pageIndex, RequestOptions.DEFAULT));
        }
    }
}
