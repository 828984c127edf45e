package ai.corti.client.core.internal.interactions;

import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.paging.Page;
import ai.corti.client.core.paging.PageFetcher;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListResponse;
import ai.corti.client.model.InteractionsUpdateRequest;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The four Interactions operations, once, for both facades: each validates its arguments when called
 * (throwing before anything is sent) and returns a lazy {@code Mono}. The facades only adapt the result
 * type (a {@code Mono} or a blocking call). Internal to the SDK.
 */
public final class InteractionsOperations {

    private static final String COLLECTION = "/interactions/";

    private final HttpPipeline pipeline;

    /**
     * Creates the operations.
     *
     * @param pipeline the client's pipeline
     */
    public InteractionsOperations(HttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * {@code interactions_create}: POST /interactions/.
     *
     * @param request the interaction to create
     * @param options per-call overrides
     * @return the created interaction's id and stream URL
     */
    public Mono<CortiResponse<InteractionsCreateResponse>> create(InteractionsCreateRequest request, RequestOptions options) {
        InteractionsValidator.validateCreate(request);
        return pipeline.execute(new ApiRequest("POST", COLLECTION, List.of(), request), InteractionsCreateResponse.class,
                options(options));
    }

    /**
     * {@code interactions_get}: GET /interactions/{id}.
     *
     * @param id      the interaction id
     * @param options per-call overrides
     * @return the interaction
     */
    public Mono<CortiResponse<InteractionsGetResponse>> get(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id must not be null");
        return pipeline.execute(ApiRequest.of("GET", COLLECTION + id), InteractionsGetResponse.class, options(options));
    }

    /**
     * {@code interactions_update}: PATCH /interactions/{id}. Unset fields are absent from the body and left
     * untouched; a nullable field set to {@code null} is sent as {@code null} and cleared.
     *
     * @param id      the interaction id
     * @param request the fields to change
     * @param options per-call overrides
     * @return the updated interaction
     */
    public Mono<CortiResponse<InteractionsGetResponse>> update(UUID id, InteractionsUpdateRequest request,
                                                               RequestOptions options) {
        Objects.requireNonNull(id, "id must not be null");
        InteractionsValidator.validateUpdate(request);
        return pipeline.execute(new ApiRequest("PATCH", COLLECTION + id, List.of(), request),
                InteractionsGetResponse.class, options(options));
    }

    /**
     * {@code interactions_list}: GET /interactions/, one page.
     *
     * @param request   filters, sort and page size
     * @param pageIndex the page to fetch, from 1
     * @param options   per-call overrides
     * @return the page as the API returned it
     */
    public Mono<CortiResponse<InteractionsListResponse>> listPage(ListInteractionsRequest request, long pageIndex,
                                                                  RequestOptions options) {
        Objects.requireNonNull(request, "request must not be null");
        return pipeline.execute(new ApiRequest("GET", COLLECTION, request.toQuery(pageIndex), null),
                InteractionsListResponse.class, options(options));
    }

    /**
     * Returns a page fetcher for a listing, for {@code PagedFlux} and {@code PagedIterable}.
     *
     * @param request filters, sort and page size
     * @param options per-call overrides, applied to each page
     * @return the fetcher
     */
    public PageFetcher<InteractionsGetResponse> pages(ListInteractionsRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request must not be null");
        RequestOptions callOptions = options(options);
        long pageSize = request.pageSize().orElse(ListInteractionsRequest.DEFAULT_PAGE_SIZE);
        return index -> listPage(request, index, callOptions).map(response -> new Page<>(
                response.value().getInteractions() == null ? List.of() : response.value().getInteractions(),
                index, pageSize));
    }

    /**
     * Returns the first page a listing starts at.
     *
     * @param request the listing
     * @return the requested index, or 1
     */
    public static long firstIndex(ListInteractionsRequest request) {
        return request.index().orElse(1);
    }

    /**
     * Returns an interaction's stream URL with a current token appended. Never log the result.
     *
     * @param websocketUrl the interaction's {@code websocketUrl}
     * @return the URL, lazily
     * @throws IllegalArgumentException when the URL is not a {@code wss} URL on the API host (or {@code ws} on a
     *                                  loopback host): the token is never handed to another origin
     */
    public Mono<String> websocketUrl(String websocketUrl) {
        StreamUrls.requireTrusted(websocketUrl, pipeline.options().baseUrl());
        return pipeline.currentToken().map(token -> StreamUrls.withToken(websocketUrl, token,
                pipeline.options().baseUrl()));
    }

    private static RequestOptions options(RequestOptions options) {
        return options == null ? RequestOptions.DEFAULT : options;
    }
}
