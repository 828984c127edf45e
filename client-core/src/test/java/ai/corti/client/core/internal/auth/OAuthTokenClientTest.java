package ai.corti.client.core.internal.auth;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.Credentials;
import ai.corti.client.core.auth.OAuthFixtures;
import ai.corti.client.core.testing.MutableClock;

import static ai.corti.client.core.auth.OAuthFixtures.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.http.ConnectionPoolOptions;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.internal.http.ReactorNettyTransport;
import ai.corti.client.core.testing.TestTransports;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Received;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client-credentials exchange against a real loopback token endpoint. */
@Timeout(10)
class OAuthTokenClientTest {

    /** Distinctive, and with characters that form encoding changes, so both spellings are checked. */
    static final String SECRET = "sEcReT-7Qx+9f3b/zZ=&%-\u00fc-KLAXON";
    static final String CLIENT_ID = "corti-test-client";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ScriptedServer server = ScriptedServer.start();
    private final ReactorNettyTransport transport = TestTransports.create();
    private final Redactor redactor = TokenProviders.redactorFor(
            new Credentials.ClientCredentials(CLIENT_ID, SECRET, List.of()));
    private final MutableClock clock = new MutableClock(NOW);

    @AfterEach
    void close() {
        transport.close();
        server.close();
    }

    private OAuthTokenClient client(String tokenUrl, List<String> scopes) {
        return new OAuthTokenClient(transport, URI.create(tokenUrl),
                new Credentials.ClientCredentials(CLIENT_ID, SECRET, scopes), CortiJson.mapper(), clock,
                Duration.ofMillis(300), "corti-java-sdk/test", redactor, 1024 * 1024);
    }

    private OAuthTokenClient client() {
        return client(OAuthFixtures.tokenUrl(server), List.of());
    }

    private CortiAuthenticationException failure(OAuthTokenClient client) {
        return catchThrowableOfType(CortiAuthenticationException.class, () -> client.fetch().block(TIMEOUT));
    }

    /** Asserts the secret appears nowhere in the exception: message, causes, stack trace text. */
    static void assertNoSecret(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        assertThat(text.toString())
                .doesNotContain(SECRET)
                .doesNotContain(URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
    }

    @Test
    void sendsAFormPostWithClientCredentialsAndNoTenantName() {
        server.enqueue(OAuthFixtures.token("t1", 300));

        AccessToken token = client().fetch().block(TIMEOUT);

        assertThat(token.value()).isEqualTo("t1");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(server.received()).hasSize(1);
        Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(TOKEN_PATH);
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Tenant-Name")).isNull();
        assertThat(request.header("Authorization")).isNull();
        assertThat(OAuthFixtures.form(request.body())).containsExactly(
                Map.entry("grant_type", "client_credentials"),
                Map.entry("scope", "openid"),
                Map.entry("client_id", CLIENT_ID),
                Map.entry("client_secret", SECRET));
    }

    @Test
    void extraScopesFollowOpenidOnceEachSpaceSeparated() {
        server.enqueue(OAuthFixtures.token("t1", 300));

        client(OAuthFixtures.tokenUrl(server), List.of("patient.read", "openid")).fetch().block(TIMEOUT);

        assertThat(OAuthFixtures.form(server.received().get(0).body())).containsEntry("scope", "openid patient.read");
    }

    @Test
    void missingExpiresInMeansFiveMinutes() {
        server.enqueue(Reply.json(200, "{\"access_token\":\"t1\"}"));

        assertThat(client().fetch().block(TIMEOUT).expiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void refusedCredentialsNameTheUrlAndStatusButNotTheSecret() {
        server.enqueue(Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}"));

        CortiAuthenticationException error = failure(client());

        assertThat(error.statusCode()).isEqualTo(401);
        assertThat(error.getMessage())
                .contains(OAuthFixtures.tokenUrl(server))
                .contains("401")
                .contains("invalid_client")
                .contains("Invalid client credentials");
        assertNoSecret(error);
    }

    @Test
    void secretEchoedInAJsonErrorIsRedacted() {
        server.enqueue(Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"secret " + SECRET
                + " is wrong\"}"));

        CortiAuthenticationException error = failure(client());

        assertThat(error.getMessage()).contains("invalid_client").contains("is wrong");
        assertNoSecret(error);
    }

    @Test
    void formEchoedInAPlainTextErrorIsRedacted() {
        // A misbehaving proxy that echoes the request body, form-encoded secret and all.
        server.otherwise(r -> Reply.of(400, "text/plain", "cannot handle: " + r.body()));

        CortiAuthenticationException error = failure(client());

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.getMessage()).contains("cannot handle: grant_type=client_credentials").contains("client_secret=***");
        assertNoSecret(error);
    }

    @Test
    void secretEchoedInASuccessfulNonTokenBodyIsRedacted() {
        server.enqueue(Reply.of(200, "text/html", "<html>login page for " + SECRET + "</html>"));

        CortiAuthenticationException error = failure(client());

        assertThat(error.statusCode()).isEqualTo(200);
        // A 2xx answer is never quoted: it may hold a token even when it does not parse.
        assertThat(error.getMessage()).contains("not a token").doesNotContain("login page");
        assertNoSecret(error);
    }

    @Test
    void secretStraddlingTheExcerptCutLeavesNoFragment() {
        // The excerpt keeps 300 characters: put the secret across that boundary.
        String padding = "x".repeat(290);
        server.enqueue(Reply.of(500, "text/plain", padding + SECRET + " and more text after it"));

        CortiAuthenticationException error = failure(client());

        assertThat(error.getMessage()).contains("xxxxxxxxxx");
        assertNoSecret(error);
        String start = SECRET.substring(0, 8); // the part that would fit before the cut
        assertThat(error.getMessage()).doesNotContain(start);
    }

    @Test
    void successWithoutAccessTokenIsAnAuthenticationFailure() {
        server.enqueue(Reply.json(200, "{\"token_type\":\"Bearer\"}"));

        CortiAuthenticationException error = failure(client());

        assertThat(error.statusCode()).isEqualTo(200);
        assertThat(error.getMessage()).contains(OAuthFixtures.tokenUrl(server)).contains("without an access_token");
    }

    @Test
    void unreachableEndpointIsAnAuthenticationFailure() throws Exception {
        String downUrl = "http://127.0.0.1:" + OAuthFixtures.closedPort() + TOKEN_PATH;

        CortiAuthenticationException error = failure(client(downUrl, List.of()));

        assertThat(error.statusCode()).isZero();
        assertThat(error.getMessage()).contains(downUrl).contains("could not be reached");
        assertThat(error.getCause()).isInstanceOf(CortiTransportException.class);
        assertThat(((CortiTransportException) error.getCause()).requestNeverSent()).isTrue();
        assertNoSecret(error);
    }

    @Test
    void slowEndpointIsAnAuthenticationFailureAfterTheResponseTimeout() {
        server.enqueue(Reply.delayed(Duration.ofSeconds(1), OAuthFixtures.token("too-late", 300)));

        long started = System.nanoTime();
        CortiAuthenticationException error = failure(client());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(error.statusCode()).isZero();
        assertThat(error.getMessage()).contains(OAuthFixtures.tokenUrl(server)).contains("did not answer within PT0.3S");
        assertThat(error.getCause()).isInstanceOf(CortiTimeoutException.class);
        assertThat(tookMillis).isLessThan(1000); // gave up at the timeout, not when the answer came
        assertNoSecret(error);
    }

    @Test
    void toStringShowsTheClientIdButNotTheSecret() {
        assertThat(client().toString()).contains(CLIENT_ID).doesNotContain(SECRET);
    }
}
