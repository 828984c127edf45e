package ai.corti.bench.clients;

import ai.corti.client.reactive.CortiReactiveClient;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Client 1: this SDK's Reactor facade, configured as the README shows, with a bearer token. */
public final class SdkReactiveClient implements ReactiveBenchClient {

    private final CortiReactiveClient client;

    /**
     * Builds the client.
     *
     * @param baseUrl the server's API base URL
     */
    public SdkReactiveClient(String baseUrl) {
        this.client = CortiReactiveClient.builder()
                .tenantName(BenchSettings.TENANT)
                .baseUrl(baseUrl)
                .bearerToken(BenchSettings.TOKEN)
                .build();
    }

    /**
     * Returns the SDK client, for the listing benchmark.
     *
     * @return the client
     */
    public CortiReactiveClient sdk() {
        return client;
    }

    @Override
    public Mono<?> getAsync(UUID id) {
        return client.interactions().get(id);
    }

    @Override
    public void close() {
        client.close();
    }
}
