package ai.corti.bench.clients;

import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Baselines A and C: a hand-written minimal call on Reactor Netty's {@code HttpClient} with the SDK's own
 * {@code ObjectMapper} and models. No validation, retries, timeouts or error decoding: the floor the
 * SDK's reactive path can reach on the same transport (A), and, awaited with {@code block()} on the caller's
 * thread, the floor for a blocking call on it (C). The two differ only in their pool's name, so the report
 * and Reactor Netty's metrics can tell them apart.
 */
public final class RawReactorNettyClient implements ReactiveBenchClient {

    private final ConnectionProvider pool;
    private final ObjectMapper mapper = CortiJson.mapper();
    private final HttpClient http;

    /**
     * Builds baseline A.
     *
     * @param baseUrl the server's API base URL
     */
    public RawReactorNettyClient(String baseUrl) {
        this(baseUrl, "baseline-a");
    }

    /**
     * Builds the client with its own pool.
     *
     * @param baseUrl  the server's API base URL
     * @param poolName the pool's name, e.g. {@code baseline-c}
     */
    public RawReactorNettyClient(String baseUrl, String poolName) {
        this.pool = BenchSettings.pool(poolName);
        this.http = HttpClient.create(pool)
                .baseUrl(baseUrl)
                .headers(h -> h.set("Tenant-Name", BenchSettings.TENANT)
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + BenchSettings.TOKEN)
                        .set(HttpHeaderNames.ACCEPT, "application/json"));
    }

    @Override
    public Mono<InteractionsGetResponse> getAsync(UUID id) {
        return fetch("/interactions/" + id, InteractionsGetResponse.class);
    }

    /**
     * Fetches and decodes one page of the listing.
     *
     * @param index    the page number, from 1
     * @param pageSize the page size
     * @return the page, lazily
     */
    public Mono<InteractionsListResponse> page(long index, int pageSize) {
        return fetch("/interactions/?pageSize=" + pageSize + "&index=" + index, InteractionsListResponse.class);
    }

    /**
     * Lists every interaction, one page at a time, until the first empty page: what {@code PagedFlux} does,
     * minus its bookkeeping.
     *
     * @param pageSize the page size
     * @return the interactions, lazily
     */
    public Flux<InteractionsGetResponse> list(int pageSize) {
        return Flux.range(1, Integer.MAX_VALUE)
                .concatMap(index -> page(index, pageSize), 0)
                .takeWhile(page -> !page.getInteractions().isEmpty())
                .concatMapIterable(InteractionsListResponse::getInteractions);
    }

    private <T> Mono<T> fetch(String path, Class<T> type) {
        return http.get()
                .uri(path)
                .responseSingle((response, body) -> body.asByteArray().map(bytes -> {
                    if (response.status().code() != 200) {
                        throw new IllegalStateException("HTTP " + response.status().code() + " for " + path);
                    }
                    return decode(bytes, type);
                }));
    }

    private <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
