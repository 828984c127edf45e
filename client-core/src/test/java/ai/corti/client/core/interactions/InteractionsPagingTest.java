package ai.corti.client.core.interactions;

import ai.corti.client.core.internal.operations.InteractionsOperations;
import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.paging.PageFetcher;
import ai.corti.client.core.paging.PagedFlux;
import ai.corti.client.core.paging.PagedIterable;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Received;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import ai.corti.client.model.CommonSortingDirectionEnum;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListSortEnum;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Listing interactions end to end: {@link InteractionsOperations#pages} driven by {@link PagedFlux} and
 * {@link PagedIterable} against a loopback server that serves {@code {"interactions":[...]}} pages by
 * {@code index}. Checks the requests sent (how many, and their exact query) and the items decoded.
 */
class InteractionsPagingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String PATH = "/v2/interactions/";

    private ScriptedServer server;
    private HttpPipeline pipeline;
    private InteractionsOperations interactions;
    /** Items per page index; pages not listed are empty. */
    private Map<Long, Integer> pageSizes = Map.of();
    /** Page indices whose fetch was subscribed on the client, in order. */
    private final List<Long> subscribed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void warmUp() {
        // The first exchange of the JVM starts Netty's event loops and resolver; keep that out of the tests.
        try (ScriptedServer warm = ScriptedServer.start().enqueue(Reply.json(200, "{\"interactions\":[]}"));
             HttpPipeline once = new HttpPipeline(TestOptions.forServer(warm).build())) {
            new InteractionsOperations(once).listPage(ListInteractionsRequest.all(), 1, null).block(WAIT);
        }
    }

    @BeforeEach
    void start() {
        server = ScriptedServer.start().otherwise(request -> {
            long index = query(request).stream().filter(e -> e.getKey().equals("index"))
                    .map(e -> Long.parseLong(e.getValue())).findFirst().orElse(1L);
            return Reply.json(200, page(index, pageSizes.getOrDefault(index, 0)));
        });
        pipeline = new HttpPipeline(TestOptions.forServer(server).build());
        interactions = new InteractionsOperations(pipeline);
    }

    @AfterEach
    void stop() {
        pipeline.close();
        server.close();
    }

    private PageFetcher<InteractionsGetResponse> pages(ListInteractionsRequest request) {
        PageFetcher<InteractionsGetResponse> fetcher = interactions.pages(request, null);
        return index -> fetcher.fetch(index).doOnSubscribe(s -> subscribed.add(index));
    }

    private static UUID id(long index, int position) {
        return new UUID(index, position);
    }

    private static String page(long index, int size) {
        return IntStream.range(0, size).mapToObj(i -> interaction(id(index, i)))
                .collect(Collectors.joining(",", "{\"interactions\":[", "]}"));
    }

    private static String interaction(UUID id) {
        String at = "\"2025-06-01T12:00:00Z\"";
        return "{\"id\":\"" + id + "\",\"assignedUserId\":\"" + new UUID(0, 1) + "\","
                + "\"encounter\":{\"identifier\":\"enc-" + id + "\",\"status\":\"planned\",\"type\":\"first_consultation\","
                + "\"period\":{\"startedAt\":" + at + "}},"
                + "\"patient\":{\"identifier\":\"pat-1\"},"
                + "\"createdAt\":" + at + ",\"updatedAt\":" + at + ",\"lastUpdated\":" + at + ","
                + "\"websocketUrl\":\"wss://api.eu.corti.app/audio-bridge/v2/interactions/" + id + "/streams\"}";
    }

    private static List<Map.Entry<String, String>> query(Received request) {
        int start = request.uri().indexOf('?');
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (start < 0) {
            return query;
        }
        for (String pair : request.uri().substring(start + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            query.add(Map.entry(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8)));
        }
        return query;
    }

    private List<String> requestedUris() {
        return server.received(PATH).stream().map(Received::uri).toList();
    }

    @Test
    void takeThreeSendsOneRequest() {
        pageSizes = Map.of(1L, 10, 2L, 10, 3L, 10);
        ListInteractionsRequest request = ListInteractionsRequest.builder().pageSize(10).build();

        StepVerifier.create(new PagedFlux<>(pages(request), 1).take(3).map(InteractionsGetResponse::getId))
                .expectNext(id(1, 0), id(1, 1), id(1, 2))
                .expectComplete()
                .verify(WAIT);

        assertThat(subscribed).containsExactly(1L);
        assertThat(requestedUris()).containsExactly(PATH + "?pageSize=10");
    }

    @Test
    void demandDrivesRequestsAndEveryPageCarriesTheFiltersWithTheNextIndex() {
        pageSizes = Map.of(1L, 2, 2L, 1);
        ListInteractionsRequest request = ListInteractionsRequest.builder()
                .sort(InteractionsListSortEnum.UPDATED_AT)
                .direction(CommonSortingDirectionEnum.ASC)
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.IN_PROGRESS)
                .pageSize(2)
                .build();

        StepVerifier.create(new PagedFlux<>(pages(request), InteractionsOperations.firstIndex(request)), 0)
                .thenRequest(2)
                .expectNextMatches(i -> i.getId().equals(id(1, 0)))
                .expectNextMatches(i -> i.getId().equals(id(1, 1)))
                .then(() -> assertThat(subscribed).as("page 1 used up, page 2 not yet wanted").containsExactly(1L))
                .thenRequest(1)
                .assertNext(i -> {
                    assertThat(i.getId()).isEqualTo(id(2, 0));
                    assertThat(i.getEncounter().getStatus()).isEqualTo(InteractionsEncounterStatusEnum.PLANNED);
                })
                .then(() -> assertThat(subscribed).containsExactly(1L, 2L))
                .thenRequest(1)
                .expectComplete()
                .verify(WAIT);

        assertThat(subscribed).as("the short page 2 did not end the listing; empty page 3 did")
                .containsExactly(1L, 2L, 3L);
        List<Received> sent = server.received(PATH);
        assertThat(sent).hasSize(3).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.header("Tenant-Name")).isEqualTo("base");
            assertThat(r.header("Authorization")).isEqualTo("Bearer test-token");
        });
        assertThat(query(sent.get(0))).containsExactly(
                Map.entry("sort", "updatedAt"),
                Map.entry("direction", "asc"),
                Map.entry("pageSize", "2"),
                Map.entry("encounterStatus", "planned"),
                Map.entry("encounterStatus", "in-progress"));
        assertThat(query(sent.get(1))).containsExactly(
                Map.entry("sort", "updatedAt"),
                Map.entry("direction", "asc"),
                Map.entry("pageSize", "2"),
                Map.entry("index", "2"),
                Map.entry("encounterStatus", "planned"),
                Map.entry("encounterStatus", "in-progress"));
        assertThat(sent.get(1).uri()).isEqualTo(PATH
                + "?sort=updatedAt&direction=asc&pageSize=2&index=2&encounterStatus=planned&encounterStatus=in-progress");
        assertThat(query(sent.get(2))).contains(Map.entry("index", "3")).doesNotContain(Map.entry("index", "2"));
    }

    @Test
    void unsetParametersAreNotSent() {
        pageSizes = Map.of(1L, 1);

        StepVerifier.create(new PagedFlux<>(pages(ListInteractionsRequest.all()), 1))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);

        assertThat(requestedUris()).containsExactly(PATH, PATH + "?index=2");
    }

    @Test
    void aRequestedFirstIndexIsWhereTheListingStarts() {
        pageSizes = Map.of(3L, 1, 4L, 1);
        ListInteractionsRequest request = ListInteractionsRequest.builder().index(3).build();

        StepVerifier.create(new PagedFlux<>(pages(request), InteractionsOperations.firstIndex(request))
                        .map(InteractionsGetResponse::getId))
                .expectNext(id(3, 0), id(4, 0))
                .expectComplete()
                .verify(WAIT);

        assertThat(requestedUris()).containsExactly(PATH + "?index=3", PATH + "?index=4", PATH + "?index=5");
    }

    @Test
    void pagedIterableStreamLimitSendsOnlyTheRequestsItNeeds() {
        pageSizes = Map.of(1L, 10, 2L, 10, 3L, 10);
        PagedIterable<InteractionsGetResponse> listing = new PagedIterable<>(pages(ListInteractionsRequest.all()), 1);

        assertThat(listing.stream().limit(3).map(InteractionsGetResponse::getId))
                .containsExactly(id(1, 0), id(1, 1), id(1, 2));
        assertThat(requestedUris()).containsExactly(PATH);

        assertThat(listing.stream().limit(12)).hasSize(12);
        assertThat(requestedUris()).containsExactly(PATH, PATH, PATH + "?index=2");
    }
}
