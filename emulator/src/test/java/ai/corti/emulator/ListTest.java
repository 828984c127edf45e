package ai.corti.emulator;

import ai.corti.client.core.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.paging.Page;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Listing: defaults, pages (an empty one past the end), every sort field of the spec in both directions,
 * and the filters.
 */
class ListTest {

    private static final String[] STATUSES = {"planned", "in-progress", "completed", "planned", "on-hold", "cancelled",
        "planned", "completed", "in-progress", "planned", "deleted", "completed"};
    private static final int COUNT = STATUSES.length;

    private static final MutableClock CLOCK = MutableClock.at("2025-03-01T08:00:00Z");
    private static CortiEmulator emulator;
    private static RawHttp http;
    private static String token;

    @BeforeAll
    static void createTwelve() {
        emulator = CortiEmulator.builder().clock(CLOCK).tokenLifetime(Duration.ofHours(1)).start();
        http = new RawHttp(emulator);
        token = http.token("base");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            CLOCK.advance(Duration.ofMinutes(1));
            // Patients and end times deliberately out of creation order; every third has not ended.
            String patient = "patient-" + (char) ('a' + (i * 7) % COUNT);
            String period = i % 3 == 0 ? "{\"startedAt\":\"2025-02-01T09:00:00Z\"}"
                    : "{\"startedAt\":\"2025-02-01T09:00:00Z\",\"endedAt\":\"2025-02-01T" + (10 + (i * 5) % COUNT)
                    + ":00:00+00:00\"}";
            String body = "{\"assignedUserId\":\"" + UUID.randomUUID() + "\",\"encounter\":{\"identifier\":\"enc-" + i
                    + "\",\"status\":\"" + STATUSES[i] + "\",\"type\":\"consultation\",\"period\":" + period
                    + "},\"patient\":{\"identifier\":\"" + patient + "\"}}";
            HttpResponse<String> created = http.call("POST", "/interactions/", token, "base", body);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(RawHttp.json(created).get("interactionId").asText());
        }
        // Update in another order, so updatedAt order differs from createdAt order.
        for (int i = 0; i < COUNT; i++) {
            CLOCK.advance(Duration.ofMinutes(1));
            String id = ids.get((i * 5) % COUNT);
            assertThat(http.call("PATCH", "/interactions/" + id, token, "base", "{}").statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void defaultsAreNewestFirstTenPerPageFirstPage() {
        List<JsonNode> page = list("");

        assertThat(page).hasSize(10);
        assertThat(page).extracting(i -> i.get("createdAt").asText())
                .isSortedAccordingTo(Comparator.<String>naturalOrder().reversed());
        assertThat(page.get(0).get("encounter").get("identifier").asText()).isEqualTo("enc-11");
    }

    @Test
    void pagesFollowIndexAndPageSizeAndEndWithAnEmptyPage() {
        assertThat(list("?index=2")).hasSize(2);
        assertThat(list("?index=3")).isEmpty();
        assertThat(list("?pageSize=5&index=3")).hasSize(2);
        assertThat(list("?pageSize=5&index=3&sort=createdAt&direction=asc")).extracting(this::identifier)
                .containsExactly("enc-10", "enc-11");
        assertThat(list("?pageSize=" + Long.MAX_VALUE + "&index=" + Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void everySortFieldOfTheSpecSortsBothWays() {
        List<String> sortValues = SpecSchemas.shared().enumValues("InteractionsListSortEnum");
        assertThat(sortValues).containsExactlyInAnyOrder("id", "assignedUserId", "patient", "createdAt", "endedAt",
                "updatedAt");

        for (String sort : sortValues) {
            for (String direction : List.of("asc", "desc")) {
                List<JsonNode> sorted = list("?pageSize=100&sort=" + sort + "&direction=" + direction);
                assertThat(sorted).as(sort + " " + direction).hasSize(COUNT)
                        .isSortedAccordingTo(expectedOrder(sort, direction.equals("asc")));
            }
        }
    }

    @Test
    void endedAtSortsInteractionsThatHaveNotEndedLastBothWays() {
        for (String direction : List.of("asc", "desc")) {
            List<JsonNode> sorted = list("?pageSize=100&sort=endedAt&direction=" + direction);
            assertThat(sorted.subList(COUNT - 4, COUNT)).as(direction).allSatisfy(i -> assertThat(i.has("endedAt")).isFalse());
            assertThat(sorted.subList(0, COUNT - 4)).as(direction).allSatisfy(i -> assertThat(i.has("endedAt")).isTrue());
        }
    }

    @Test
    void encounterStatusTakesSeveralValuesAsRepeatedKeys() {
        List<JsonNode> planned = list("?pageSize=100&encounterStatus=planned");
        List<JsonNode> plannedOrCompleted = list("?pageSize=100&encounterStatus=planned&encounterStatus=completed");

        assertThat(planned).hasSize(4).allSatisfy(i -> assertThat(status(i)).isEqualTo("planned"));
        assertThat(plannedOrCompleted).hasSize(7).allSatisfy(i -> assertThat(status(i)).isIn("planned", "completed"));
    }

    @Test
    void patientFiltersOnThePatientIdentifier() {
        List<JsonNode> one = list("?patient=patient-h");

        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("patient").get("identifier").asText()).isEqualTo("patient-h");
        assertThat(list("?patient=nobody")).isEmpty();
    }

    @Test
    void invalidParametersAreEachNamed() {
        HttpResponse<String> response = http.call("GET", "/interactions/?sort=title&direction=up&pageSize=0&index=x"
                + "&encounterStatus=planned&encounterStatus=archived", token, "base", null);

        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        RawHttp.json(response).get("validationErrors").forEach(e -> fields.add(e.fieldNames().next()));
        assertThat(fields).containsExactlyInAnyOrder("sort", "direction", "pageSize", "index", "encounterStatus");
        assertThat(http.call("GET", "/interactions/?sort=id&sort=patient", token, "base", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theReactivePagedFluxAndTheBlockingStreamWalkEveryPage() {
        ListInteractionsRequest request = ListInteractionsRequest.builder().pageSize(5).build();
        try (CortiReactiveClient reactive = emulator.configure(CortiReactiveClient.builder()).build();
             CortiClient blocking = emulator.configure(CortiClient.builder()).build()) {
            List<Page<InteractionsGetResponse>> pages = reactive.interactions().list(request).byPage().collectList()
                    .block(Duration.ofSeconds(10));
            List<InteractionsGetResponse> streamed = blocking.interactions().list(request).stream().toList();

            assertThat(pages).extracting(page -> page.items().size()).containsExactly(5, 5, 2);
            assertThat(streamed).hasSize(COUNT);
            assertThat(blocking.interactions().list(ListInteractionsRequest.builder()
                    .encounterStatus(InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.DELETED)
                    .build()).stream().count()).isEqualTo(5);
        }
    }

    /** The order the spec's sort should give, computed here independently of the emulator's comparators. */
    private static Comparator<JsonNode> expectedOrder(String sort, boolean ascending) {
        Function<JsonNode, String> text = switch (sort) {
            case "id" -> i -> i.get("id").asText();
            case "assignedUserId" -> i -> i.get("assignedUserId").asText();
            case "patient" -> i -> i.get("patient").get("identifier").asText();
            default -> null;
        };
        Comparator<JsonNode> byKey;
        if (text != null) {
            byKey = Comparator.comparing(text);
            byKey = ascending ? byKey : byKey.reversed();
        } else {
            Function<JsonNode, Instant> time = i -> i.has(sort) ? Instant.parse(i.get(sort).asText()) : null;
            Comparator<Instant> instants = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
            byKey = Comparator.comparing(time, Comparator.nullsLast(instants));
        }
        Comparator<JsonNode> created = Comparator.comparing(i -> Instant.parse(i.get("createdAt").asText()));
        return byKey.thenComparing(ascending ? created : created.reversed());
    }

    private static List<JsonNode> list(String query) {
        HttpResponse<String> response = http.call("GET", "/interactions/" + query, token, "base", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        RawHttp.json(response).get("interactions").forEach(items::add);
        return items;
    }

    private String identifier(JsonNode interaction) {
        return interaction.get("encounter").get("identifier").asText();
    }

    private static String status(JsonNode interaction) {
        return interaction.get("encounter").get("status").asText();
    }
}
