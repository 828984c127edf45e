package ai.corti.client.core.hardening;

import static ai.corti.client.core.testing.HostileServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiInterruptedException;
import ai.corti.client.core.internal.Blocking;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.testing.HostileServer;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * What the SDK accepts from the token endpoint, from custom token providers and from callers: a header value is
 * visible ASCII (refused before sending, naming the header, never showing the value), a huge {@code expires_in}
 * is capped instead of overflowing, only Bearer tokens are used, and an interrupted blocking call throws the SDK's
 * own exception.
 */
@Timeout(15)
class StrictInputsTest {

    private static final String TOKEN_PATH = "/realms/base/protocol/openid-connect/token";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final HostileServer server = HostileServer.start();
    private HttpPipeline pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        server.close();
    }

    private HttpPipeline oauth() {
        pipeline = new HttpPipeline(TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2")
                .tokenUrl(server.url() + TOKEN_PATH).clientCredentials("id", "secret").build());
        return pipeline;
    }

    private JsonNode get() {
        return pipeline.execute(ApiRequest.of("GET", "/interactions/"), JsonNode.class, RequestOptions.DEFAULT)
                .block(WAIT).value();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e18", "9223372036854775807", "1e400", "\"1e400\"", "-5", "0", "\"soon\"", "null", "[1]"})
    void anyExpiresInIsUsableAndTheTokenIsCached(String expiresIn) {
        oauth();
        server.enqueue(json(200, "{\"access_token\":\"tok\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + "}"));
        server.otherwise(r -> json(200, "{\"ok\":true}"));

        assertThat(get().get("ok").asBoolean()).isTrue();
        if (!expiresIn.equals("-5") && !expiresIn.equals("0")) {
            assertThat(get().get("ok").asBoolean()).isTrue();
            assertThat(server.received(TOKEN_PATH)).as("the token is cached, not fetched per call").hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "bearer", "BEARER"})
    void bearerIsAcceptedInAnyCase(String type) {
        oauth();
        server.enqueue(json(200, "{\"access_token\":\"tok\",\"token_type\":\"" + type + "\",\"expires_in\":300}"),
                json(200, "{\"ok\":true}"));

        assertThat(get().get("ok").asBoolean()).isTrue();
        assertThat(server.received("/v2/interactions/").get(0).header("Authorization")).isEqualTo("Bearer tok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mac", "DPoP", "N_A", "Basic", ""})
    void anyOtherTokenTypeIsRefusedAndNothingIsSent(String type) {
        oauth();
        server.enqueue(json(200, "{\"access_token\":\"tok\",\"token_type\":\"" + type + "\",\"expires_in\":300}"));

        assertThatThrownBy(this::get).isInstanceOf(CortiAuthenticationException.class)
                .hasMessageContaining("only Bearer tokens are supported");
        assertThat(server.received("/v2/interactions/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qqq\u00e9n", "qqq\u0085n", "qqq\u0100n", "qqq\u0000n", "qqq\rn"})
    void aTokenFromTheEndpointThatCannotBeAHeaderIsRefused(String token) {
        oauth();
        server.enqueue(json(200, "{\"access_token\":\"" + token.replace("\r", "\\r").replace("\u0000", "\\u0000")
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));

        CortiAuthenticationException error = catchThrowableOfType(CortiAuthenticationException.class, this::get);

        assertThat(error).hasMessageContaining("characters an HTTP header cannot carry").hasMessageNotContaining("qqq");
        assertThat(server.received("/v2/interactions/")).isEmpty();
    }

    @Test
    void aTokenFromACustomProviderThatCannotBeAHeaderIsRefused() {
        pipeline = new HttpPipeline(TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2")
                .tokenProvider(() -> Mono.fromSupplier(() -> new AccessToken("caf\u00e9-token", java.time.Instant.MAX)))
                .build());

        CortiAuthenticationException error = catchThrowableOfType(CortiAuthenticationException.class, this::get);

        assertThat(error).hasMessageContaining("token provider failed").hasMessageContaining("visible ASCII")
                .hasMessageNotContaining("caf");
        assertThat(server.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9", "x\u0085y", "\u0100", "a\nb", "nul\u0000"})
    void callerHeaderValuesOutsideVisibleAsciiAreRefusedNamingTheHeader(String value) {
        assertThatThrownBy(() -> TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2").bearerToken("t")
                .defaultHeader("X-Team", value).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("header 'X-Team' may contain only")
                .hasMessageNotContaining(value);
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Trace", value))
                .hasMessageStartingWith("header 'X-Trace' may contain only");
        assertThatThrownBy(() -> TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2").bearerToken("t")
                .userAgentSuffix("app/" + value).build())
                .hasMessageStartingWith("userAgentSuffix may contain only");
        assertThatThrownBy(() -> TestOptions.builder().bearerToken("t" + value))
                .hasMessage("bearerToken may contain only visible ASCII, space and tab");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void anInterruptedBlockingCallThrowsTheSdksExceptionAndKeepsTheFlag() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                Blocking.await(Mono.never());
            } catch (RuntimeException e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        caller.join(WAIT.toMillis());

        assertThat(thrown.get()).isInstanceOf(CortiInterruptedException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flag.get()).as("interrupt flag still set").isTrue();
    }
}
