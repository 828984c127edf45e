package ai.corti.client.core.hardening;

import static ai.corti.client.core.testing.HostileServer.echoing;
import static ai.corti.client.core.testing.HostileServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiDecodingException;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.core.testing.HostileServer;
import ai.corti.client.core.testing.Secrets;
import ai.corti.client.core.testing.TestOptions;
import ai.corti.client.model.InteractionsListResponse;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No access token, client secret or {@code Authorization} value appears in anything an exception exposes
 * (message, toString, cause, suppressed, raw body, problem fields), whatever a hostile server or gateway echoes
 * back and in whatever encoding.
 */
@Timeout(15)
class CredentialLeakTest {

    private static final String TOKEN_PATH = "/realms/base/protocol/openid-connect/token";
    private static final String CLIENT_ID = "leak-test-client";
    /** Characters that JSON, URL and HTML escaping all change. */
    private static final String SECRET = "s3cr\"et\\with/slash+&<plus>=";
    private static final String TOKEN = "eyJhbGciOi.TOKEN-b0dy/with+chars=";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HostileServer server = HostileServer.start();
    private HttpPipeline pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        server.close();
    }

    private void connect() {
        pipeline = new HttpPipeline(TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2")
                .tokenUrl(server.url() + TOKEN_PATH).clientCredentials(CLIENT_ID, SECRET).maxRetries(0).build());
    }

    private Throwable call() {
        Throwable error = catchThrowable(() -> pipeline.execute(ApiRequest.of("GET", "/interactions/"), InteractionsListResponse.class,
                RequestOptions.DEFAULT).block(WAIT));
        assertThat(error).as("the call failed").isNotNull();
        Secrets.assertNoneIn(error, TOKEN, SECRET, "Bearer " + TOKEN,
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
        return error;
    }

    private static String jsonEscaped(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    static Stream<Arguments> tokenAnswersThatAreNotQuiteJson() {
        String start = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\"";
        return Stream.of(
                Arguments.of("truncated", start + ",\"expires_in\":30"),
                Arguments.of("5,000-deep nesting", start + ",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                Arguments.of("5,000-digit number", start + ",\"expires_in\":" + "9".repeat(5000) + "}"),
                Arguments.of("trailing garbage", start + "} <html>" + TOKEN + "</html>"),
                Arguments.of("access token twice", start + ",\"access_token\":\"" + TOKEN + "\"}x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenAnswersThatAreNotQuiteJson")
    void aTokenAnswerThatDoesNotParseIsNeverQuoted(String kind, String body) {
        connect();
        server.enqueue(json(200, body));

        assertThat(call()).isInstanceOf(CortiAuthenticationException.class);
    }

    static Stream<Arguments> apiAnswersThatEchoTheRequest() {
        Function<HostileServer.Request, String> head = HostileServer.Request::echo;
        return Stream.of(
                Arguments.of("400 text", echoing(400, "text/plain", head)),
                Arguments.of("400 JSON detail", echoing(400, "application/json",
                        r -> "{\"type\":\"x\",\"status\":400,\"detail\":\"" + jsonEscaped(r.echo()) + "\","
                                + "\"validationErrors\":[{\"Authorization\":\"" + jsonEscaped(r.header("Authorization"))
                                + "\"}]}")),
                Arguments.of("404 detail", echoing(404, "application/problem+json",
                        r -> "{\"type\":\"not-found\",\"status\":404,\"detail\":\"no route for Authorization: "
                                + r.header("Authorization") + "\",\"requestid\":\"" + r.header("Authorization") + "\"}")),
                Arguments.of("500 HTML", echoing(500, "text/html",
                        r -> "<html><body><pre>" + r.echo().replace("\"", "&quot;") + "</pre></body></html>")),
                Arguments.of("502 URL-encoded", echoing(502, "text/plain",
                        r -> "upstream=" + java.net.URLEncoder.encode(r.echo(), StandardCharsets.UTF_8))),
                Arguments.of("200 not JSON", echoing(200, "text/plain", head)),
                Arguments.of("200 JSON of the wrong shape", echoing(200, "application/json",
                        r -> "{\"headers\":{\"authorization\":\"" + jsonEscaped(r.header("Authorization")) + "\"},"
                                + "\"interactions\":\"" + r.header("Authorization") + "\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiAnswersThatEchoTheRequest")
    void anAnswerThatEchoesTheAuthorizationHeaderNeverShowsIt(String kind, HostileServer.Answer answer) {
        connect();
        server.enqueue(json(200, Fixtures.token(TOKEN, 300)), answer);

        Throwable error = call();

        assertThat(error).isInstanceOfAny(CortiApiException.class, CortiDecodingException.class);
        assertThat(server.received("/v2/interactions/").get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aSecretTheTokenEndpointEchoesJsonEscapedIsRedacted() {
        connect();
        server.enqueue(echoing(401, "application/json", r -> "{\"error\":\"invalid_client\",\"error_description\":\""
                + jsonEscaped("client " + CLIENT_ID + " with secret " + SECRET + " is unknown; form was " + r.body())
                + "\"}"));

        Throwable error = call();

        assertThat(error).isInstanceOf(CortiAuthenticationException.class).hasMessageContaining("invalid_client");
    }

    @Test
    void aBasicAuthorizationOfIdAndSecretEchoedIsRedacted() {
        connect();
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        server.enqueue(json(400, "{\"error\":\"invalid_request\",\"error_description\":\"got Authorization: Basic "
                + basic + " and raw " + basic + "\"}"));

        assertThat(call()).isInstanceOf(CortiAuthenticationException.class).hasMessageContaining("invalid_request");
    }

    @Test
    void aTokenAnswerWithAnUnsupportedTypeIsRefusedWithoutShowingTheToken() {
        connect();
        server.enqueue(json(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"DPoP\",\"expires_in\":300}"));

        assertThat(call()).isInstanceOf(CortiAuthenticationException.class)
                .hasMessageContaining("token_type 'DPoP'").hasMessageContaining("only Bearer");
        assertThat(server.received("/v2/interactions/")).as("nothing sent with a token of another type").isEmpty();
    }
}
