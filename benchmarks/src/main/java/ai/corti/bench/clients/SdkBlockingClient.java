package ai.corti.bench.clients;

import ai.corti.client.blocking.CortiClient;
import java.util.UUID;

/** Client 2: this SDK's blocking facade, configured as the README shows, with a bearer token. */
public final class SdkBlockingClient implements BenchClient {

    private final CortiClient client;

    /**
     * Builds the client.
     *
     * @param baseUrl the server's API base URL
     */
    public SdkBlockingClient(String baseUrl) {
        this.client = CortiClient.builder()
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
    public CortiClient sdk() {
        return client;
    }

    @Override
    public Object get(UUID id) {
        return client.interactions().get(id);
    }

    @Override
    public void close() {
        client.close();
    }
}
