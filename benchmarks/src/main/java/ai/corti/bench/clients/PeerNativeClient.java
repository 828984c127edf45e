package ai.corti.bench.clients;

import ai.corti.bench.peer.nativeclient.ApiClient;
import ai.corti.bench.peer.nativeclient.ApiException;
import ai.corti.bench.peer.nativeclient.api.InteractionsApi;
import java.net.http.HttpClient;
import java.util.UUID;

/**
 * Peer (blocking): the client openapi-generator's {@code java}/{@code native} library generates from our spec,
 * set up as its README suggests, plus HTTP/1.1 (as baseline B) and the bearer token via its request
 * interceptor, since the generated code has no bearer-auth setter for this library.
 */
public final class PeerNativeClient implements BenchClient {

    private final InteractionsApi interactions;

    /**
     * Builds the client.
     *
     * @param baseUrl the server's API base URL
     */
    public PeerNativeClient(String baseUrl) {
        ApiClient api = new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1),
                ApiClient.createDefaultObjectMapper(), baseUrl);
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + BenchSettings.TOKEN));
        this.interactions = new InteractionsApi(api);
    }

    @Override
    public Object get(UUID id) {
        try {
            return interactions.interactionsGet(BenchSettings.TENANT, id);
        } catch (ApiException e) {
            throw new IllegalStateException("HTTP " + e.getCode(), e);
        }
    }

    /** Nothing to release on Java 17 (see {@link RawJdkHttpClient#close()}). */
    @Override
    public void close() {
    }
}
