package ai.corti.client.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.http.PoolAssertions;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsGenderEnum;
import ai.corti.client.model.InteractionsGetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

/**
 * Every exception type from a crafted response, through the real pipeline and transport. Retries are off
 * so each call is exactly one exchange; after every failure the connection is back in (or out of) the pool.
 */
@Timeout(10)
class ErrorMappingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper MAPPER = CortiJson.mapper();

    private final ScriptedServer server = ScriptedServer.start();
    private final HttpPipeline pipeline = new HttpPipeline(TestOptions.forServer(server).maxRetries(0).build());

    @AfterEach
    void close() {
        pipeline.close();
        server.close();
    }

    private <T> CortiResponse<T> get(Class<T> type) {
        return pipeline.execute(ApiRequest.of("GET", "/interactions/abc"), type, RequestOptions.DEFAULT).block(TIMEOUT);
    }

    /** Calls, expecting a failure of exactly {@code type}; checks nothing leaked and one request was made. */
    private <E extends Throwable> E failure(Class<E> type) {
        Throwable error = catchThrowable(() -> get(JsonNode.class));
        assertThat(error).isExactlyInstanceOf(type);
        assertThat(server.received()).hasSize(1);
        PoolAssertions.awaitNoActiveConnections(pipeline);
        return type.cast(error);
    }

    private static String problem(int status, String detail) {
        return "{\"requestid\":\"req-" + status + "\",\"status\":" + status
                + ",\"type\":\"https://api.corti.app/problems/" + status + "\",\"detail\":\"" + detail + "\"}";
    }

    @Test
    void badRequestExposesTheProblemAndItsValidationErrors() throws Exception {
        String body = """
                {"requestid":"req-400","status":400,"type":"https://api.corti.app/problems/validation",
                 "detail":"Request validation failed",
                 "validationErrors":[{"field":"encounter.status","message":"must not be null"},
                                     {"field":"patient.gender","message":"unknown value"}]}
                """;
        server.enqueue(Reply.of(400, "application/problem+json", body));

        BadRequestException error = failure(BadRequestException.class);

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.validationErrors()).containsExactly(
                Map.of("field", "encounter.status", "message", "must not be null"),
                Map.of("field", "patient.gender", "message", "unknown value"));
        assertThat(error.errorResponse()).hasValueSatisfying(p -> {
            assertThat(p.getDetail()).isEqualTo("Request validation failed");
            assertThat(p.getRequestid()).isEqualTo("req-400");
        });
        assertThat(error.requestId()).contains("req-400");
        assertThat(MAPPER.readTree(error.rawBody())).isEqualTo(MAPPER.readTree(body));
        assertThat(error.getMessage()).startsWith("GET /v2/interactions/abc -> HTTP 400 Bad Request: Request validation failed");
    }

    @Test
    void unauthorizedExposesTheChallenge() {
        server.enqueue(Reply.of(401, null, "", "WWW-Authenticate", "Bearer realm=\"corti\", error=\"invalid_token\""));

        UnauthorizedException error = failure(UnauthorizedException.class);

        assertThat(error.wwwAuthenticate()).contains("Bearer realm=\"corti\", error=\"invalid_token\"");
        assertThat(error.errorResponse()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "403, ai.corti.client.core.error.ForbiddenException",
        "404, ai.corti.client.core.error.NotFoundException",
        "409, ai.corti.client.core.error.CortiApiException",
        "500, ai.corti.client.core.error.ServerException",
        "503, ai.corti.client.core.error.ServerException",
    })
    void problemStatusesMapToTheirType(int status, Class<? extends CortiApiException> type) {
        server.enqueue(Reply.json(status, problem(status, "detail of " + status), "X-Request-Id", "hdr-" + status));

        CortiApiException error = failure(type);

        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.errorResponse()).hasValueSatisfying(p -> assertThat(p.getDetail()).isEqualTo("detail of " + status));
        assertThat(error.requestId()).contains("req-" + status); // the body's id wins over the header's
        assertThat(error.responseHeaders().first("x-request-id")).contains("hdr-" + status);
        assertThat(error.getMessage()).contains("HTTP " + status).contains("detail of " + status);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        server.enqueue(Reply.json(429, problem(429, "slow down"), "Retry-After", "7"));

        RateLimitException error = failure(RateLimitException.class);

        assertThat(error.statusCode()).isEqualTo(429);
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void gatewayTimeoutWithAnHtmlPage() {
        String html = """
                <html>
                <head><title>504 Gateway Time-out</title></head>
                <body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body>
                </html>
                """;
        server.enqueue(Reply.of(504, "text/html", html));

        GatewayTimeoutException error = failure(GatewayTimeoutException.class);

        assertThat(error).isInstanceOf(ServerException.class);
        assertThat(error.statusCode()).isEqualTo(504);
        assertThat(error.errorResponse()).isEmpty();
        assertThat(error.rawBody()).isEqualTo(html);
        assertThat(error.getMessage())
                .startsWith("GET /v2/interactions/abc -> HTTP 504 Gateway Timeout: ")
                .contains("<title>504 Gateway Time-out</title>")
                .doesNotContain("\n");
    }

    @Test
    void successBodyCutOffByTheConnectionIsATransportErrorNamingTheStatus() {
        server.enqueue(Reply.truncated("{\"id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"websocketUrl\":\"wss://x\"}"));

        CortiTransportException error = failure(CortiTransportException.class);

        assertThat(error.requestNeverSent()).isFalse();
        assertThat(error.getMessage()).contains("GET /v2/interactions/abc").contains("HTTP 200 announced");
    }

    @Test
    void truncatedJsonInACompleteSuccessBodyIsADecodingErrorWithTheStatus() {
        server.enqueue(Reply.json(200, "{\"id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"websocketUrl\":\"wss"));

        CortiDecodingException error = failure(CortiDecodingException.class);

        assertThat(error.statusCode()).isEqualTo(200);
        assertThat(error.getMessage()).contains("GET /v2/interactions/abc").contains("HTTP 200");
    }

    @Test
    void invalidJsonIsADecodingErrorWithTheStatusAndAnExcerpt() {
        server.enqueue(Reply.json(200, "{\"id\": not-json-at-all}"));

        CortiDecodingException error = failure(CortiDecodingException.class);

        assertThat(error.statusCode()).isEqualTo(200);
        assertThat(error.bodyExcerpt()).isEqualTo("{\"id\": not-json-at-all}");
        assertThat(error.getMessage()).contains("HTTP 200").contains("not-json-at-all");
    }

    @Test
    void jsonOfTheWrongShapeIsADecodingError() {
        server.enqueue(Reply.json(200, "{\"id\": \"not-a-uuid\"}"));

        Throwable error = catchThrowable(() -> get(InteractionsGetResponse.class));

        assertThat(error).isExactlyInstanceOf(CortiDecodingException.class);
        assertThat(((CortiDecodingException) error).statusCode()).isEqualTo(200);
        assertThat(error.getMessage()).contains("InteractionsGetResponse");
        PoolAssertions.awaitNoActiveConnections(pipeline);
    }

    @Test
    void emptySuccessBodyIsADecodingError() {
        server.enqueue(Reply.json(200, ""));

        CortiDecodingException error = failure(CortiDecodingException.class);

        assertThat(error.statusCode()).isEqualTo(200);
        assertThat(error.getMessage()).contains("empty body");
    }

    @Test
    void unknownFieldsAndUnknownEnumValuesStillDecode() throws Exception {
        ObjectNode seed;
        try (InputStream in = getClass().getResourceAsStream("/seed-examples/get-response.json")) {
            seed = (ObjectNode) MAPPER.readTree(in);
        }
        ObjectNode fromTheFuture = seed.deepCopy();
        fromTheFuture.putObject("brandNewField").putArray("nested").add(1).add(2);
        ((ObjectNode) fromTheFuture.get("encounter")).put("status", "paused_by_new_workflow");
        ((ObjectNode) fromTheFuture.get("encounter")).put("addedLater", true);
        ((ObjectNode) fromTheFuture.get("patient")).put("gender", "a_value_added_later");
        server.enqueue(Reply.json(200, MAPPER.writeValueAsString(fromTheFuture)));

        CortiResponse<InteractionsGetResponse> response = get(InteractionsGetResponse.class);

        InteractionsGetResponse value = response.value();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(value.getEncounter().getStatus()).isEqualTo(InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(value.getPatient().getGender()).isEqualTo(InteractionsGenderEnum.UNKNOWN_DEFAULT_OPEN_API);
        // Everything the model knows came through unchanged.
        ObjectNode expected = seed.deepCopy();
        ((ObjectNode) expected.get("encounter")).put("status", "unknown_default_open_api");
        ((ObjectNode) expected.get("patient")).put("gender", "unknown_default_open_api");
        JsonNode actual = MAPPER.valueToTree(value);
        assertThat(actual).isEqualTo(expected);
        PoolAssertions.awaitNoActiveConnections(pipeline);
    }

    @Test
    void successCarriesStatusAndHeaders() {
        server.enqueue(Reply.json(201, "{\"ok\":true}", "X-Request-Id", "abc-123"));

        CortiResponse<JsonNode> response = get(JsonNode.class);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.requestId()).contains("abc-123");
        assertThat(response.value().get("ok").asBoolean()).isTrue();
    }

    @Test
    void theMonoSignalsTheSdkTypeItselfNotAWrapper() {
        server.enqueue(Reply.json(404, problem(404, "gone")));

        StepVerifier.create(pipeline.execute(ApiRequest.of("GET", "/interactions/abc"), JsonNode.class,
                        RequestOptions.DEFAULT))
                .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(NotFoundException.class).hasNoCause())
                .verify(TIMEOUT);
    }
}
