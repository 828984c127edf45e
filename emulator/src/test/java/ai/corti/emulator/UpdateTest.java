package ai.corti.emulator;

import ai.corti.client.core.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.blocking.InteractionsClient;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsUpdateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PATCH merges: absent fields stay, an explicit null clears a nullable field, a nulled assignedUserId gets a
 * new UUID, and updatedAt/lastUpdated move forward.
 */
class UpdateTest {

    private static final String FULL = "{\"assignedUserId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\","
            + "\"encounter\":{\"identifier\":\"enc-1\",\"status\":\"in-progress\",\"type\":\"consultation\","
            + "\"period\":{\"startedAt\":\"2025-02-01T09:00:00Z\",\"endedAt\":\"2025-02-01T09:30:00+01:00\"},"
            + "\"title\":\"Knee pain\"},"
            + "\"patient\":{\"identifier\":\"p-1\",\"name\":\"Ada Lovelace\",\"gender\":\"female\","
            + "\"birthDate\":\"1815-12-10T00:00:00Z\",\"pronouns\":\"she/her\"}}";

    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private CortiEmulator emulator;
    private RawHttp http;
    private String token;
    private String id;

    @BeforeEach
    void createOne() {
        emulator = CortiEmulator.builder().clock(clock).tokenLifetime(Duration.ofHours(1)).start();
        http = new RawHttp(emulator);
        token = http.token("base");
        id = RawHttp.json(http.call("POST", "/interactions/", token, "base", FULL)).get("interactionId").asText();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theStoredInteractionIsCanonical() {
        JsonNode stored = get();

        assertThat(stored.get("encounter").get("period").get("endedAt").asText()).isEqualTo("2025-02-01T08:30:00Z");
        assertThat(stored.get("endedAt").asText()).isEqualTo("2025-02-01T08:30:00Z");
        assertThat(stored.get("createdAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(stored.get("lastUpdated")).isEqualTo(stored.get("updatedAt"));
    }

    @Test
    void absentFieldsAreLeftUntouched() {
        JsonNode before = get();
        clock.advance(Duration.ofMinutes(1));

        JsonNode after = patch("{\"encounter\":{\"title\":\"Knee pain, left\"}}");

        assertThat(after.get("encounter").get("title").asText()).isEqualTo("Knee pain, left");
        assertThat(after.get("encounter").get("status")).isEqualTo(before.get("encounter").get("status"));
        assertThat(after.get("encounter").get("period")).isEqualTo(before.get("encounter").get("period"));
        assertThat(after.get("patient")).isEqualTo(before.get("patient"));
        assertThat(after.get("assignedUserId")).isEqualTo(before.get("assignedUserId"));
        assertThat(after.get("createdAt")).isEqualTo(before.get("createdAt"));
    }

    @Test
    void anExplicitNullClearsEveryNullableField() {
        JsonNode after = patch("{\"encounter\":{\"title\":null,\"period\":{\"startedAt\":\"2025-02-01T09:00:00Z\","
                + "\"endedAt\":null}},\"patient\":{\"identifier\":\"p-1\",\"name\":null,\"gender\":null,"
                + "\"birthDate\":null,\"pronouns\":null}}");

        assertThat(after.get("encounter").has("title")).isFalse();
        assertThat(after.get("encounter").get("period").has("endedAt")).isFalse();
        assertThat(after.has("endedAt")).isFalse();
        assertThat(after.get("patient").fieldNames()).toIterable().containsExactly("identifier");
        assertThat(get()).isEqualTo(after);
    }

    @Test
    void aNulledAssignedUserIdGetsANewUuid() {
        JsonNode after = patch("{\"assignedUserId\":null}");

        assertThat(after.get("assignedUserId").asText()).isNotEqualTo("3c90c3cc-0d44-4b50-8888-8dd25736052a");
        assertThat(UUID.fromString(after.get("assignedUserId").asText())).isNotNull();
    }

    @Test
    void updatedAtAndLastUpdatedAdvanceWithTheClockAndEvenWithoutIt() {
        clock.advance(Duration.ofMinutes(5));
        JsonNode first = patch("{\"encounter\":{\"status\":\"completed\"}}");
        JsonNode second = patch("{\"encounter\":{\"status\":\"completed\"}}"); // the clock did not move

        assertThat(first.get("updatedAt").asText()).isEqualTo("2025-03-01T10:05:00Z");
        assertThat(first.get("lastUpdated")).isEqualTo(first.get("updatedAt"));
        assertThat(Instant.parse(second.get("updatedAt").asText())).isAfter(Instant.parse(first.get("updatedAt").asText()));
        assertThat(second.get("createdAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
    }

    @Test
    void invalidPatchesAreRefusedAndChangeNothing() {
        JsonNode before = get();

        assertThat(patchStatus("{\"encounter\":{\"status\":null}}")).isEqualTo(400);
        assertThat(patchStatus("{\"encounter\":null}")).isEqualTo(400);
        assertThat(patchStatus("{\"patient\":{\"name\":\"no identifier\"}}")).isEqualTo(400);
        assertThat(patchStatus("{\"encounter\":{\"period\":{\"endedAt\":null}}}")).isEqualTo(400);
        assertThat(get()).isEqualTo(before);
    }

    @Test
    void unknownFieldsAreIgnoredNotStored() {
        JsonNode after = patch("{\"color\":\"blue\",\"encounter\":{\"mood\":\"fine\"}}");

        assertThat(after.has("color")).isFalse();
        assertThat(after.get("encounter").has("mood")).isFalse();
    }

    @Test
    void patchOfAnUnknownIdIs404() {
        HttpResponse<String> response = http.call("PATCH", "/interactions/" + UUID.randomUUID(), token, "base", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void theSdkSendsAnExplicitNullThatClearsTheTitle() {
        try (CortiClient client = emulator.configure(CortiClient.builder()).build()) {
            InteractionsClient interactions = client.interactions();
            UUID uuid = UUID.fromString(id);

            InteractionsGetResponse renamed = interactions.update(uuid, new InteractionsUpdateRequest()
                    .encounter(new InteractionsEncounterUpdateRequest().title("Follow-up")));
            InteractionsGetResponse cleared = interactions.update(uuid, new InteractionsUpdateRequest()
                    .encounter(new InteractionsEncounterUpdateRequest().title(null)));

            assertThat(renamed.getEncounter().getTitle()).isEqualTo("Follow-up");
            assertThat(cleared.getEncounter().getTitle()).isNull();
            assertThat(cleared.getPatient().getName()).isEqualTo("Ada Lovelace");
        }
        assertThat(emulator.exchanges()).filteredOn(e -> e.method().equals("PATCH"))
                .extracting(RecordedExchange::requestBody)
                .containsExactly("{\"encounter\":{\"title\":\"Follow-up\"}}", "{\"encounter\":{\"title\":null}}");
    }

    private JsonNode get() {
        return RawHttp.json(http.call("GET", "/interactions/" + id, token, "base", null));
    }

    private JsonNode patch(String body) {
        HttpResponse<String> response = http.call("PATCH", "/interactions/" + id, token, "base", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RawHttp.json(response);
    }

    private int patchStatus(String body) {
        return http.call("PATCH", "/interactions/" + id, token, "base", body).statusCode();
    }
}
