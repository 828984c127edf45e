package ai.corti.client.core.http;

import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import static ai.corti.client.core.auth.OAuthFixtures.TOKEN_PATH;
import static ai.corti.client.core.auth.OAuthFixtures.inOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.OAuthFixtures;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.ServerException;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Everything logged at TRACE (the SDK's and Reactor Netty's own lines), every exception and every
 * toString() while client credentials, a 401 refresh and token endpoint failures run: none may show the
 * secret or a token. The SDK's DEBUG line per attempt must be there.
 */
@Timeout(10)
class RedactionLoggingTest {

    private static final String SECRET = "cs-REDACT-ME-4f1d9a+/=";
    private static final String TOKEN_1 = "at-FIRST-77c1e0";
    private static final String TOKEN_2 = "at-SECOND-0b9e55";
    private static final String PATIENT_ID = "PATIENT-QUERY-31337";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level previousLevel;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** Every text that a user could end up seeing: exception traces and toString()s. */
    private final List<String> surfaced = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        previousLevel = root.getLevel();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
    }

    @AfterEach
    void restore() throws Exception {
        root.detachAppender(captured);
        root.setLevel(previousLevel);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private ScriptedServer server() {
        ScriptedServer server = ScriptedServer.start();
        toClose.add(server);
        return server;
    }

    private HttpPipeline pipeline(CortiClientOptions options) {
        HttpPipeline pipeline = new HttpPipeline(options);
        toClose.add(0, pipeline);
        surfaced.add(options.toString());
        surfaced.add(options.credentials().toString());
        return pipeline;
    }

    private Throwable failing(HttpPipeline pipeline) {
        Throwable error = catchThrowable(() -> pipeline.execute(ApiRequest.of("GET", "/interactions/abc"),
                JsonNode.class, RequestOptions.DEFAULT).block(TIMEOUT));
        assertThat(error).isNotNull();
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        surfaced.add(trace.toString());
        return error;
    }

    /** Appends come from Netty threads under the appender's lock: copy under the same lock. */
    private List<ILoggingEvent> events() {
        synchronized (captured) {
            return new ArrayList<>(captured.list);
        }
    }

    private List<String> logLines() {
        return events().stream().map(e -> e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
    }

    private List<String> sdkDebugLines() {
        return events().stream().filter(e -> e.getLoggerName().equals("ai.corti.client.http"))
                .filter(e -> e.getLevel() == Level.DEBUG).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static void assertClean(List<String> texts) {
        String encodedSecret = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain(SECRET)
                .doesNotContain(encodedSecret)
                .doesNotContain(TOKEN_1)
                .doesNotContain(TOKEN_2)
                .doesNotContainIgnoringCase("Bearer at-"));
    }

    @Test
    void clientCredentialsAndARefreshLeaveNoSecretOrTokenAnywhere() {
        ScriptedServer server = server();
        // The API answers with headers that carry the token: only allow-listed headers may be logged.
        OAuthFixtures.route(server,
                inOrder(OAuthFixtures.token(TOKEN_1, 300), OAuthFixtures.token(TOKEN_2, 300)),
                inOrder(Reply.json(200, "{}", "X-Request-Id", "req-1", "Set-Cookie", "sid=" + TOKEN_1),
                        Reply.of(401, null, "", "WWW-Authenticate", "Bearer error=\"invalid_token\"",
                                "X-Echo-Authorization", "Bearer " + TOKEN_1),
                        Reply.json(200, "{}", "X-Request-Id", "req-3", "Set-Cookie", "sid=" + TOKEN_2),
                        Reply.json(500, "{\"detail\":\"boom\"}", "X-Request-Id", "req-4")));
        HttpPipeline pipeline = pipeline(OAuthFixtures.clientCredentials(server, "log-client", SECRET)
                .maxRetries(0).build());

        pipeline.execute(new ApiRequest("GET", "/interactions/", List.of(Map.entry("patientId", PATIENT_ID)), null),
                JsonNode.class, RequestOptions.DEFAULT).block(TIMEOUT);
        pipeline.execute(ApiRequest.of("GET", "/interactions/abc"), JsonNode.class, RequestOptions.DEFAULT)
                .block(TIMEOUT); // 401, refresh, 200
        assertThat(failing(pipeline)).isInstanceOf(ServerException.class);
        AccessToken current = pipeline.currentToken().block(TIMEOUT);
        assertThat(current.value()).isEqualTo(TOKEN_2); // the refresh really happened
        surfaced.add(current.toString());
        surfaced.add(pipeline.options().toString());

        assertThat(server.received(TOKEN_PATH)).hasSize(2);
        assertClean(logLines());
        assertClean(surfaced);

        // One DEBUG line per attempt: method, path (no query), status, attempt number, request id.
        assertThat(sdkDebugLines()).anySatisfy(line -> assertThat(line)
                .matches("GET /v2/interactions/ -> 200 \\(attempt 1, \\d+ ms, requestId req-1\\)"));
        assertThat(sdkDebugLines()).anySatisfy(line -> assertThat(line)
                .matches("GET /v2/interactions/abc -> 401 \\(attempt 1, \\d+ ms, requestId -\\)"));
        assertThat(sdkDebugLines()).anySatisfy(line -> assertThat(line)
                .isEqualTo("GET /v2/interactions/abc -> 401: token invalidated, retrying once with a fresh token"));
        assertThat(sdkDebugLines()).anySatisfy(line -> assertThat(line)
                .matches("GET /v2/interactions/abc -> 200 \\(attempt 2, \\d+ ms, requestId req-3\\)"));
        assertThat(sdkDebugLines()).anySatisfy(line -> assertThat(line)
                .matches("GET /v2/interactions/abc -> 500 \\(attempt 1, \\d+ ms, requestId req-4\\)"));
        // TRACE shows allow-listed headers only.
        List<String> sdkTrace = events().stream().filter(e -> e.getLoggerName().equals("ai.corti.client.http"))
                .filter(e -> e.getLevel() == Level.TRACE).map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(sdkTrace).anySatisfy(line -> assertThat(line).contains("X-Request-Id=[req-1]"))
                .anySatisfy(line -> assertThat(line).contains("WWW-Authenticate=[Bearer error=\"invalid_token\"]"))
                .noneSatisfy(line -> assertThat(line).containsIgnoringCase("Set-Cookie"))
                .noneSatisfy(line -> assertThat(line).containsIgnoringCase("X-Echo-Authorization"));
        // The SDK's own lines never show the query, which can carry patient identifiers.
        assertThat(events()).filteredOn(e -> e.getLoggerName().startsWith("ai.corti"))
                .noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(PATIENT_ID));
    }

    @Test
    void tokenEndpointFailuresLeaveNoSecretAnywhere() throws Exception {
        ScriptedServer refusing = server();
        refusing.otherwise(r -> Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret "
                + SECRET + "\"}"));
        ScriptedServer echoing = server();
        echoing.otherwise(r -> Reply.of(400, "text/plain", "you sent: " + r.body()));
        ScriptedServer slow = server();
        slow.otherwise(r -> Reply.delayed(Duration.ofSeconds(1), OAuthFixtures.token(TOKEN_1, 300)));
        String down = "http://127.0.0.1:" + OAuthFixtures.closedPort() + TOKEN_PATH;

        List<Throwable> errors = List.of(
                failing(pipeline(OAuthFixtures.clientCredentials(refusing, "log-client", SECRET).build())),
                failing(pipeline(OAuthFixtures.clientCredentials(echoing, "log-client", SECRET).build())),
                failing(pipeline(OAuthFixtures.clientCredentials(slow, "log-client", SECRET)
                        .responseTimeout(Duration.ofMillis(300)).build())),
                failing(pipeline(OAuthFixtures.clientCredentials(refusing, "log-client", SECRET).tokenUrl(down).build())));

        assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(CortiAuthenticationException.class));
        assertThat(echoing.received(TOKEN_PATH)).hasSize(1); // the secret really was sent, and echoed
        assertClean(logLines());
        assertClean(surfaced);
    }

    @Test
    void transportFailuresAreLoggedPerAttempt() throws Exception {
        String base = "http://127.0.0.1:" + OAuthFixtures.closedPort();
        HttpPipeline pipeline = pipeline(ai.corti.client.core.testing.TestOptions.builder().tenantName("base")
                .baseUrl(base + "/v2").bearerToken(TOKEN_1).maxRetries(0).build());

        failing(pipeline);

        assertThat(sdkDebugLines()).anySatisfy(line -> assertThat(line)
                .matches("GET /v2/interactions/abc -> CortiTransportException \\(attempt 1, \\d+ ms\\): .*could not connect.*"));
        assertClean(logLines());
        assertClean(surfaced);
    }
}
