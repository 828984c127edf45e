package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.spec.SpecSchemas;
import ai.corti.it.support.LeakCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The emulator's validation runs on its event loop, under BlockHound here: refusals with their messages (a
 * discriminated {@code oneOf}, a {@code maxLength}), schemas compiled on first use (a query parameter's
 * {@code items}, a {@code oneOf} alternative the canonicaliser picks) and the self-check of a departing answer all
 * answer as the spec says, so none of them blocked. The emulator runs on a fresh copy of the packaged document
 * with those keywords added, so nothing was compiled before the requests came. Raw HTTP from the test thread,
 * because the SDK would refuse the invalid bodies before sending them.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class EmulatorValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CortiEmulator emulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        ObjectNode document = SpecSchemas.shared().document().deepCopy();
        ((ObjectNode) document.at("/components/schemas/InteractionsEncounterCreateRequest/properties/identifier"))
                .put("maxLength", 10);
        ((ObjectNode) document.at("/components/schemas/InteractionsCreateRequest/properties")).set("context",
                JSON.readTree("""
                        {"oneOf": [{"$ref": "#/components/schemas/TextContext"}, {"$ref": "#/components/schemas/FactsContext"}],
                         "discriminator": {"propertyName": "type", "mapping": {
                           "text": {"$ref": "#/components/schemas/TextContext"},
                           "facts": {"$ref": "#/components/schemas/FactsContext"}}}}"""));
        ObjectNode schemas = (ObjectNode) document.at("/components/schemas");
        schemas.set("TextContext", JSON.readTree("""
                {"type": "object", "required": ["type", "text"],
                 "properties": {"type": {"type": "string", "enum": ["text"]}, "text": {"type": "string"}}}"""));
        schemas.set("FactsContext", JSON.readTree("""
                {"type": "object", "required": ["type", "facts"],
                 "properties": {"type": {"type": "string", "enum": ["facts"]},
                                "facts": {"type": "array", "items": {"type": "string"}}}}"""));
        // An answer the emulator will break: titles of at most 5 characters in answers only.
        ((ObjectNode) document.at("/components/schemas/InteractionsEncounterResponse/properties/title"))
                .put("maxLength", 5);
        emulator = CortiEmulator.builder().spec(SpecSchemas.of(document)).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void refusalsCompiledOnFirstUseSchemasAndTheSelfCheckAllAnswerWithoutBlocking() {
        String bearer = token();

        HttpResponse<String> tooLong = call("POST", "/interactions/", bearer,
                "{\"encounter\":{\"identifier\":\"encounter-0042\",\"status\":\"planned\",\"type\":\"consultation\"}}");
        HttpResponse<String> discriminated = call("POST", "/interactions/", bearer,
                "{\"encounter\":{\"identifier\":\"e\",\"status\":\"planned\",\"type\":\"consultation\"},"
                        + "\"context\":{\"type\":\"facts\",\"facts\":[\"cough\",3]}}");
        HttpResponse<String> badStatus = call("GET", "/interactions/?encounterStatus=planned&encounterStatus=archived",
                bearer, null);
        HttpResponse<String> valid = call("POST", "/interactions/", bearer,
                "{\"encounter\":{\"identifier\":\"e\",\"status\":\"planned\",\"type\":\"consultation\","
                        + "\"title\":\"A long title\"},\"context\":{\"type\":\"text\",\"text\":\"Cough.\"}}");
        String id = json(valid).path("interactionId").asText();
        HttpResponse<String> departing = call("GET", "/interactions/" + id, bearer, null);

        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(json(tooLong).path("validationErrors").toString())
                .isEqualTo("[{\"encounter.identifier\":\"must be at most 10 characters long (was 14)\"}]");
        assertThat(discriminated.statusCode()).as(discriminated.body()).isEqualTo(400);
        assertThat(json(discriminated).path("validationErrors").toString())
                .isEqualTo("[{\"context.facts[1]\":\"must be a string (was 3)\"}]");
        assertThat(badStatus.statusCode()).as(badStatus.body()).isEqualTo(400);
        assertThat(json(badStatus).path("validationErrors").toString()).contains("\"encounterStatus\"");
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(201);
        assertThat(departing.statusCode()).as(departing.body()).isEqualTo(500);
        assertThat(json(departing).path("detail").asText())
                .contains("encounter.title: must be at most 5 characters long (was 12)");
    }

    private String token() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + emulator.clientId() + "&client_secret=" + emulator.clientSecret())));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).path("access_token").asText();
    }

    private HttpResponse<String> call(String method, String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + bearer)
                .header("Tenant-Name", CortiEmulator.DEFAULT_TENANT);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
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
