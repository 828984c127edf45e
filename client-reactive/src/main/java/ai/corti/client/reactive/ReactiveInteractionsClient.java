package ai.corti.client.reactive;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.internal.interactions.InteractionsOperations;
import ai.corti.client.core.internal.interactions.InteractionsValidator;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.paging.PagedFlux;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListResponse;
import ai.corti.client.model.InteractionsUpdateRequest;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Interactions, reactive: create, get, list and update. Invalid arguments throw
 * {@link IllegalArgumentException} (naming the field) when the method is called, before anything is
 * sent; failures from the API arrive as {@code CortiApiException} subclasses in the {@code Mono}.
 *
 * <p>PATCH semantics of {@link #update(UUID, InteractionsUpdateRequest)}: a field you do not set is absent
 * from the body and left untouched; a nullable field you set to {@code null} is sent as {@code null} and
 * cleared:
 * <pre>{@code
 * interactions.update(id, new InteractionsUpdateRequest()
 *         .encounter(new InteractionsEncounterUpdateRequest().title(null)))   // {"encounter":{"title":null}}
 *     .subscribe();
 * }</pre>
 */
public final class ReactiveInteractionsClient {

    private final InteractionsOperations operations;
    private final RawReactiveInteractionsClient raw;

    ReactiveInteractionsClient(InteractionsOperations operations) {
        this.operations = operations;
        this.raw = new RawReactiveInteractionsClient(operations);
    }

    /**
     * Returns the same operations, answering with the HTTP status and headers besides the value.
     *
     * @return the raw-response view
     */
    public RawReactiveInteractionsClient withRawResponse() {
        return raw;
    }

    /**
     * Creates an interaction. Not retried after it may have reached the server, so it never creates duplicates.
     *
     * @param request the interaction: {@code encounter} with {@code identifier}, {@code status}, {@code type}
     * @return its id and stream URL, lazily
     */
    public Mono<InteractionsCreateResponse> create(InteractionsCreateRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    /**
     * Creates an interaction, with per-call options.
     *
     * @param request the interaction
     * @param options timeout, retries, extra headers for this call
     * @return its id and stream URL, lazily
     */
    public Mono<InteractionsCreateResponse> create(InteractionsCreateRequest request, RequestOptions options) {
        return operations.create(request, options).map(CortiResponse::value);
    }

    /**
     * Gets an interaction.
     *
     * @param id the interaction id
     * @return the interaction, lazily
     */
    public Mono<InteractionsGetResponse> get(UUID id) {
        return get(id, RequestOptions.DEFAULT);
    }

    /**
     * Gets an interaction by an id given as text, validated as a UUID before anything is sent.
     *
     * @param id the interaction id
     * @return the interaction, lazily
     * @throws IllegalArgumentException when {@code id} is not a UUID
     */
    public Mono<InteractionsGetResponse> get(String id) {
        return get(InteractionsValidator.parseId(id), RequestOptions.DEFAULT);
    }

    /**
     * Gets an interaction, with per-call options.
     *
     * @param id      the interaction id
     * @param options timeout, retries, extra headers for this call
     * @return the interaction, lazily
     */
    public Mono<InteractionsGetResponse> get(UUID id, RequestOptions options) {
        return operations.get(id, options).map(CortiResponse::value);
    }

    /**
     * Lists every interaction, fetching pages as demand reaches them.
     *
     * @return the listing
     */
    public PagedFlux<InteractionsGetResponse> list() {
        return list(ListInteractionsRequest.all());
    }

    /**
     * Lists interactions, fetching pages as demand reaches them.
     *
     * <pre>{@code
     * interactions.list(request).take(5)          // one page
     * interactions.list(request).byPage()         // Flux<Page<InteractionsGetResponse>>
     * }</pre>
     *
     * @param request filters, sort, page size and first page
     * @return the listing
     */
    public PagedFlux<InteractionsGetResponse> list(ListInteractionsRequest request) {
        return list(request, RequestOptions.DEFAULT);
    }

    /**
     * Lists interactions, with per-call options applied to each page.
     *
     * @param request filters, sort, page size and first page
     * @param options timeout, retries, extra headers for each page
     * @return the listing
     */
    public PagedFlux<InteractionsGetResponse> list(ListInteractionsRequest request, RequestOptions options) {
        return new PagedFlux<>(operations.pages(request, options), InteractionsOperations.firstIndex(request),
                InteractionsGetResponse::getId);
    }

    /**
     * Updates an interaction (PATCH): see the class documentation for null semantics.
     *
     * @param id      the interaction id
     * @param request the fields to change
     * @return the updated interaction, lazily
     */
    public Mono<InteractionsGetResponse> update(UUID id, InteractionsUpdateRequest request) {
        return update(id, request, RequestOptions.DEFAULT);
    }

    /**
     * Updates an interaction by an id given as text, validated as a UUID before anything is sent.
     *
     * @param id      the interaction id
     * @param request the fields to change
     * @return the updated interaction, lazily
     * @throws IllegalArgumentException when {@code id} is not a UUID
     */
    public Mono<InteractionsGetResponse> update(String id, InteractionsUpdateRequest request) {
        return update(InteractionsValidator.parseId(id), request, RequestOptions.DEFAULT);
    }

    /**
     * Updates an interaction, with per-call options.
     *
     * @param id      the interaction id
     * @param request the fields to change
     * @param options timeout, retries, extra headers for this call
     * @return the updated interaction, lazily
     */
    public Mono<InteractionsGetResponse> update(UUID id, InteractionsUpdateRequest request, RequestOptions options) {
        return operations.update(id, request, options).map(CortiResponse::value);
    }

    /**
     * Returns the URL that opens an interaction's real-time stream, with a current token appended
     * ({@code ?token=Bearer%20<token>}). It carries a credential: do not log it.
     *
     * @param interaction the interaction
     * @return the stream URL, lazily
     */
    public Mono<String> websocketUrl(InteractionsGetResponse interaction) {
        return operations.websocketUrl(interaction.getWebsocketUrl());
    }

    /**
     * Returns the stream URL of a just-created interaction, with a current token appended. Do not log it.
     *
     * @param created the create response
     * @return the stream URL, lazily
     */
    public Mono<String> websocketUrl(InteractionsCreateResponse created) {
        return operations.websocketUrl(created.getWebsocketUrl());
    }

    /** The Interactions operations answering with {@link CortiResponse}: status, headers and value. */
    public static final class RawReactiveInteractionsClient {

        private final InteractionsOperations operations;

        RawReactiveInteractionsClient(InteractionsOperations operations) {
            this.operations = operations;
        }

        /**
         * Creates an interaction.
         *
         * @param request the interaction
         * @param options per-call options
         * @return the response with status 201 and headers, lazily
         */
        public Mono<CortiResponse<InteractionsCreateResponse>> create(InteractionsCreateRequest request,
                                                                      RequestOptions options) {
            return operations.create(request, options);
        }

        /**
         * Creates an interaction.
         *
         * @param request the interaction
         * @return the response with status 201 and headers, lazily
         */
        public Mono<CortiResponse<InteractionsCreateResponse>> create(InteractionsCreateRequest request) {
            return create(request, RequestOptions.DEFAULT);
        }

        /**
         * Gets an interaction.
         *
         * @param id      the interaction id
         * @param options per-call options
         * @return the response with status and headers, lazily
         */
        public Mono<CortiResponse<InteractionsGetResponse>> get(UUID id, RequestOptions options) {
            return operations.get(id, options);
        }

        /**
         * Gets an interaction.
         *
         * @param id the interaction id
         * @return the response with status and headers, lazily
         */
        public Mono<CortiResponse<InteractionsGetResponse>> get(UUID id) {
            return get(id, RequestOptions.DEFAULT);
        }

        /**
         * Updates an interaction (PATCH).
         *
         * @param id      the interaction id
         * @param request the fields to change
         * @param options per-call options
         * @return the response with status and headers, lazily
         */
        public Mono<CortiResponse<InteractionsGetResponse>> update(UUID id, InteractionsUpdateRequest request,
                                                                   RequestOptions options) {
            return operations.update(id, request, options);
        }

        /**
         * Updates an interaction (PATCH).
         *
         * @param id      the interaction id
         * @param request the fields to change
         * @return the response with status and headers, lazily
         */
        public Mono<CortiResponse<InteractionsGetResponse>> update(UUID id, InteractionsUpdateRequest request) {
            return update(id, request, RequestOptions.DEFAULT);
        }

        /**
         * Fetches one page of a listing, with its status and headers.
         *
         * @param request   filters, sort and page size
         * @param pageIndex the page, from 1
         * @return the response with the page's interactions, lazily
         */
        public Mono<CortiResponse<InteractionsListResponse>> listPage(ListInteractionsRequest request, long pageIndex) {
            if (pageIndex < 1) {
                throw new IllegalArgumentException("pageIndex must be greater than 0, was " + pageIndex);
            }
            return operations.listPage(request, pageIndex, RequestOptions.DEFAULT);
        }
    }
}
