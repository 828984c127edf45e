package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.CortiOperations;
import ai.corti.emulator.RecordedExchange;
import ai.corti.emulator.SpecConformance;
import ai.corti.it.support.LeakCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole lifecycle against the emulator, under BlockHound and Netty's paranoid leak detection: every operation
 * of the spec answers on the emulator's event loop without blocking, streamed recordings (in, out, refused past the
 * limit, dropped by a fault) leak no buffer, and every answer conforms to the spec. Raw HTTP from the test thread:
 * the SDK's lifecycle methods are not part of this check.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class EmulatorLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CortiEmulator emulator;
    private static String bearer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        emulator = CortiEmulator.builder().maxRecordingSize(300_000).transcriptProcessingTime(Duration.ofSeconds(5))
                .start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void everyOperationAnswersWithoutBlockingOrLeakingAndAsTheSpecSays() {
        bearer = token();
        String id = json(call("POST", "/interactions/", "{\"encounter\":{\"identifier\":\"e\",\"status\":\"planned\","
                + "\"type\":\"consultation\"}}")).get("interactionId").asText();
        String in = "/interactions/" + id;
        byte[] audio = new byte[200_000];
        new Random(3).nextBytes(audio);

        String recording = json(upload(in, audio)).get("recordingId").asText();
        HttpResponse<byte[]> downloaded = send(request("GET", in + "/recordings/" + recording, null),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.body()).isEqualTo(audio);
        assertThat(upload(in, new byte[500_000]).statusCode()).isEqualTo(413);
        emulator.faults().forOperation(CortiOperations.RECORDINGS_UPLOAD).dropNext(1);
        assertThatThrownBy(() -> http.send(request("POST", in + "/recordings/", null)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000])).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        call("GET", in + "/recordings/", null);

        String transcript = json(call("POST", in + "/transcripts/", "{\"recordingId\":\"" + recording
                + "\",\"primaryLanguage\":\"en\",\"async\":true}")).get("id").asText();
        call("GET", in + "/transcripts/" + transcript + "/status", null);
        emulator.advanceClock(Duration.ofSeconds(5));
        call("GET", in + "/transcripts/" + transcript, null);
        call("GET", in + "/transcripts/?full=true", null);
        call("GET", "/factgroups/", null);
        String fact = json(call("POST", in + "/facts/", "{\"facts\":[{\"text\":\"Penicillin allergy\","
                + "\"group\":\"allergies\"}]}")).get("facts").get(0).get("id").asText();
        call("GET", in + "/facts/", null);
        call("PATCH", in + "/facts/" + fact, "{\"isDiscarded\":false}");
        call("PATCH", in + "/facts/", "{\"facts\":[{\"factId\":\"" + fact + "\",\"text\":\"Penicillin allergy\"}]}");
        String document = json(call("POST", in + "/documents/", "{\"templateKey\":\"corti-soap\","
                + "\"outputLanguage\":\"en\",\"context\":[{\"type\":\"string\",\"data\":\"Fever for two days.\"}]}"))
                .get("id").asText();
        call("GET", in + "/documents/", null);
        call("GET", in + "/documents/" + document, null);
        call("PATCH", in + "/documents/" + document, "{\"name\":\"Edited\"}");
        call("GET", "/templates/", null);
        call("GET", "/templates/corti-soap", null);
        call("GET", "/templateSections/", null);
        call("POST", "/tools/coding/", "{\"system\":[\"icd10cm-outpatient\"],\"context\":[{\"type\":\"documentId\","
                + "\"documentId\":\"" + document + "\"}]}");
        String template = json(call("GET", "/documents/templates/", null)).get(0).get("id").asText();
        call("GET", "/documents/sections/?lang=en", null);
        call("POST", "/documents/", "{\"outputLanguage\":\"en\",\"interactionId\":\"" + id + "\",\"templateRef\":{"
                + "\"templateId\":\"" + template + "\"}}");
        call("GET", "/interactions/", null);
        call("GET", in, null);
        call("PATCH", in, "{\"encounter\":{\"title\":\"Done\"}}");
        call("DELETE", in + "/transcripts/" + transcript, null);
        call("DELETE", in + "/documents/" + document, null);
        call("DELETE", in + "/recordings/" + recording, null);
        call("DELETE", in, null);

        List<String> problems = new ArrayList<>();
        TreeSet<String> operations = new TreeSet<>();
        for (RecordedExchange exchange : emulator.exchanges()) {
            if (exchange.isApiCall()) {
                operations.add(exchange.operationId());
                problems.addAll(SpecConformance.packaged().violations(exchange));
                if (exchange.status() >= 500) {
                    problems.add(exchange + ": " + exchange.responseBody());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(operations).containsExactlyInAnyOrderElementsOf(CortiOperations.all());
        assertThat(emulator.storedRecordingBytes()).isZero();
        assertThat(emulator.data(CortiEmulator.DEFAULT_TENANT).interactionIds()).isEmpty();
    }

    private String token() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + emulator.clientId() + "&client_secret=" + emulator.clientSecret())),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).path("access_token").asText();
    }

    private HttpResponse<String> upload(String interaction, byte[] audio) {
        return send(request("POST", interaction + "/recordings/", null).header("Content-Type",
                "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(audio)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpResponse<String> response = send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response;
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + bearer)
                .header("Tenant-Name", CortiEmulator.DEFAULT_TENANT)
                .timeout(Duration.ofSeconds(20));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
