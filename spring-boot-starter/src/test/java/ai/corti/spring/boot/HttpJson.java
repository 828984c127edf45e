package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import reactor.netty.http.client.HttpClient;

/** A plain HTTP client for the application under test: the status must be 2xx, the body comes back as text. */
final class HttpJson {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client;

    HttpJson(int port) {
        this.client = HttpClient.create().baseUrl("http://127.0.0.1:" + port).responseTimeout(TIMEOUT);
    }

    String get(String path) {
        return exchange(client.get().uri(path));
    }

    String post(String path) {
        return exchange(client.post().uri(path));
    }

    private static String exchange(HttpClient.ResponseReceiver<?> request) {
        return request.responseSingle((response, body) -> body.asString().defaultIfEmpty("").map(text -> {
            assertThat(response.status().code()).as("status of %s: %s", response.uri(), text).isBetween(200, 299);
            return text;
        })).block(TIMEOUT);
    }
}
