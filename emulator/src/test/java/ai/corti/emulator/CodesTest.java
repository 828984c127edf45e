package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code codes_predict} through real HTTP: codes from the built-in table with evidence, filters, documents. */
class CodesTest {

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
    void cueWordsPredictCodesWithTheirEvidence() {
        String text = "Sore throat and fever for three days. Known diabetes.";
        JsonNode answer = predict("{\"system\":[\"icd10cm-outpatient\"],\"context\":[{\"type\":\"text\",\"text\":\""
                + text + "\"}]}");

        assertThat(codes(answer.get("codes"))).containsExactly("J02.9", "R50.9");
        JsonNode pharyngitis = answer.get("codes").get(0);
        assertThat(pharyngitis.get("display").asText()).isEqualTo("Acute pharyngitis, unspecified");
        JsonNode evidence = pharyngitis.get("evidences").get(0);
        assertThat(evidence.get("contextIndex").asInt()).isZero();
        assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt()))
                .isEqualTo(evidence.get("text").asText()).isEqualTo("Sore throat");
        assertThat(pharyngitis.get("alternatives")).extracting(a -> a.get("code").asText())
                .containsExactly("J02.0", "J03.90");
        assertThat(codes(answer.get("candidates"))).containsExactly("E11.9"); // "diabetes" alone is a weak cue
        assertThat(answer.get("usageInfo").get("creditsConsumed").asDouble()).isPositive();
        assertThat(predict("{\"system\":[\"icd10cm-outpatient\"],\"context\":[{\"type\":\"text\",\"text\":\""
                + text + "\"}]}")).isEqualTo(answer);
    }

    @Test
    void eachSystemGetsItsOwnCodeFormAndFiltersApply() {
        String context = "[{\"type\":\"text\",\"text\":\"Chronic cough.\"},"
                + "{\"type\":\"text\",\"text\":\"Type 2 diabetes and hypertension. Short arm splint applied.\"}]";
        JsonNode answer = predict("{\"system\":[\"icd10int-outpatient\",\"icd10cm-inpatient\",\"cpt\",\"ops\"],"
                + "\"context\":" + context + "}");

        assertThat(answer.get("codes")).extracting(c -> c.get("system").asText() + " " + c.get("code").asText())
                .containsExactly("icd10int-outpatient R05", "icd10int-outpatient E11.9", "icd10int-outpatient I10",
                        "icd10cm-inpatient R05.9", "icd10cm-inpatient E11.9", "icd10cm-inpatient I10",
                        "cpt 29125");
        assertThat(answer.get("codes").get(1).get("evidences").get(0).get("contextIndex").asInt()).isEqualTo(1);

        JsonNode filtered = predict("{\"system\":[\"icd10cm-outpatient\"],\"context\":" + context
                + ",\"filter\":{\"include\":[\"E11\",\"I\"],\"exclude\":[\"I10\"]}}");
        assertThat(codes(filtered.get("codes"))).containsExactly("E11.9");
    }

    @Test
    void aDocumentIdReadsTheStoredDocumentsText() {
        String interaction = http.interaction(token, "base");
        String document = RawHttp.json(http.call("POST", "/interactions/" + interaction + "/documents/", token, "base",
                "{\"templateKey\":\"corti-brief-clinical-note\",\"outputLanguage\":\"en\",\"context\":[{\"type\":"
                        + "\"string\",\"data\":\"Low back pain after lifting.\"}]}")).get("id").asText();

        JsonNode answer = predict("{\"system\":[\"icd10cm-outpatient\"],\"context\":[{\"type\":\"documentId\","
                + "\"documentId\":\"" + document + "\"}]}");

        assertThat(codes(answer.get("codes"))).containsExactly("M54.50");
        HttpResponse<String> unknown = http.call("POST", "/tools/coding/", token, "base", "{\"system\":[\"cpt\"],"
                + "\"context\":[{\"type\":\"documentId\",\"documentId\":\"" + UUID.randomUUID() + "\"}]}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(unknown).get("detail").asText()).contains("context[0].documentId");
        String other = http.token("other");
        assertThat(http.call("POST", "/tools/coding/", other, "other", "{\"system\":[\"cpt\"],\"context\":[{"
                + "\"type\":\"documentId\",\"documentId\":\"" + document + "\"}]}").statusCode()).isEqualTo(404);
        HttpResponse<String> notUuid = http.call("POST", "/tools/coding/", token, "base", "{\"system\":[\"cpt\"],"
                + "\"context\":[{\"type\":\"documentId\",\"documentId\":\"doc123\"}]}");
        assertThat(notUuid.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(notUuid).path("validationErrors").get(0).has("context[0].documentId")).isTrue();
    }

    @Test
    void invalidRequestsNameTheField() {
        HttpResponse<String> noSystem = http.call("POST", "/tools/coding/", token, "base",
                "{\"system\":[],\"context\":[{\"type\":\"text\",\"text\":\"x\"}]}");
        assertThat(noSystem.statusCode()).isEqualTo(400);
        assertThat(noSystem.body()).contains("\"system\"");
        HttpResponse<String> twice = http.call("POST", "/tools/coding/", token, "base",
                "{\"system\":[\"cpt\",\"cpt\"],\"context\":[]}");
        assertThat(twice.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownSystem = http.call("POST", "/tools/coding/", token, "base",
                "{\"system\":[\"icd11\"],\"context\":[]}");
        assertThat(unknownSystem.statusCode()).isEqualTo(400);
        assertThat(unknownSystem.body()).contains("system[0]");
        HttpResponse<String> emptyText = http.call("POST", "/tools/coding/", token, "base",
                "{\"system\":[\"cpt\"],\"context\":[{\"type\":\"text\",\"text\":\"\"}]}");
        assertThat(emptyText.statusCode()).isEqualTo(400);
        assertThat(emptyText.body()).contains("context[0]");
    }

    private static JsonNode predict(String body) {
        HttpResponse<String> response = http.call("POST", "/tools/coding/", token, "base", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RawHttp.json(response);
    }

    private static List<String> codes(JsonNode records) {
        List<String> codes = new ArrayList<>();
        records.forEach(record -> codes.add(record.get("code").asText()));
        return codes;
    }
}
