package ai.corti.client.core.auth;

import static ai.corti.client.core.auth.OAuthFixtures.TOKEN_PATH;
import static ai.corti.client.core.auth.OAuthFixtures.inOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.UnauthorizedException;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Received;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Client-credentials auth through the whole pipeline: one server plays token endpoint and API. */
@Timeout(10)
class ClientCredentialsPipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String API_PATH = "/v2/interactions/";
    private static final Reply UNAUTHORIZED = Reply.of(401, null, "", "WWW-Authenticate",
            "Bearer error=\"invalid_token\"");

    private final ScriptedServer server = ScriptedServer.start();
    private HttpPipeline pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        server.close();
    }

    private HttpPipeline clientCredentialsPipeline() {
        pipeline = new HttpPipeline(OAuthFixtures.clientCredentials(server, "corti-test-client", "s3cret-value").build());
        return pipeline;
    }

    private Mono<CortiResponse<JsonNode>> get(String id) {
        return pipeline.execute(ApiRequest.of("GET", "/interactions/" + id), JsonNode.class, RequestOptions.DEFAULT);
    }

    private List<Received> apiRequests() {
        return server.received().stream().filter(r -> r.path().startsWith(API_PATH)).toList();
    }

    @Test
    void fiftyConcurrentCallsFetchExactlyOneToken() {
        // The token endpoint is slow, so all 50 calls are waiting for a token at the same time.
        OAuthFixtures.route(server,
                inOrder(Reply.delayed(Duration.ofMillis(150), OAuthFixtures.token("t1", 300))),
                r -> Reply.json(200, "{\"path\":\"" + r.path() + "\"}"));
        clientCredentialsPipeline();

        List<CortiResponse<JsonNode>> responses = Flux.range(0, 50)
                .flatMap(i -> get("call-" + i), 50)
                .collectList()
                .block(TIMEOUT);

        assertThat(responses).hasSize(50).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses).extracting(r -> r.value().get("path").asText()).doesNotHaveDuplicates();
        assertThat(server.received(TOKEN_PATH)).hasSize(1);
        assertThat(apiRequests()).hasSize(50).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer t1");
            assertThat(r.header("Tenant-Name")).isEqualTo("base");
        });
        assertThat(server.received(TOKEN_PATH).get(0).header("Tenant-Name")).isNull();
    }

    @Test
    void rejectedTokenIsRefreshedAndTheCallRetriedOnce() {
        OAuthFixtures.route(server,
                inOrder(OAuthFixtures.token("t1", 300), OAuthFixtures.token("t2", 300)),
                inOrder(UNAUTHORIZED, Reply.json(200, "{\"ok\":true}")));
        clientCredentialsPipeline();

        CortiResponse<JsonNode> response = get("abc").block(TIMEOUT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.value().get("ok").asBoolean()).isTrue();
        assertThat(server.received(TOKEN_PATH)).hasSize(2);
        assertThat(apiRequests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer t1", "Bearer t2");
    }

    @Test
    void aSecond401AfterTheRefreshIsReportedNotRetriedAgain() {
        OAuthFixtures.route(server,
                inOrder(OAuthFixtures.token("t1", 300), OAuthFixtures.token("t2", 300), OAuthFixtures.token("t3", 300)),
                inOrder(UNAUTHORIZED));
        clientCredentialsPipeline();

        UnauthorizedException error = catchThrowableOfType(UnauthorizedException.class, () -> get("abc").block(TIMEOUT));

        assertThat(error.statusCode()).isEqualTo(401);
        assertThat(error.wwwAuthenticate()).contains("Bearer error=\"invalid_token\"");
        assertThat(server.received(TOKEN_PATH)).hasSize(2);
        assertThat(apiRequests()).hasSize(2);
    }

    @Test
    void withAStaticBearerTokenA401IsNotRetried() {
        server.otherwise(r -> UNAUTHORIZED);
        // Default retry settings: a 401 must not be retried by the retry policy either.
        pipeline = new HttpPipeline(TestOptions.forServer(server).build());

        UnauthorizedException error = catchThrowableOfType(UnauthorizedException.class, () -> get("abc").block(TIMEOUT));

        assertThat(error.statusCode()).isEqualTo(401);
        assertThat(error.wwwAuthenticate()).contains("Bearer error=\"invalid_token\"");
        assertThat(error.errorResponse()).isEmpty();
        assertThat(error.rawBody()).isEmpty();
        assertThat(server.received()).hasSize(1);
        assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer test-token");
    }

    @Test
    void aCustomProviderThatCannotRefreshIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        TokenProvider provider = () -> Mono.fromCallable(() -> AccessToken.nonExpiring("custom-" + calls.incrementAndGet()));
        server.otherwise(r -> UNAUTHORIZED);
        pipeline = new HttpPipeline(TestOptions.forServer(server).tokenProvider(provider).build());

        catchThrowableOfType(UnauthorizedException.class, () -> get("abc").block(TIMEOUT));

        assertThat(server.received()).hasSize(1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void refusedCredentialsFailTheCallBeforeAnyApiRequest() {
        OAuthFixtures.route(server,
                inOrder(Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}")),
                inOrder(Reply.json(200, "{}")));
        clientCredentialsPipeline();

        CortiAuthenticationException error = catchThrowableOfType(CortiAuthenticationException.class,
                () -> get("abc").block(TIMEOUT));

        assertThat(error.statusCode()).isEqualTo(401);
        assertThat(error.getMessage()).contains(OAuthFixtures.tokenUrl(server)).doesNotContain("s3cret-value");
        assertThat(apiRequests()).isEmpty();
        // Not retried: credentials do not get better by asking again.
        assertThat(server.received(TOKEN_PATH)).hasSize(1);
    }

    @Test
    void aValidTokenIsReusedAcrossSequentialCalls() {
        OAuthFixtures.route(server, inOrder(OAuthFixtures.token("t1", 300), OAuthFixtures.token("t2", 300)),
                inOrder(Reply.json(200, "{}")));
        clientCredentialsPipeline();

        for (int i = 0; i < 3; i++) {
            get("id-" + i).block(TIMEOUT);
        }

        assertThat(server.received(TOKEN_PATH)).hasSize(1);
        assertThat(apiRequests()).extracting(r -> r.header("Authorization")).containsOnly("Bearer t1");
    }
}
