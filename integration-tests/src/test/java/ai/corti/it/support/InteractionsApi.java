package ai.corti.it.support;

import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsUpdateRequest;
import java.util.List;
import java.util.UUID;

/** The four operations as the tests drive them, over either facade. */
public interface InteractionsApi extends AutoCloseable {

    InteractionsCreateResponse create(InteractionsCreateRequest request);

    InteractionsGetResponse get(UUID id);

    InteractionsGetResponse get(String id);

    InteractionsGetResponse update(UUID id, InteractionsUpdateRequest request);

    /** Lists, taking at most {@code max} items. */
    List<InteractionsGetResponse> list(ListInteractionsRequest request, int max);

    String websocketUrl(InteractionsGetResponse interaction);

    /** Gets all ids with {@code concurrency} calls in flight: a Flux for the reactive facade, threads for the blocking one. */
    List<InteractionsGetResponse> getConcurrently(List<UUID> ids, int concurrency);

    int activeConnections();

    @Override
    void close();
}
