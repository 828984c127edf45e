package ai.corti.bench.clients;

import ai.corti.bench.peer.webclient.ApiClient;
import ai.corti.bench.peer.webclient.api.InteractionsApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Peer (reactive): the client openapi-generator's {@code java}/{@code webclient} library generates from our
 * spec, on Spring's {@code WebClient} over Reactor Netty, with the generated mapper and codecs. Its connector
 * gets the same pool bounds as the SDK ({@link BenchSettings#pool(String)}).
 */
public final class PeerWebClient implements ReactiveBenchClient {

    private final ConnectionProvider pool = BenchSettings.pool("peer-webclient");
    private final InteractionsApi interactions;

    /**
     * Builds the client.
     *
     * @param baseUrl the server's API base URL
     */
    public PeerWebClient(String baseUrl) {
        ObjectMapper mapper = ApiClient.createDefaultMapper(null);
        WebClient webClient = ApiClient.buildWebClientBuilder(mapper)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                .build();
        ApiClient api = new ApiClient(webClient, mapper, ApiClient.createDefaultDateFormat());
        api.setBasePath(baseUrl);
        api.setBearerToken(BenchSettings.TOKEN);
        this.interactions = new InteractionsApi(api);
    }

    @Override
    public Mono<?> getAsync(UUID id) {
        return interactions.interactionsGet(BenchSettings.TENANT, id);
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
