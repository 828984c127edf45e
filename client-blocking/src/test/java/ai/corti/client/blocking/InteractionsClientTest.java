package ai.corti.client.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.corti.client.core.internal.Blocking;
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
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.InteractionsUpdateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class InteractionsClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final UUID ID = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");

    private ScriptedServer server;
    private CortiClient client;
    private InteractionsClient interactions;

    @BeforeEach
    void start() {
        server = ScriptedServer.start();
        client = CortiClient.builder()
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
    void createReturnsTheIdAndSendsTheBody() throws Exception {
        server.enqueue(Reply.json(201, Fixtures.created(ID)));

        InteractionsCreateResponse created = interactions.create(minimalCreate()
                .patient(new InteractionsPatient().identifier("p-1").name(null)));

        assertThat(created.getInteractionId()).isEqualTo(ID);
        ScriptedServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Tenant-Name")).isEqualTo("base");
        assertThat(request.header("Authorization")).isEqualTo("Bearer token-abc");
        assertThat(json(request.body())).isEqualTo(json("{\"encounter\":{\"identifier\":\"enc-1\",\"status\":\"planned\","
                + "\"type\":\"first_consultation\"},\"patient\":{\"identifier\":\"p-1\",\"name\":null}}"));
    }

    @Test
    void getAndUpdateWithUuidAndStringIds() throws Exception {
        server.otherwise(r -> Reply.json(200, Fixtures.interaction(ID)));

        assertThat(interactions.get(ID).getId()).isEqualTo(ID);
        assertThat(interactions.get(ID.toString()).getId()).isEqualTo(ID);
        InteractionsGetResponse updated = interactions.update(ID.toString(), new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().title("Follow-up")));

        assertThat(updated.getId()).isEqualTo(ID);
        List<ScriptedServer.Received> received = server.received();
        assertThat(received).extracting(ScriptedServer.Received::method).containsExactly("GET", "GET", "PATCH");
        assertThat(received).extracting(ScriptedServer.Received::uri).containsOnly("/v2/interactions/" + ID);
        assertThat(json(received.get(2).body())).isEqualTo(json("{\"encounter\":{\"title\":\"Follow-up\"}}"));
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
    void everyErrorStatusIsThrownAsItsTypedException(int status, String body, Class<? extends CortiApiException> type) {
        server.enqueue(Reply.of(status, body.startsWith("<") ? "text/html" : "application/json", body));

        CortiApiException e = catchThrowableOfType(CortiApiException.class, () -> interactions.get(ID));

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void badRequestExposesValidationErrors() {
        server.enqueue(Reply.json(400, Fixtures.validationProblem()));

        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> interactions.create(minimalCreate()));

        assertThat(e.validationErrors()).containsExactly(java.util.Map.of("encounter.identifier", "is required"));
        assertThat(e.requestId()).contains("req-400");
    }

    @Test
    void invalidArgumentsFailBeforeAnythingIsSent() {
        assertThatThrownBy(() -> interactions.get("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> interactions.create(minimalCreate().patient(new InteractionsPatient())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("patient.identifier is required");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void forLoopIteratesEveryPageUntilTheEmptyOne() {
        server.enqueue(Reply.json(200, Fixtures.page(3)), Reply.json(200, Fixtures.page(3)),
                Reply.json(200, Fixtures.page(1)), Reply.json(200, Fixtures.page(0)));

        List<UUID> ids = new ArrayList<>();
        for (InteractionsGetResponse interaction : interactions.list(ListInteractionsRequest.builder().pageSize(3).build())) {
            ids.add(interaction.getId());
        }

        assertThat(ids).hasSize(7).doesNotHaveDuplicates();
        assertThat(server.received()).hasSize(4);
    }

    @Test
    void streamLimitFetchesOnlyThePagesItNeeds() {
        server.otherwise(r -> Reply.json(200, Fixtures.page(10)));

        List<InteractionsGetResponse> first12 = interactions.list().stream().limit(12).toList();

        assertThat(first12).hasSize(12);
        assertThat(server.received()).extracting(ScriptedServer.Received::uri)
                .containsExactly("/v2/interactions/", "/v2/interactions/?index=2");
    }

    @Test
    void byPageGivesPagesWithTheirIndex() {
        server.enqueue(Reply.json(200, Fixtures.page(2)), Reply.json(200, Fixtures.page(0)));

        List<Page<InteractionsGetResponse>> pages = new ArrayList<>();
        interactions.list(ListInteractionsRequest.builder().pageSize(2).build()).byPage().forEach(pages::add);

        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.pageSize()).isEqualTo(2);
            assertThat(p.items()).hasSize(2);
        });
    }

    @Test
    void rawResponseAndPerRequestOptions() {
        server.enqueue(Reply.json(200, Fixtures.interaction(ID), "X-Request-Id", "req-7"));

        CortiResponse<InteractionsGetResponse> raw = interactions.withRawResponse()
                .get(ID, RequestOptions.builder().header("X-Correlation-Id", "c-9").timeout(Duration.ofSeconds(3)).build());

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.requestId()).contains("req-7");
        assertThat(server.received().get(0).header("X-Correlation-Id")).isEqualTo("c-9");
    }

    @Test
    void aTimedOutCallFreesItsConnection() {
        HangingReply hanging = new HangingReply();
        server.enqueue(hanging);

        assertThatThrownBy(() -> interactions.get(ID, RequestOptions.builder().timeout(Duration.ofMillis(300)).build()))
                .isInstanceOf(ai.corti.client.core.error.CortiTimeoutException.class);

        StepVerifier.create(hanging.connectionClosed()).expectComplete().verify(WAIT);
        Flux.interval(Duration.ofMillis(10)).takeUntil(i -> client.activeConnections() == 0).blockLast(WAIT);
        assertThat(client.activeConnections()).isZero();
    }

    @Test
    void callingFromAReactorThreadFailsFastAndPointsToTheReactiveClient() {
        Mono<InteractionsGetResponse> onEventLoop = Mono.fromCallable(() -> interactions.get(ID))
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(onEventLoop)
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith(Blocking.ON_REACTOR_THREAD)
                        .hasMessageContaining("CortiReactiveClient"))
                .verify(WAIT);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void websocketUrlCarriesTheToken() {
        String stream = "ws://127.0.0.1:" + URI.create(server.url()).getPort() + "/audio-bridge/v2/interactions/" + ID
                + "/streams";
        server.enqueue(Reply.json(201, Fixtures.created(ID).replace("wss://api.eu.corti.app/v2/interactions/" + ID
                + "/streams", stream)));

        String url = interactions.websocketUrl(interactions.create(minimalCreate()));

        assertThat(url).isEqualTo(stream + "?token=Bearer%20token-abc");
    }

    @Test
    void websocketUrlOfAnotherOriginIsRefused() {
        server.enqueue(Reply.json(201, Fixtures.created(ID)));   // wss://api.eu.corti.app/..., not this client's host
        InteractionsCreateResponse created = interactions.create(minimalCreate());

        assertThatThrownBy(() -> interactions.websocketUrl(created))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no token was attached")
                .hasMessageNotContaining("token-abc");
    }
}
