package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.emulator.spec.StrictModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every answer the emulator gives to a broad sweep of calls (successes and every kind of error) conforms to
 * the spec, by two independent checks: the spec's schemas, and a strict read into the SDK's generated models.
 */
class ConformanceTest {

    @Test
    void everyAnswerOfASweepConformsToTheSpec() {
        try (CortiEmulator emulator = CortiEmulator.start()) {
            RawHttp http = new RawHttp(emulator);
            String token = http.token("base");
            String full = "{\"assignedUserId\":\"3C90C3CC-0D44-4B50-8888-8DD25736052A\",\"extra\":true,"
                    + "\"encounter\":{\"identifier\":\"e\",\"status\":\"on-hold\",\"type\":\"inpatient\",\"title\":\"t\","
                    + "\"period\":{\"startedAt\":\"2025-01-01T10:00:00+02:00\",\"endedAt\":\"2025-01-01T11:00:00.5+02:00\"}},"
                    + "\"patient\":{\"identifier\":\"p\",\"name\":\"n\",\"gender\":\"other\","
                    + "\"birthDate\":\"1990-05-05T00:00:00-05:00\",\"pronouns\":\"they\"}}";
            String id = RawHttp.json(http.call("POST", "/interactions/", token, "base", full)).get("interactionId").asText();
            http.call("POST", "/interactions/", token, "base", RawHttp.createBody("bare", "planned", "emergency"));
            http.call("POST", "/interactions", token, "base", "{\"encounter\":{\"status\":\"nope\"}}");
            http.call("POST", "/interactions/", token, "base", "not json");
            http.call("GET", "/interactions/", token, "base", null);
            http.call("GET", "/interactions/?sort=endedAt&direction=asc&encounterStatus=on-hold&patient=p", token, "base",
                    null);
            http.call("GET", "/interactions/?index=99", token, "base", null);
            http.call("GET", "/interactions/?pageSize=-1&sort=bogus", token, "base", null);
            http.call("GET", "/interactions/" + id, token, "base", null);
            http.call("GET", "/interactions/" + UUID.randomUUID(), token, "base", null);
            http.call("GET", "/interactions/123", token, "base", null);
            http.call("PATCH", "/interactions/" + id, token, "base", "{\"assignedUserId\":null,\"encounter\":{\"title\":null}}");
            http.call("PATCH", "/interactions/" + id, token, "base", "{\"patient\":{\"identifier\":\"p\",\"gender\":null}}");
            http.call("PATCH", "/interactions/" + id, token, "base", "{\"encounter\":{\"type\":\"ward\"}}");
            http.call("PATCH", "/interactions/" + UUID.randomUUID(), token, "base", "{}");
            http.call("GET", "/interactions/", null, "base", null);
            http.call("GET", "/interactions/", "stale", "base", null);
            http.call("GET", "/interactions/", token, null, null);
            http.call("GET", "/interactions/", token, "other", null);
            http.call("DELETE", "/interactions/", token, "base", null);
            http.call("GET", "/recordings/", token, "base", null);
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl() + "/interactions/"))
                    .header("Authorization", "Bearer " + token).header("Tenant-Name", "base")
                    .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("hi")));
            emulator.faults().failNext(1, 503).failNext(1, 504).failNext(1, 429, java.time.Duration.ofSeconds(1));
            http.call("GET", "/interactions/" + id, token, "base", null);
            http.call("POST", "/interactions/", token, "base", full);
            http.call("GET", "/interactions/", token, "base", null);

            List<RecordedExchange> exchanges = emulator.exchanges();
            Set<Integer> statuses = new TreeSet<>();
            List<String> problems = new ArrayList<>();
            SpecConformance conformance = SpecConformance.packaged();
            for (RecordedExchange exchange : exchanges) {
                if (RecordedExchange.TOKEN.equals(exchange.operationId())) {
                    continue;
                }
                statuses.add(exchange.status());
                problems.addAll(conformance.violations(exchange));
                StrictModels.modelFor(String.valueOf(exchange.operationId()), exchange.status())
                        .ifPresent(model -> StrictModels.problems(exchange.responseBody(), model)
                                .forEach(p -> problems.add(exchange + ": " + p)));
            }

            assertThat(problems).isEmpty();
            assertThat(statuses).containsExactly(200, 201, 400, 401, 403, 404, 405, 415, 429, 503, 504);
        }
    }

    @Test
    void theChecksCatchAnAnswerThatDepartsFromTheSpec() {
        SpecConformance conformance = SpecConformance.packaged();
        String bad = "{\"id\":\"x\",\"encounter\":{\"status\":\"archived\"},\"createdAt\":\"2025-01-01T10:00:00+02:00\","
                + "\"surprise\":1}";

        assertThat(conformance.violations("interactions_get", 200, "application/json", null, bad))
                .anyMatch(p -> p.contains("id: must be a UUID"))
                .anyMatch(p -> p.contains("encounter.status"))
                .anyMatch(p -> p.contains("createdAt: must be in UTC"))
                .anyMatch(p -> p.contains("surprise"))
                .anyMatch(p -> p.contains("assignedUserId: is required"));
        assertThat(conformance.violations("interactions_get", 404, "application/json", null,
                "{\"requestid\":\"r\",\"status\":404,\"type\":\"t\",\"detail\":\"d\"}"))
                .anyMatch(p -> p.contains("application/problem+json"));
        assertThat(conformance.violations("interactions_get", 401, "", null, "{}")).hasSize(2);
        assertThat(StrictModels.problems(bad, ai.corti.client.model.InteractionsGetResponse.class)).isNotEmpty();
        assertThat(StrictModels.problems("{\"interactionId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\"}",
                ai.corti.client.model.InteractionsCreateResponse.class))
                .anyMatch(p -> p.contains("websocketUrl: required"));
    }
}
