package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests are validated against the spec, and refused with RFC 9457 bodies naming every bad field. Sent
 * raw, because the SDK would refuse most of them before sending.
 */
class ValidationTest {

    private static CortiEmulator emulator;
    private static RawHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = CortiEmulator.start();
        http = new RawHttp(emulator);
        token = http.token("base");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aValidCreateIs201WithIdAndStreamUrl() {
        HttpResponse<String> response = post(RawHttp.createBody("enc-1", "planned", "consultation"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = RawHttp.json(response);
        String id = created.get("interactionId").asText();
        assertThat(created.get("websocketUrl").asText())
                .isEqualTo("ws://127.0.0.1:" + emulator.port() + "/audio-bridge/v2/interactions/" + id
                        + "/streams?tenant-name=base");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertThat(errors(post("{}"))).containsExactly(Map.of("encounter", "is required"));
        assertThat(errors(post("{\"encounter\":{}}"))).containsExactlyInAnyOrder(
                Map.of("encounter.identifier", "is required"),
                Map.of("encounter.status", "is required"),
                Map.of("encounter.type", "is required"));
        assertThat(errors(post("{\"encounter\":{\"identifier\":\"e\",\"status\":\"planned\",\"type\":\"emergency\","
                + "\"period\":{}},\"patient\":{}}"))).containsExactlyInAnyOrder(
                Map.of("encounter.period.startedAt", "is required"),
                Map.of("patient.identifier", "is required"));
    }

    @Test
    void enumsUuidsDatesAndTypesAreChecked() {
        HttpResponse<String> response = post("{\"assignedUserId\":\"not-a-uuid\",\"encounter\":{\"identifier\":7,"
                + "\"status\":\"archived\",\"type\":\"consultation\",\"period\":{\"startedAt\":\"yesterday\"}},"
                + "\"patient\":{\"identifier\":\"p\",\"gender\":\"robot\",\"birthDate\":\"+19850-03-14T00:00:00Z\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("assignedUserId", "encounter.identifier",
                "encounter.status", "encounter.period.startedAt", "patient.gender", "patient.birthDate");
        assertThat(errors(response)).contains(Map.of("encounter.status",
                "must be one of planned, in-progress, on-hold, completed, cancelled, deleted (was 'archived')"));
    }

    @Test
    void nullIsRefusedForNonNullableFieldsAndAcceptedForNullableOnes() {
        assertThat(fields(post("{\"encounter\":{\"identifier\":null,\"status\":\"planned\",\"type\":\"emergency\"}}")))
                .containsExactly("encounter.identifier");
        assertThat(post("{\"encounter\":{\"identifier\":\"e\",\"status\":\"planned\",\"type\":\"emergency\","
                + "\"title\":null},\"patient\":{\"identifier\":\"p\",\"gender\":null,\"name\":null},"
                + "\"assignedUserId\":null}").statusCode()).isEqualTo(201);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        assertThat(post("{\"encounter\":").statusCode()).isEqualTo(400);
        assertThat(post("[1,2]").statusCode()).isEqualTo(400);
        assertThat(post("{\"encounter\":{},\"encounter\":{}}").statusCode()).isEqualTo(400);
        assertThat(http.call("POST", "/interactions/", token, "base", null).statusCode()).isEqualTo(415);
    }

    @Test
    void problemBodiesAreRfc9457WithTheRequestId() {
        HttpResponse<String> response = post("{}");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = RawHttp.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asText()).isEqualTo("https://tools.ietf.org/html/rfc9110#section-15.5.1");
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("requestid").asText()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void getAnswers404ForAnUnknownIdAnd400ForAMalformedOne() {
        HttpResponse<String> unknown = http.call("GET", "/interactions/f47ac10b-58cc-4372-a567-0e02b2c3d479", token,
                "base", null);
        HttpResponse<String> malformed = http.call("GET", "/interactions/not-a-uuid", token, "base", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(unknown).get("detail").asText()).contains("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(fields(malformed)).containsExactly("id");
    }

    @Test
    void anUpperCaseIdFindsTheSameInteraction() {
        String id = RawHttp.json(post(RawHttp.createBody("e", "planned", "inpatient"))).get("interactionId").asText();

        HttpResponse<String> response = http.call("GET", "/interactions/" + id.toUpperCase(), token, "base", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(response).get("id").asText()).isEqualTo(id);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        HttpResponse<String> path = http.call("GET", "/recordings/", token, "base", null);
        HttpResponse<String> method = http.call("PUT", "/interactions/f47ac10b-58cc-4372-a567-0e02b2c3d479", token,
                "base", "{}");

        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(path.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValue("DELETE, GET, PATCH");
    }

    private HttpResponse<String> post(String body) {
        return http.call("POST", "/interactions/", token, "base", body);
    }

    private static List<Map<String, String>> errors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        List<Map<String, String>> errors = new ArrayList<>();
        for (JsonNode error : RawHttp.json(response).path("validationErrors")) {
            error.fieldNames().forEachRemaining(name -> errors.add(Map.of(name, error.get(name).asText())));
        }
        return errors;
    }

    private static List<String> fields(HttpResponse<String> response) {
        return errors(response).stream().map(error -> error.keySet().iterator().next()).toList();
    }
}
