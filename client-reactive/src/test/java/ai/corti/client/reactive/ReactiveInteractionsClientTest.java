package ai.corti.client.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.error.BadRequestException;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.ForbiddenException;
import ai.corti.client.core.error.GatewayTimeoutException;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.error.RateLimitException;
import ai.corti.client.core.error.ServerException;
import ai.corti.client.core.error.UnauthorizedException;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.paging.Page;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.core.testing.HangingReply;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.model.CommonSortingDirectionEnum;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListSortEnum;
import ai.corti.client.model.InteractionsUpdateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ReactiveInteractionsClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final UUID ID = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");

    private ScriptedServer server;
    private CortiReactiveClient client;
    private ReactiveInteractionsClient interactions;

    @BeforeEach
    void start() {
        server = ScriptedServer.start();
        client = CortiReactiveClient.builder()
                .tenantName("base")
                .baseUrl(server.url() + "/v2")
                .bearerToken("token-abc")
                .maxRetries(0)
                .build();
        interactions = client.interactions();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static JsonNode json(String text) throws Exception {
        return CortiJson.mapper().readTree(text);
    }

    private static InteractionsCreateRequest minimalCreate() {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier("enc-1")
                .status(InteractionsEncounterStatusEnum.PLANNED)
                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION));
    }

    @Test
    void createPostsTheBodyWithTenantAuthAndUserAgent() throws Exception {
        server.enqueue(Reply.json(201, Fixtures.created(ID)));

        StepVerifier.create(interactions.create(minimalCreate()))
                .assertNext(created -> assertThat(created.getInteractionId()).isEqualTo(ID))
                .expectComplete()
                .verify(WAIT);

        ScriptedServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/v2/interactions/");
        assertThat(request.header("Tenant-Name")).isEqualTo("base");
        assertThat(request.header("Authorization")).isEqualTo("Bearer token-abc");
        assertThat(request.header("User-Agent")).startsWith("corti-java-sdk/");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(json(request.body())).isEqualTo(json(
                "{\"encounter\":{\"identifier\":\"enc-1\",\"status\":\"planned\",\"type\":\"first_consultation\"}}"));
    }

    @Test
    void getReturnsTheTypedInteraction() {
        server.enqueue(Reply.json(200, Fixtures.interaction(ID)));

        StepVerifier.create(interactions.get(ID))
                .assertNext(i -> {
                    assertThat(i.getId()).isEqualTo(ID);
                    assertThat(i.getEncounter().getStatus()).isEqualTo(InteractionsEncounterStatusEnum.PLANNED);
                })
                .expectComplete()
                .verify(WAIT);
        assertThat(server.received().get(0).uri()).isEqualTo("/v2/interactions/" + ID);
    }

    @Test
    void updateSendsOnlyWhatWasSetAndExplicitNulls() throws Exception {
        server.enqueue(Reply.json(200, Fixtures.interaction(ID)), Reply.json(200, Fixtures.interaction(ID)));

        StepVerifier.create(interactions.update(ID, new InteractionsUpdateRequest()
                        .encounter(new InteractionsEncounterUpdateRequest().title(null))))
                .expectNextCount(1).expectComplete().verify(WAIT);
        StepVerifier.create(interactions.update(ID, new InteractionsUpdateRequest()))
                .expectNextCount(1).expectComplete().verify(WAIT);

        List<ScriptedServer.Received> received = server.received();
        assertThat(received.get(0).method()).isEqualTo("PATCH");
        assertThat(json(received.get(0).body())).isEqualTo(json("{\"encounter\":{\"title\":null}}"));
        assertThat(json(received.get(1).body())).isEqualTo(json("{}"));
    }

    static List<Arguments> errors() {
        return List.of(
                Arguments.of(400, Fixtures.validationProblem(), BadRequestException.class),
                Arguments.of(401, "", UnauthorizedException.class),
                Arguments.of(403, Fixtures.problem(403, "forbidden"), ForbiddenException.class),
                Arguments.of(404, Fixtures.problem(404, "no such interaction"), NotFoundException.class),
                Arguments.of(429, Fixtures.problem(429, "slow down"), RateLimitException.class),
                Arguments.of(500, Fixtures.problem(500, "boom"), ServerException.class),
                Arguments.of(504, "<html><body>Gateway Timeout</body></html>", GatewayTimeoutException.class));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("errors")
    void everyErrorStatusArrivesAsItsTypedException(int status, String body, Class<? extends CortiApiException> type) {
        server.enqueue(Reply.of(status, body.startsWith("<") ? "text/html" : "application/json", body));

        StepVerifier.create(interactions.get(ID))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isExactlyInstanceOf(type);
                    assertThat(((CortiApiException) e).statusCode()).isEqualTo(status);
                })
                .verify(WAIT);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void nothingIsSentUntilSubscriptionAndEachSubscriptionIsAFreshCall() {
        server.otherwise(r -> Reply.json(200, Fixtures.interaction(ID)));

        Mono<InteractionsGetResponse> call = interactions.get(ID);
        assertThat(server.received()).isEmpty();

        call.block(WAIT);
        call.block(WAIT);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void invalidArgumentsFailBeforeAnythingIsSent() {
        assertThatThrownBy(() -> interactions.get("not-a-uuid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id must be a UUID");
        assertThatThrownBy(() -> interactions.update("../admin", new InteractionsUpdateRequest()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> interactions.create(new InteractionsCreateRequest()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("encounter is required");
        assertThatThrownBy(() -> interactions.create(new InteractionsCreateRequest()
                        .encounter(new InteractionsEncounterCreateRequest().identifier("e").type(InteractionsEncounterTypeEnum.EMERGENCY))))
                .hasMessage("encounter.status is required");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void stringIdOverloadsSendTheParsedId() {
        server.enqueue(Reply.json(200, Fixtures.interaction(ID)));

        StepVerifier.create(interactions.get(ID.toString())).expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(server.received().get(0).uri()).isEqualTo("/v2/interactions/" + ID);
    }

    @Test
    void cancellingAbortsTheExchangeAndReturnsTheConnection() {
        HangingReply hanging = new HangingReply();
        server.enqueue(hanging);

        Disposable call = interactions.get(ID).subscribe();
        Flux.interval(Duration.ofMillis(10)).takeUntil(i -> hanging.arrived() == 1).blockLast(WAIT);
        assertThat(client.activeConnections()).isEqualTo(1);

        call.dispose();

        StepVerifier.create(hanging.connectionClosed()).expectComplete().verify(WAIT);
        Flux.interval(Duration.ofMillis(10)).takeUntil(i -> client.activeConnections() == 0).blockLast(WAIT);
        assertThat(client.activeConnections()).isZero();
    }

    @Test
    void listFetchesOnlyThePagesDemandReaches() {
        // one page for the first pass; two full pages and the empty end for the second
        server.enqueue(Reply.json(200, Fixtures.page(5)), Reply.json(200, Fixtures.page(5)),
                Reply.json(200, Fixtures.page(5)), Reply.json(200, Fixtures.page(0)));
        ListInteractionsRequest request = ListInteractionsRequest.builder().pageSize(5).build();

        StepVerifier.create(interactions.list(request).take(3)).expectNextCount(3).expectComplete().verify(WAIT);
        assertThat(server.received()).hasSize(1);

        StepVerifier.create(interactions.list(request)).expectNextCount(10).expectComplete().verify(WAIT);
        assertThat(server.received()).extracting(ScriptedServer.Received::uri).containsExactly(
                "/v2/interactions/?pageSize=5",
                "/v2/interactions/?pageSize=5",
                "/v2/interactions/?pageSize=5&index=2",
                "/v2/interactions/?pageSize=5&index=3");
    }

    @Test
    void listSendsFiltersAsTheSpecDescribes() {
        server.enqueue(Reply.json(200, Fixtures.page(2)), Reply.json(200, Fixtures.page(0)));
        ListInteractionsRequest request = ListInteractionsRequest.builder()
                .sort(InteractionsListSortEnum.UPDATED_AT)
                .direction(CommonSortingDirectionEnum.ASC)
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.IN_PROGRESS)
                .patient("patient 1")
                .index(4)
                .build();

        StepVerifier.create(interactions.list(request).byPage())
                .assertNext(page -> assertThat(page).extracting(Page::index, p -> p.items().size()).containsExactly(4L, 2))
                .expectComplete()
                .verify(WAIT);

        assertThat(server.received()).extracting(ScriptedServer.Received::uri).containsExactly(
                "/v2/interactions/?sort=updatedAt&direction=asc&index=4&encounterStatus=planned"
                        + "&encounterStatus=in-progress&patient=patient%201",
                "/v2/interactions/?sort=updatedAt&direction=asc&index=5&encounterStatus=planned"
                        + "&encounterStatus=in-progress&patient=patient%201");
    }

    @Test
    void rawResponseExposesStatusHeadersAndRequestId() {
        server.enqueue(Reply.json(200, Fixtures.interaction(ID), "X-Request-Id", "req-42"));

        CortiResponse<InteractionsGetResponse> raw = interactions.withRawResponse().get(ID).block(WAIT);

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.requestId()).contains("req-42");
        assertThat(raw.headers().first("content-type")).contains("application/json");
        assertThat(raw.value().getId()).isEqualTo(ID);
    }

    @Test
    void perRequestOptionsAddHeadersAndOverrideRetries() {
        CortiReactiveClient retrying = CortiReactiveClient.builder().tenantName("base").baseUrl(server.url() + "/v2")
                .bearerToken("t").build();
        server.otherwise(r -> Reply.json(503, Fixtures.problem(503, "down")));
        RequestOptions options = RequestOptions.builder().maxRetries(0).header("X-Correlation-Id", "c-1").build();

        StepVerifier.create(retrying.interactions().get(ID, options))
                .expectError(ServerException.class)
                .verify(WAIT);
        retrying.close();

        assertThat(server.received()).hasSize(1);
        assertThat(server.received().get(0).header("X-Correlation-Id")).isEqualTo("c-1");
    }

    @Test
    void websocketUrlAppendsTheCurrentToken() {
        String stream = "ws://127.0.0.1:" + URI.create(server.url()).getPort() + "/audio-bridge/v2/interactions/" + ID
                + "/streams";
        server.enqueue(Reply.json(201, Fixtures.created(ID).replace("wss://api.eu.corti.app/v2/interactions/" + ID
                + "/streams", stream)));

        Supplier<Mono<String>> url = () -> interactions.create(minimalCreate()).flatMap(interactions::websocketUrl);

        StepVerifier.create(url.get())
                .expectNext(stream + "?token=Bearer%20token-abc")
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void websocketUrlOfAnotherOriginIsRefusedBeforeAnyTokenIsFetched() {
        server.enqueue(Reply.json(201, Fixtures.created(ID)));   // wss://api.eu.corti.app/..., not this client's host
        InteractionsCreateResponse created = interactions.create(minimalCreate()).block(WAIT);

        assertThatThrownBy(() -> interactions.websocketUrl(created))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no token was attached")
                .hasMessageNotContaining("token-abc");
    }
}
