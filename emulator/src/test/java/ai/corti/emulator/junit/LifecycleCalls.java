package ai.corti.emulator.junit;

import ai.corti.emulator.CortiEmulator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Plain HTTP calls for the extension's tests, which live outside the emulator's package. */
final class LifecycleCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LifecycleCalls() {
    }

    static UUID interaction(CortiEmulator emulator, String tenant) throws IOException, InterruptedException {
        HttpResponse<String> created = HTTP.send(api(emulator, tenant, "/interactions/")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"encounter\":{\"identifier\":\"e\",\"status\":"
                        + "\"planned\",\"type\":\"consultation\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        return UUID.fromString(JSON.readTree(created.body()).get("interactionId").asText());
    }

    static void upload(CortiEmulator emulator, String tenant, UUID interaction, byte[] audio)
            throws IOException, InterruptedException {
        HttpResponse<String> uploaded = HTTP.send(api(emulator, tenant, "/interactions/" + interaction
                        + "/recordings/").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(audio)).build(), HttpResponse.BodyHandlers.ofString());
        if (uploaded.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + uploaded.statusCode() + ": " + uploaded.body());
        }
    }

    private static HttpRequest.Builder api(CortiEmulator emulator, String tenant, String path)
            throws IOException, InterruptedException {
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl(tenant)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(emulator.clientId(), StandardCharsets.UTF_8) + "&client_secret="
                        + URLEncoder.encode(emulator.clientSecret(), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + JSON.readTree(token.body()).get("access_token").asText())
                .header("Tenant-Name", tenant);
    }
}
