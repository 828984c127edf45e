package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.emulator.spec.SpecSchemas;
import ai.corti.emulator.spec.StrictModels;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the spec, in success and in error, answers what the spec promises: a sweep of calls whose
 * recorded answers pass both independent checks, the spec's schemas ({@link SpecConformance}) and a strict read into
 * the SDK's generated models ({@link StrictModels}). And the emulator serves exactly the spec's operations.
 */
class LifecycleConformanceTest {

    @Test
    void theEmulatorServesEveryOperationOfThePackagedSpec() {
        assertThat(new TreeSet<>(CortiOperations.all())).isEqualTo(new TreeSet<>(SpecSchemas.shared().operationIds()));
    }

    @Test
    void everyAnswerOfEveryOperationConformsToTheSpec() {
        try (CortiEmulator emulator = CortiEmulator.builder().transcriptProcessingTime(Duration.ofSeconds(4)).start()) {
            RawHttp http = new RawHttp(emulator);
            String token = http.token("base");
            String id = http.interaction(token, "base");
            String in = "/interactions/" + id;
            Set<Integer> statuses = new TreeSet<>();
            Set<String> operations = new TreeSet<>();
            List<String> problems = new ArrayList<>();
            String missing = "/interactions/" + UUID.randomUUID();

            http.call("GET", "/interactions/?pageSize=5", token, "base", null);
            http.call("PATCH", in, token, "base", "{\"encounter\":{\"title\":\"Lifecycle\"}}");
            http.call("GET", in, token, "base", null);
            String recording = RawHttp.json(http.upload(token, "base", id, RecordingsTest.randomBytes(4096, 3)))
                    .get("recordingId").asText();
            http.upload(token, "base", id, new byte[0]);
            http.upload(token, "base", missing.substring(14), new byte[] {1});
            http.call("POST", in + "/recordings/", token, "base", "{}");
            http.call("GET", in + "/recordings/", token, "base", null);
            http.download(token, "base", id, recording);
            http.call("GET", in + "/recordings/" + UUID.randomUUID(), token, "base", null);
            http.call("GET", in + "/recordings/x", token, "base", null);

            String transcript = RawHttp.json(http.call("POST", in + "/transcripts/", token, "base",
                    "{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\",\"diarize\":true}"))
                    .get("id").asText();
            String async = RawHttp.json(http.call("POST", in + "/transcripts/", token, "base",
                    "{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\",\"async\":true}"))
                    .get("id").asText();
            emulator.faults().failNextTranscriptions(1);
            http.call("POST", in + "/transcripts/", token, "base", "{\"recordingId\":\"" + recording
                    + "\",\"primaryLanguage\":\"en\"}");
            http.call("POST", in + "/transcripts/", token, "base", "{\"recordingId\":\"" + UUID.randomUUID()
                    + "\",\"primaryLanguage\":\"en\"}");
            http.call("POST", in + "/transcripts/", token, "base", "{\"primaryLanguage\":1}");
            http.call("GET", in + "/transcripts/" + async, token, "base", null);
            http.call("GET", in + "/transcripts/" + async + "/status", token, "base", null);
            emulator.advanceClock(Duration.ofSeconds(2));
            http.call("GET", in + "/transcripts/?full=true", token, "base", null);
            http.call("GET", in + "/transcripts/", token, "base", null);
            emulator.advanceClock(Duration.ofSeconds(2));
            http.call("GET", in + "/transcripts/" + async + "/status", token, "base", null);
            http.call("GET", in + "/transcripts/" + transcript, token, "base", null);
            http.call("GET", in + "/transcripts/" + UUID.randomUUID() + "/status", token, "base", null);
            http.call("GET", in + "/transcripts/", "bogus", "base", null);
            http.call("DELETE", in + "/transcripts/" + transcript, token, "base", null);

            http.call("GET", "/factgroups/", token, "base", null);
            String fact = RawHttp.json(http.call("POST", in + "/facts/", token, "base",
                    "{\"facts\":[{\"text\":\"Penicillin allergy\",\"group\":\"allergies\"}]}")).get("facts").get(0)
                    .get("id").asText();
            http.call("POST", in + "/facts/", token, "base", "{\"facts\":[{\"text\":\"x\",\"group\":\"nope\"}]}");
            http.call("GET", in + "/facts/", token, "base", null);
            http.call("PATCH", in + "/facts/" + fact, token, "base", "{\"isDiscarded\":true}");
            http.call("PATCH", in + "/facts/", token, "base", "{\"facts\":[{\"factId\":\"" + fact
                    + "\",\"text\":\"Penicillin allergy (rash)\",\"isDiscarded\":false}]}");
            http.call("PATCH", in + "/facts/", token, "base", "{\"facts\":[{\"factId\":\"" + UUID.randomUUID()
                    + "\"}]}");

            String document = RawHttp.json(http.call("POST", in + "/documents/", token, "base",
                    "{\"templateKey\":\"corti-soap\",\"outputLanguage\":\"en\",\"context\":[{\"type\":\"facts\","
                            + "\"data\":[{\"text\":\"Fever\",\"group\":\"vitals\",\"source\":\"user\"}]}]}"))
                    .get("id").asText();
            http.call("POST", in + "/documents/", token, "base", "{\"templateKey\":\"nope\",\"outputLanguage\":\"en\","
                    + "\"context\":[]}");
            http.call("GET", in + "/documents/", token, "base", null);
            http.call("GET", in + "/documents/" + document + "?context=true", token, "base", null);
            http.call("PATCH", in + "/documents/" + document, token, "base", "{\"sections\":[{\"key\":"
                    + "\"corti-plan\",\"text\":\"Rest\"}]}");
            http.call("GET", in + "/documents/" + UUID.randomUUID(), token, "base", null);
            http.call("GET", "/templates/", token, "base", null);
            http.call("GET", "/templates/corti-soap", token, "base", null);
            http.call("GET", "/templates/unknown", token, "base", null);
            http.call("GET", "/templateSections/?lang=da", token, "base", null);

            http.call("POST", "/tools/coding/", token, "base", "{\"system\":[\"icd10cm-outpatient\",\"cpt\"],"
                    + "\"context\":[{\"type\":\"text\",\"text\":\"Fever and a sore throat; short arm splint.\"},"
                    + "{\"type\":\"documentId\",\"documentId\":\"" + document + "\"}]}");
            http.call("POST", "/tools/coding/", token, "base", "{\"system\":[],\"context\":[]}");

            String templates = http.call("GET", "/documents/templates/", token, "base", null).body();
            String soap = RawHttp.json(templates).get(0).get("id").asText();
            http.call("GET", "/documents/sections/?lang=en&label=a:b", token, "base", null);
            http.call("POST", "/documents/", token, "base", "{\"outputLanguage\":\"en\",\"interactionId\":\"" + id
                    + "\",\"templateRef\":{\"templateId\":\"" + soap + "\"}}");
            http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/documents/"))
                    .header("Authorization", "Bearer " + token).header("Tenant-Name", "base")
                    .header("Content-Type", "application/json").header("X-Corti-Retention-Policy", "none")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"outputLanguage\":\"en\",\"dynamicTemplate\":{"
                            + "\"name\":\"d\",\"generation\":{\"instructions\":{\"prompt\":\"p\"},\"sections\":[{"
                            + "\"heading\":\"Plan\",\"instructions\":{\"contentPrompt\":\"c\"},\"outputSchema\":{"
                            + "\"type\":\"object\",\"fieldFormat\":\"{next}\",\"fields\":[{\"key\":\"next\","
                            + "\"description\":\"review\",\"value\":{\"type\":\"array\",\"items\":{\"type\":"
                            + "\"string\"}}}]}}]}},\"context\":[{\"type\":\"facts\",\"facts\":[{\"text\":"
                            + "\"Review in a week\",\"group\":\"plan\"}]}]}")));
            http.call("POST", "/documents/", token, "base", "{\"outputLanguage\":\"en\"}");
            http.call("POST", "/documents/", token, "base", "{\"outputLanguage\":\"en\",\"templateRef\":{"
                    + "\"templateId\":\"" + UUID.randomUUID() + "\"},\"context\":[{\"type\":\"text\",\"text\":\"x\"}]}");
            http.call("GET", "/documents/templates/?source=user", token, "base", null);

            emulator.faults().forOperation(CortiOperations.RECORDINGS_UPLOAD).failNext(1, 503);
            http.upload(token, "base", id, new byte[] {1});
            try (CortiEmulator small = CortiEmulator.builder().recordingMemoryLimit(10).start()) {
                RawHttp smallHttp = new RawHttp(small);
                String smallToken = smallHttp.token("base");
                smallHttp.upload(smallToken, "base", smallHttp.interaction(smallToken, "base"), new byte[11]);
                conforms(small.exchanges(), statuses, problems, operations); // a 413 of the emulator-wide limit
            }
            http.call("DELETE", in + "/recordings/" + recording, token, "base", null);
            http.call("DELETE", in + "/documents/" + document, token, "base", null);
            http.call("DELETE", in, token, "base", null);
            http.call("DELETE", in, token, "base", null);
            http.call("GET", in + "/facts/", token, "base", null);

            conforms(emulator.exchanges(), statuses, problems, operations);

            assertThat(problems).isEmpty();
            assertThat(statuses).containsExactly(200, 201, 202, 204, 400, 401, 404, 413, 415, 422, 503);
            assertThat(operations).containsAll(CortiOperations.all());
        }
    }

    @Test
    void theChecksCatchBinaryEmptyAsynchronousAndListAnswersThatDepart() {
        SpecConformance conformance = SpecConformance.packaged();

        assertThat(conformance.violations(CortiOperations.RECORDINGS_GET, 200, "application/json", null, "{}"))
                .singleElement().asString().contains("application/octet-stream");
        assertThat(conformance.violations(CortiOperations.RECORDINGS_GET, 200, "application/octet-stream", null,
                "<binary, 3 bytes>")).isEmpty();
        assertThat(conformance.violations(CortiOperations.RECORDINGS_DELETE, 204, "application/json", null, "{}"))
                .hasSize(2);
        assertThat(conformance.violations(CortiOperations.RECORDINGS_DELETE, 200, "", null, ""))
                .singleElement().asString().contains("no such success status");
        assertThat(conformance.violations(CortiOperations.TRANSCRIPTS_CREATE, 202, "application/json", null,
                "{\"id\":\"" + UUID.randomUUID() + "\"}")).anyMatch(p -> p.contains("status: is required"));
        assertThat(conformance.violations(CortiOperations.TRANSCRIPTS_GET, 202, "application/json", null, "{}"))
                .singleElement().asString().contains("no such success status");
        assertThat(conformance.violations(CortiOperations.TRANSCRIPTS_LIST, 401, "", "Bearer realm=\"corti\"", ""))
                .anyMatch(p -> p.contains("empty"));
        assertThat(conformance.violations(CortiOperations.RECORDINGS_LIST, 401, "application/problem+json",
                "Bearer realm=\"corti\"", "{}")).singleElement().asString().contains("no body");
        assertThat(conformance.violations(CortiOperations.GUIDED_TEMPLATES_LIST, 200, "application/json", null,
                "[{\"id\":\"x\"}]")).anyMatch(p -> p.contains("[0].id")).anyMatch(p -> p.contains("name"));
        assertThat(StrictModels.problems(CortiOperations.GUIDED_SECTIONS_LIST, 200, "[{\"surprise\":1}]"))
                .isNotEmpty();
        assertThat(StrictModels.problems(CortiOperations.FACTS_CREATE, 200, "{\"facts\":[{\"createdAt\":"
                + "\"2026-01-01T00:00:00Z\"}]}")).isNotEmpty();
        assertThat(StrictModels.problems(CortiOperations.RECORDINGS_GET, 200, "<binary, 3 bytes>")).isEmpty();
    }

    private static void conforms(List<RecordedExchange> exchanges, Set<Integer> statuses, List<String> problems,
                                 Set<String> operations) {
        SpecConformance conformance = SpecConformance.packaged();
        for (RecordedExchange exchange : exchanges) {
            if (!exchange.isApiCall()) {
                continue;
            }
            statuses.add(exchange.status());
            operations.add(exchange.operationId());
            problems.addAll(conformance.violations(exchange));
            StrictModels.problems(exchange.operationId(), exchange.status(), exchange.responseBody())
                    .forEach(problem -> problems.add(exchange + ": " + problem));
        }
    }
}
