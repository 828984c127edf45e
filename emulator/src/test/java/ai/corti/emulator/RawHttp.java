package ai.corti.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP against an emulator, without the SDK: for what the SDK would refuse to send (bad ids, bad
 * enums, no token) and for checking the exact wire format.
 */
final class RawHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final CortiEmulator emulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RawHttp(CortiEmulator emulator) {
        this.emulator = emulator;
    }

    /** A token for a tenant, with the emulator's credentials. */
    String token(String tenant) {
        HttpResponse<String> response = tokenRequest(tenant, "grant_type=client_credentials&client_id="
                + encode(emulator.clientId()) + "&client_secret=" + encode(emulator.clientSecret()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    HttpResponse<String> tokenRequest(String tenant, String form) {
        return send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl(tenant)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** An API call; {@code token} and {@code tenant} may be null to leave the header out. */
    HttpResponse<String> call(String method, String pathAndQuery, String token, String tenant, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (tenant != null) {
            request.header("Tenant-Name", tenant);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** An authorised API call for a tenant. */
    HttpResponse<String> call(String method, String pathAndQuery, String tenant, String body) {
        return call(method, pathAndQuery, token(tenant), tenant, body);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sends raw bytes as a recording upload, with a Content-Length. */
    HttpResponse<String> upload(String token, String tenant, String interactionId, byte[] audio) {
        return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/interactions/" + interactionId
                        + "/recordings/"))
                .header("Authorization", "Bearer " + token).header("Tenant-Name", tenant)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(audio)));
    }

    /** Downloads a recording's bytes. */
    HttpResponse<byte[]> download(String token, String tenant, String interactionId, String recordingId) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/interactions/" + interactionId
                                    + "/recordings/" + recordingId))
                            .header("Authorization", "Bearer " + token).header("Tenant-Name", tenant)
                            .timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an interaction for a tenant and answers its id. */
    String interaction(String token, String tenant) {
        HttpResponse<String> created = call("POST", "/interactions/", token, tenant,
                createBody("lifecycle", "in-progress", "consultation"));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create answered " + created.statusCode() + ": " + created.body());
        }
        return json(created).get("interactionId").asText();
    }

    /** The underlying client, for requests the helpers do not cover. */
    HttpClient client() {
        return http;
    }

    /** A create body with the three required encounter fields. */
    static String createBody(String identifier, String status, String type) {
        return "{\"encounter\":{\"identifier\":\"" + identifier + "\",\"status\":\"" + status + "\",\"type\":\""
                + type + "\"}}";
    }
}
