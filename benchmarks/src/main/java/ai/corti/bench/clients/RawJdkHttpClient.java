package ai.corti.bench.clients;

import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.InteractionsGetResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Baseline B: a hand-written minimal blocking call on {@code java.net.http.HttpClient} with the SDK's
 * {@code ObjectMapper} and models: the floor for a blocking call. HTTP/1.1 is set explicitly, as the
 * server speaks only that (the JDK default would offer an h2c upgrade on every new connection).
 */
public final class RawJdkHttpClient implements BenchClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = CortiJson.mapper();
    private final String baseUrl;

    /**
     * Builds the client.
     *
     * @param baseUrl the server's API base URL
     */
    public RawJdkHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public InteractionsGetResponse get(UUID id) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/interactions/" + id))
                .header("Tenant-Name", BenchSettings.TENANT)
                .header("Authorization", "Bearer " + BenchSettings.TOKEN)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return mapper.readValue(response.body(), InteractionsGetResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Nothing to release on Java 17: {@code HttpClient.close()} arrived in Java 21; its threads are daemons. */
    @Override
    public void close() {
    }
}
