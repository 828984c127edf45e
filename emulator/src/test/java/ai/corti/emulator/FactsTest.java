package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Facts through real HTTP: the fixed groups, create, list, update one, update a batch (all or nothing). */
class FactsTest {

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
    void theFactGroupsAreAFixedCatalogueWithStableIds() {
        JsonNode groups = RawHttp.json(http.call("GET", "/factgroups/", token, "base", null)).get("data");
        JsonNode again = RawHttp.json(http.call("GET", "/factgroups", "other-tenant", null)).get("data");

        assertThat(groups).extracting(group -> group.get("key").asText())
                .contains("allergies", "medications", "vitals", "plan", "other");
        assertThat(again).isEqualTo(groups);
        assertThat(groups.get(0).get("translations")).extracting(t -> t.get("languages_id").asText())
                .containsExactly("en", "da", "de");
    }

    @Test
    void factsAreCreatedListedAndUpdated() {
        HttpResponse<String> created = create("{\"facts\":[{\"text\":\"Penicillin allergy\",\"group\":\"allergies\"},"
                + "{\"text\":\"Takes ibuprofen\",\"group\":\"medications\",\"source\":\"core\"}]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode facts = RawHttp.json(created).get("facts");
        assertThat(facts).hasSize(2);
        assertThat(facts.get(0).get("source").asText()).isEqualTo("user");
        assertThat(facts.get(0).get("isDiscarded").asBoolean()).isFalse();
        assertThat(facts.get(0).has("createdAt")).isFalse(); // FactsCreateItem declares none
        assertThat(facts.get(1).get("source").asText()).isEqualTo("core");
        String allergy = facts.get(0).get("id").asText();
        String groupId = facts.get(0).get("groupId").asText();
        assertThat(groupIdOf("allergies")).isEqualTo(groupId);

        HttpResponse<String> updated = http.call("PATCH", "/interactions/" + interaction + "/facts/" + allergy, token,
                "base", "{\"text\":\"Penicillin allergy (rash)\",\"isDiscarded\":true}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode fact = RawHttp.json(updated);
        assertThat(fact.get("text").asText()).isEqualTo("Penicillin allergy (rash)");
        assertThat(fact.get("isDiscarded").asBoolean()).isTrue();
        assertThat(fact.get("group").asText()).isEqualTo("allergies");
        assertThat(fact.get("updatedAt").asText()).isGreaterThan(fact.get("createdAt").asText());

        JsonNode listed = RawHttp.json(http.call("GET", "/interactions/" + interaction + "/facts/", token, "base",
                null)).get("facts");
        assertThat(listed).extracting(f -> f.get("text").asText())
                .containsExactly("Penicillin allergy (rash)", "Takes ibuprofen");
        assertThat(emulator.data("base").facts(UUID.fromString(interaction)))
                .extracting(TenantData.Fact::group, TenantData.Fact::discarded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("allergies", true),
                        org.assertj.core.groups.Tuple.tuple("medications", false));
    }

    @Test
    void aBatchUpdateChangesEveryListedFactOrNone() {
        List<String> ids = ids(create("{\"facts\":[{\"text\":\"a\",\"group\":\"other\"},"
                + "{\"text\":\"b\",\"group\":\"other\"}]}"));
        String unknown = UUID.randomUUID().toString();

        HttpResponse<String> refused = batch("{\"facts\":[{\"factId\":\"" + ids.get(0) + "\",\"text\":\"A\"},"
                + "{\"factId\":\"" + unknown + "\",\"text\":\"?\"}]}");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(refused).get("detail").asText()).contains(unknown).contains("facts[1].factId");
        assertThat(texts()).containsExactly("a", "b");

        HttpResponse<String> badGroup = batch("{\"facts\":[{\"factId\":\"" + ids.get(0) + "\",\"group\":\"nope\"}]}");
        assertThat(badGroup.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(badGroup).path("validationErrors").get(0).has("facts[0].group")).isTrue();

        HttpResponse<String> done = batch("{\"facts\":[{\"factId\":\"" + ids.get(1) + "\",\"text\":\"B\","
                + "\"group\":\"plan\"},{\"factId\":\"" + ids.get(0) + "\",\"isDiscarded\":true}]}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(RawHttp.json(done).get("facts")).extracting(f -> f.get("id").asText())
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(texts()).containsExactly("a", "B");
    }

    @Test
    void invalidFactsAreRefusedNamingTheField() {
        HttpResponse<String> unknownGroup = create("{\"facts\":[{\"text\":\"x\",\"group\":\"other\"},"
                + "{\"text\":\"y\",\"group\":\"hobbies\"}]}");
        assertThat(unknownGroup.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(unknownGroup).path("validationErrors").get(0).get("facts[1].group").asText())
                .contains("hobbies").contains("allergies");
        HttpResponse<String> missingText = create("{\"facts\":[{\"group\":\"other\"}]}");
        assertThat(missingText.statusCode()).isEqualTo(400);
        assertThat(missingText.body()).contains("facts[0].text");
        HttpResponse<String> badSource = create("{\"facts\":[{\"text\":\"x\",\"group\":\"other\",\"source\":\"me\"}]}");
        assertThat(badSource.statusCode()).isEqualTo(400);
        assertThat(badSource.body()).contains("facts[0].source");
        assertThat(texts()).isEmpty();

        assertThat(http.call("PATCH", "/interactions/" + interaction + "/facts/not-a-uuid", token, "base", "{}")
                .statusCode()).isEqualTo(400);
        assertThat(http.call("PATCH", "/interactions/" + interaction + "/facts/" + UUID.randomUUID(), token, "base",
                "{}").statusCode()).isEqualTo(404);
        assertThat(http.call("GET", "/interactions/" + UUID.randomUUID() + "/facts/", token, "base", null)
                .statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> create(String body) {
        return http.call("POST", "/interactions/" + interaction + "/facts/", token, "base", body);
    }

    private HttpResponse<String> batch(String body) {
        return http.call("PATCH", "/interactions/" + interaction + "/facts/", token, "base", body);
    }

    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        RawHttp.json(http.call("GET", "/interactions/" + interaction + "/facts/", token, "base", null)).get("facts")
                .forEach(fact -> texts.add(fact.get("text").asText()));
        return texts;
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        RawHttp.json(response).get("facts").forEach(fact -> ids.add(fact.get("id").asText()));
        return ids;
    }

    private String groupIdOf(String key) {
        for (JsonNode group : RawHttp.json(http.call("GET", "/factgroups/", token, "base", null)).get("data")) {
            if (group.get("key").asText().equals(key)) {
                return group.get("id").asText();
            }
        }
        throw new AssertionError("no group " + key);
    }
}
