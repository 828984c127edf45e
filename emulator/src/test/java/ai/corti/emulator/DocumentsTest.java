package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Classic documents and templates through real HTTP: generation from each kind of context, listing, updates. */
class DocumentsTest {

    private static final String FACTS_CONTEXT = "[{\"type\":\"facts\",\"data\":["
            + "{\"text\":\"Sore throat for three days\",\"group\":\"history-of-present-illness\",\"source\":\"user\"},"
            + "{\"text\":\"Temperature 38.5 C\",\"group\":\"vitals\",\"source\":\"core\"},"
            + "{\"text\":\"Rest and fluids\",\"group\":\"plan\",\"source\":\"core\"}]}]";

    private static CortiEmulator emulator;
    private static RawHttp http;
    private static String token;
    private String interaction;

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

    @BeforeEach
    void fresh() {
        emulator.reset();
        interaction = http.interaction(token, "base");
    }

    @Test
    void aSoapNoteFromFactsPutsEachFactInItsSection() {
        HttpResponse<String> created = create("{\"templateKey\":\"corti-soap\",\"outputLanguage\":\"en\","
                + "\"context\":" + FACTS_CONTEXT + "}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode document = RawHttp.json(created);
        assertThat(document.get("name").asText()).isEqualTo("SOAP Note");
        assertThat(document.get("templateRef").asText()).isEqualTo("corti-soap");
        assertThat(sections(document)).containsExactly(
                Map.entry("corti-subjective", "Sore throat for three days."),
                Map.entry("corti-objective", "Temperature 38.5 C."),
                Map.entry("corti-assessment", DocumentWriter.NOTHING),
                Map.entry("corti-plan", "Rest and fluids."));
        JsonNode again = RawHttp.json(create("{\"templateKey\":\"corti-soap\",\"outputLanguage\":\"en\","
                + "\"context\":" + FACTS_CONTEXT + "}"));
        assertThat(sections(again)).isEqualTo(sections(document));
    }

    @Test
    void transcriptUtterancesAndTextArePlacedByCueWordsAndQuestionsLeftOut() {
        HttpResponse<String> created = create("{\"templateKey\":\"corti-soap\",\"outputLanguage\":\"en\",\"name\":\"Visit\","
                + "\"context\":[{\"type\":\"transcript\",\"data\":{\"channel\":0,\"participant\":1,\"speakerId\":1,"
                + "\"text\":\"I have had a cough since Monday.\",\"start\":0,\"end\":2000}},"
                + "{\"type\":\"transcript\",\"data\":{\"text\":\"Any allergies?\"}},"
                + "{\"type\":\"string\",\"data\":\"Blood pressure is 120 over 80. We will review in two weeks.\"}]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<String, String> sections = sections(RawHttp.json(created));
        assertThat(sections.get("corti-subjective")).isEqualTo("I have had a cough since Monday.");
        assertThat(sections.get("corti-objective")).isEqualTo("Blood pressure is 120 over 80.");
        assertThat(sections.get("corti-plan")).isEqualTo("We will review in two weeks.");
        assertThat(String.join(" ", sections.values())).doesNotContain("Any allergies");
        assertThat(RawHttp.json(created).get("name").asText()).isEqualTo("Visit");
    }

    @Test
    void aDynamicSelectionOfSectionsReplacesTheTemplates() {
        JsonNode sectionList = RawHttp.json(http.call("GET", "/templateSections/", token, "base", null)).get("data");
        assertThat(sectionList).extracting(s -> s.get("key").asText()).contains("corti-allergies", "corti-plan");

        JsonNode document = RawHttp.json(create("{\"templateKey\":\"corti-soap\",\"outputLanguage\":\"en\","
                + "\"template\":{\"sectionKeys\":[\"corti-allergies\",\"corti-plan\"],\"documentName\":\"Short\"},"
                + "\"context\":[{\"type\":\"string\",\"data\":\"I am allergic to penicillin. Come back in a week.\"}]}"));

        assertThat(document.get("name").asText()).isEqualTo("Short");
        assertThat(sections(document)).containsExactly(
                Map.entry("corti-allergies", "I am allergic to penicillin."),
                Map.entry("corti-plan", "Come back in a week."));
    }

    @Test
    void documentsAreListedReadUpdatedByKeyAndDeleted() {
        String id = RawHttp.json(create("{\"templateKey\":\"corti-brief-clinical-note\",\"outputLanguage\":\"da\","
                + "\"context\":[{\"type\":\"string\",\"data\":\"Well patient.\"}]}")).get("id").asText();
        String path = "/interactions/" + interaction + "/documents/" + id;

        assertThat(RawHttp.json(http.call("GET", "/interactions/" + interaction + "/documents/", token, "base", null))
                .get("data")).extracting(d -> d.get("id").asText()).containsExactly(id);
        assertThat(RawHttp.json(http.call("GET", path + "?context=true", token, "base", null)).get("outputLanguage")
                .asText()).isEqualTo("da");

        HttpResponse<String> updated = http.call("PATCH", path, token, "base", "{\"name\":\"Edited\",\"sections\":"
                + "[{\"key\":\"corti-brief-clinical-note\",\"text\":\"Patient well, no findings.\",\"name\":\"Note\"}]}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode document = RawHttp.json(updated);
        assertThat(document.get("name").asText()).isEqualTo("Edited");
        assertThat(document.get("sections").get(0).get("text").asText()).isEqualTo("Patient well, no findings.");
        assertThat(document.get("sections").get(0).get("name").asText()).isEqualTo("Note");
        assertThat(document.get("updatedAt").asText()).isGreaterThan(document.get("createdAt").asText());
        assertThat(emulator.data("base").documents(UUID.fromString(interaction)).get(0).sections())
                .containsExactly(Map.entry("corti-brief-clinical-note", "Patient well, no findings."));

        HttpResponse<String> unknownSection = http.call("PATCH", path, token, "base",
                "{\"sections\":[{\"key\":\"corti-plan\",\"text\":\"x\"}]}");
        assertThat(unknownSection.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(unknownSection).path("validationErrors").get(0).has("sections[0].key")).isTrue();
        assertThat(http.call("DELETE", path, token, "base", null).statusCode()).isEqualTo(204);
        assertThat(http.call("GET", path, token, "base", null).statusCode()).isEqualTo(404);
        assertThat(http.call("GET", "/interactions/" + interaction + "/documents/nope", token, "base", null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void requestsTheEmulatorCannotWriteAreRefusedNamingTheField() {
        assertThat(field(create("{\"templateKey\":\"corti-novel\",\"outputLanguage\":\"en\",\"context\":[]}")))
                .isEqualTo("templateKey");
        assertThat(field(create("{\"templateKey\":\"corti-patient-history\",\"outputLanguage\":\"da\","
                + "\"context\":[]}"))).isEqualTo("outputLanguage");
        assertThat(field(create("{\"templateKey\":\"corti-soap\",\"outputLanguage\":\"en\","
                + "\"context\":[{\"type\":\"facts\",\"data\":\"not a list\"}]}"))).isEqualTo("context[0].data");
        assertThat(field(create("{\"templateKey\":\"corti-soap\",\"outputLanguage\":\"en\","
                + "\"template\":{\"sectionKeys\":[\"corti-plan\",\"corti-nope\"]},\"context\":[]}")))
                .isEqualTo("template.sectionKeys[1]");
        HttpResponse<String> schema = create("{\"outputLanguage\":\"en\",\"context\":[{\"type\":\"video\","
                + "\"data\":\"x\"}]}");
        assertThat(schema.statusCode()).isEqualTo(400);
        assertThat(schema.body()).contains("templateKey").contains("context[0].type");
        assertThat(emulator.data("base").documents(UUID.fromString(interaction))).isEmpty();
    }

    @Test
    void theClassicTemplatesAreListedFilteredAndReadByKey() {
        JsonNode all = RawHttp.json(http.call("GET", "/templates/", token, "base", null)).get("data");
        assertThat(all).extracting(t -> t.get("key").asText())
                .containsExactly("corti-soap", "corti-brief-clinical-note", "corti-patient-history");
        assertThat(all.get(0).get("template_sections")).extracting(s -> s.get("sections_id").get("key").asText())
                .containsExactly("corti-subjective", "corti-objective", "corti-assessment", "corti-plan");
        assertThat(RawHttp.json(http.call("GET", "/templates/?lang=da", token, "base", null)).get("data"))
                .extracting(t -> t.get("key").asText()).containsExactly("corti-soap", "corti-brief-clinical-note");
        assertThat(RawHttp.json(http.call("GET", "/templates/?org=acme", token, "base", null)).get("data")).isEmpty();
        assertThat(RawHttp.json(http.call("GET", "/templates/?templateStatus=draft", token, "base", null))
                .get("data")).isEmpty();
        assertThat(RawHttp.json(http.call("GET", "/templates/corti-soap", token, "base", null)).get("name").asText())
                .isEqualTo("SOAP Note");
        assertThat(http.call("GET", "/templates/corti-novel", token, "base", null).statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(http.call("GET", "/templateSections/?lang=fr", token, "base", null)).get("data"))
                .isEmpty();
    }

    private HttpResponse<String> create(String body) {
        return http.call("POST", "/interactions/" + interaction + "/documents/", token, "base", body);
    }

    private static Map<String, String> sections(JsonNode document) {
        Map<String, String> sections = new LinkedHashMap<>();
        document.get("sections").forEach(section -> sections.put(section.get("key").asText(),
                section.get("text").asText()));
        return sections;
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return RawHttp.json(response).path("validationErrors").get(0).fieldNames().next();
    }
}
