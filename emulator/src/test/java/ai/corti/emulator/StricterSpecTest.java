package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator enforces schema keywords the packaged spec does not use yet: each test starts it on a copy of the
 * packaged document with {@code maxLength}, {@code pattern}, {@code minimum}/{@code maximum} (also OpenAPI 3.0's
 * boolean {@code exclusiveMaximum}) and {@code oneOf} (with and without a discriminator) added, and shows a request
 * that breaks one refused with a 400 naming the field, and an answer that breaks one caught by the emulator's
 * self-check (a 500 naming it) instead of being sent.
 */
@Timeout(60)
class StricterSpecTest {

    /** Requests: stricter request schemas and query parameters. */
    @Nested
    class Requests {

        private static CortiEmulator emulator;
        private static RawHttp http;
        private static String token;

        @BeforeAll
        static void start() {
            ObjectNode document = copyOfThePackagedDocument();
            schemaAt(document, "/components/schemas/InteractionsEncounterCreateRequest/properties/identifier")
                    .put("maxLength", 10);
            schemaAt(document, "/components/schemas/InteractionsPatient/properties/identifier")
                    .put("pattern", "^p-[0-9]+$");
            listParameter(document, "pageSize").put("minimum", 2).put("maximum", 50);
            replace(document, "/components/schemas/InteractionsEncounterCreateRequest/properties", "title", """
                    {"nullable": true, "oneOf": [
                      {"type": "string", "maxLength": 5, "title": "Short"},
                      {"type": "string", "pattern": "^Dr ", "title": "Doctor"}]}""");
            // A discriminated oneOf, with the mapping written as objects as Corti's pages write it.
            replace(document, "/components/schemas/InteractionsCreateRequest/properties", "context", """
                    {"oneOf": [{"$ref": "#/components/schemas/TextContext"}, {"$ref": "#/components/schemas/FactsContext"}],
                     "discriminator": {"propertyName": "type", "mapping": {
                       "text": {"$ref": "#/components/schemas/TextContext"},
                       "facts": {"$ref": "#/components/schemas/FactsContext"}}}}""");
            replace(document, "/components/schemas", "TextContext", """
                    {"type": "object", "required": ["type", "text"],
                     "properties": {"type": {"type": "string", "enum": ["text"]}, "text": {"type": "string"}}}""");
            replace(document, "/components/schemas", "FactsContext", """
                    {"type": "object", "required": ["type", "facts"],
                     "properties": {"type": {"type": "string", "enum": ["facts"]},
                                    "facts": {"type": "array", "items": {"type": "string"}}}}""");
            emulator = CortiEmulator.builder().spec(SpecSchemas.of(document)).start();
            http = new RawHttp(emulator);
            token = http.token("base");
        }

        @AfterAll
        static void stop() {
            emulator.close();
        }

        @Test
        void aRequestWithinEveryAddedKeywordIsServedAndItsAnswersPassTheSelfCheck() {
            HttpResponse<String> created = post("{\"encounter\":{\"identifier\":\"enc-1\",\"status\":\"planned\","
                    + "\"type\":\"consultation\",\"title\":\"Dr Who\"},\"patient\":{\"identifier\":\"p-42\"},"
                    + "\"context\":{\"type\":\"text\",\"text\":\"Patient reports a cough.\"}}");

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = RawHttp.json(created).get("interactionId").asText();
            assertThat(http.call("GET", "/interactions/" + id, token, "base", null).statusCode()).isEqualTo(200);
            // Its own tenant: an interaction created without a patient is answered with "identifier": "", which
            // this stricter pattern rightly refuses, so the other tests' interactions must stay out of the list.
            assertThat(http.call("POST", "/interactions/", "keywords", "{\"encounter\":{\"identifier\":\"enc-1\","
                    + "\"status\":\"planned\",\"type\":\"consultation\"},\"patient\":{\"identifier\":\"p-1\"}}")
                    .statusCode()).isEqualTo(201);
            assertThat(http.call("GET", "/interactions/?pageSize=2", "keywords", null).statusCode()).isEqualTo(200);
            assertThat(post("{\"encounter\":{\"identifier\":\"enc-2\",\"status\":\"planned\",\"type\":\"consultation\","
                    + "\"title\":null}}").statusCode()).as("title stays nullable").isEqualTo(201);
        }

        @Test
        void maxLength() {
            assertThat(errors(post(RawHttp.createBody("encounter-0042", "planned", "consultation"))))
                    .containsExactly(Map.of("encounter.identifier", "must be at most 10 characters long (was 14)"));
        }

        @Test
        void patternOnACreateAndOnAnUpdate() {
            HttpResponse<String> created = post(RawHttp.createBody("enc-3", "planned", "consultation"));
            String id = RawHttp.json(created).get("interactionId").asText();

            assertThat(errors(post("{\"encounter\":{\"identifier\":\"e\",\"status\":\"planned\",\"type\":\"consultation\"},"
                    + "\"patient\":{\"identifier\":\"42\"}}")))
                    .containsExactly(Map.of("patient.identifier", "must match the pattern ^p-[0-9]+$ (was '42')"));
            assertThat(errors(http.call("PATCH", "/interactions/" + id, token, "base", "{\"patient\":{\"identifier\":\"x\"}}")))
                    .containsExactly(Map.of("patient.identifier", "must match the pattern ^p-[0-9]+$ (was 'x')"));
        }

        @Test
        void minimumAndMaximumOnAQueryParameter() {
            assertThat(errors(http.call("GET", "/interactions/?pageSize=1", token, "base", null)))
                    .containsExactly(Map.of("pageSize", "must be at least 2 (was 1)"));
            assertThat(errors(http.call("GET", "/interactions/?pageSize=51", token, "base", null)))
                    .containsExactly(Map.of("pageSize", "must be at most 50 (was 51)"));
        }

        @Test
        void oneOfMatchesExactlyOneAlternative() {
            assertThat(errors(post(withTitle("Dr X")))).containsExactly(Map.of("encounter.title",
                    "must match exactly one of: Short, Doctor (it matched 2: Short, Doctor)"));
            assertThat(errors(post(withTitle("Professor")))).containsExactly(Map.of("encounter.title",
                    "must match exactly one of: Short, Doctor (it matched none)"));
            assertThat(post(withTitle("Tea")).statusCode()).isEqualTo(201);
        }

        @Test
        void aDiscriminatedOneOfReportsTheChosenAlternativesErrors() {
            assertThat(errors(post(withContext("{\"type\":\"text\"}"))))
                    .containsExactly(Map.of("context.text", "is required"));
            assertThat(errors(post(withContext("{\"type\":\"facts\",\"facts\":[\"cough\",3]}"))))
                    .containsExactly(Map.of("context.facts[1]", "must be a string (was 3)"));
            assertThat(errors(post(withContext("{\"type\":\"audio\"}"))))
                    .containsExactly(Map.of("context.type", "must be one of text, facts (was 'audio')"));
        }

        private HttpResponse<String> post(String body) {
            return http.call("POST", "/interactions/", token, "base", body);
        }

        private static String withTitle(String title) {
            return "{\"encounter\":{\"identifier\":\"e\",\"status\":\"planned\",\"type\":\"consultation\",\"title\":\""
                    + title + "\"}}";
        }

        private static String withContext(String context) {
            return "{\"encounter\":{\"identifier\":\"e\",\"status\":\"planned\",\"type\":\"consultation\"},\"context\":"
                    + context + "}";
        }
    }

    /** Answers: response schemas the emulator's own answers can break, caught before they are sent. */
    @Nested
    class Answers {

        private static CortiEmulator emulator;
        private static RawHttp http;
        private static String token;

        @BeforeAll
        static void start() {
            ObjectNode document = copyOfThePackagedDocument();
            // Only the answer's schema is stricter: the request is accepted, the answer would depart.
            schemaAt(document, "/components/schemas/InteractionsEncounterResponse/properties/title")
                    .put("maxLength", 20).put("pattern", "^[A-Z]");
            replace(document, "/components/schemas/InteractionsEncounterResponse/properties", "identifier", """
                    {"oneOf": [{"type": "string", "maxLength": 10, "title": "Short"},
                               {"type": "string", "pattern": "^enc-", "title": "Prefixed"}]}""");
            schemaAt(document, "/components/schemas/ErrorResponse/properties/status")
                    .put("minimum", 401).put("maximum", 503).put("exclusiveMaximum", true);
            emulator = CortiEmulator.builder().spec(SpecSchemas.of(document)).start();
            http = new RawHttp(emulator);
            token = http.token("base");
        }

        @AfterAll
        static void stop() {
            emulator.close();
        }

        @Test
        void anAnswerWithinTheSchemasIsSent() {
            String id = create("x1", "Fine title");

            assertThat(get(id).statusCode()).isEqualTo(200);
            assertThat(http.call("GET", "/interactions/f47ac10b-58cc-4372-a567-0e02b2c3d479", token, "base", null)
                    .statusCode()).as("a 404 is within 401..503").isEqualTo(404);
        }

        @Test
        void maxLengthAndPatternOnAnAnswer() {
            String tooLong = create("x2", "A title far longer than twenty");
            String lowerCase = create("x3", "lower case");

            assertThat(departure(get(tooLong)))
                    .contains("encounter.title: must be at most 20 characters long (was 30)");
            assertThat(departure(get(lowerCase)))
                    .contains("encounter.title: must match the pattern ^[A-Z] (was 'lower case')");
        }

        @Test
        void oneOfOnAnAnswerInAGetAndInAList() {
            String both = create("enc-1", "Title");

            assertThat(departure(get(both))).contains(
                    "encounter.identifier: must match exactly one of: Short, Prefixed (it matched 2: Short, Prefixed)");
            assertThat(departure(http.call("GET", "/interactions/?pageSize=100", token, "base", null)))
                    .containsPattern("interactions\\[\\d+]\\.encounter\\.identifier: must match exactly one of");
        }

        @Test
        void minimumAndOpenApi30sExclusiveMaximumOnAnErrorAnswer() {
            HttpResponse<String> invalid = http.call("POST", "/interactions/", token, "base", "{}");
            emulator.faults().failNext(1, 503);
            HttpResponse<String> injected = http.call("GET", "/interactions/", token, "base", null);

            assertThat(departure(invalid)).contains("interactions_create 400: status: must be at least 401 (was 400)");
            assertThat(departure(injected)).contains("interactions_list 503: status: must be less than 503 (was 503)");
        }

        private String create(String identifier, String title) {
            HttpResponse<String> created = http.call("POST", "/interactions/", token, "base",
                    "{\"encounter\":{\"identifier\":\"" + identifier + "\",\"status\":\"planned\","
                            + "\"type\":\"consultation\",\"title\":\"" + title + "\"}}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return RawHttp.json(created).get("interactionId").asText();
        }

        private HttpResponse<String> get(String id) {
            return http.call("GET", "/interactions/" + id, token, "base", null);
        }

        /** The 500 the self-check answers instead of a departing answer, and what it names. */
        private static String departure(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
            String detail = RawHttp.json(response).get("detail").asText();
            assertThat(detail).startsWith("The emulator produced an answer that departs from the spec");
            return detail;
        }
    }

    private static ObjectNode copyOfThePackagedDocument() {
        return SpecSchemas.shared().document().deepCopy();
    }

    private static ObjectNode schemaAt(ObjectNode document, String pointer) {
        JsonNode schema = document.at(pointer);
        assertThat(schema.isObject()).as("the packaged document has a schema at " + pointer).isTrue();
        return (ObjectNode) schema;
    }

    private static void replace(ObjectNode document, String parentPointer, String name, String json) {
        try {
            schemaAt(document, parentPointer).set(name, RawHttp.JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The schema of one of {@code interactions_list}'s query parameters. */
    private static ObjectNode listParameter(ObjectNode document, String name) {
        for (JsonNode parameter : document.at("/paths/~1interactions~1/get/parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return (ObjectNode) parameter.get("schema");
            }
        }
        throw new IllegalStateException("interactions_list has no parameter " + name);
    }

    private static List<Map<String, String>> errors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        List<Map<String, String>> errors = new ArrayList<>();
        for (JsonNode error : RawHttp.json(response).path("validationErrors")) {
            error.fieldNames().forEachRemaining(name -> errors.add(Map.of(name, error.get(name).asText())));
        }
        return errors;
    }
}
