package ai.corti.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-call overrides: validated as they are set, immutable once built. */
class RequestOptionsTest {

    @Test
    void theDefaultOverridesNothing() {
        assertThat(RequestOptions.DEFAULT.timeout()).isEmpty();
        assertThat(RequestOptions.DEFAULT.maxRetries()).isEmpty();
        assertThat(RequestOptions.DEFAULT.headers()).isEmpty();
        assertThat(RequestOptions.builder().build().headers()).isEmpty();
    }

    @Test
    void settingsAreKept() {
        RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(5)).maxRetries(0)
                .header("X-Correlation-Id", "abc").header("X-Other", "").build();
        assertThat(options.timeout()).contains(Duration.ofSeconds(5));
        assertThat(options.maxRetries()).hasValue(0);
        assertThat(options.headers()).containsOnly(Map.entry("X-Correlation-Id", "abc"), Map.entry("X-Other", ""));
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be a positive duration, was PT0S");
        assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ofMillis(-1)))
                .hasMessageStartingWith("timeout must be a positive duration");
        assertThatThrownBy(() -> RequestOptions.builder().timeout(null))
                .hasMessage("timeout must be a positive duration, was null");
    }

    @Test
    void maxRetriesMustNotBeNegative() {
        assertThatThrownBy(() -> RequestOptions.builder().maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxRetries must be >= 0, was -1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "Tenant-Name", "TENANT-NAME", "Host", "Content-Length",
            "Content-Type", "Transfer-Encoding"})
    void headersTheSdkOwnsAreRefused(String name) {
        assertThatThrownBy(() -> RequestOptions.builder().header(name, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header '" + name + "' is set by the SDK itself and cannot be overridden");
    }

    @Test
    void headerValuesAndNamesAreChecked() {
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Id", "1\r\nX-Injected: secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("header 'X-Id' may contain only visible ASCII, space and tab").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Id", null))
                .hasMessage("header 'X-Id' must not be null");
        assertThatThrownBy(() -> RequestOptions.builder().header("X Id", "1"))
                .hasMessage("header name 'X Id' is not a valid HTTP token");
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Id\r\n", "1"))
                .hasMessage("header name 'X-Id??' is not a valid HTTP token");
        assertThatThrownBy(() -> RequestOptions.builder().header(null, "1")).hasMessage("header name must not be blank");
    }

    @Test
    void builtOptionsDoNotChangeWithTheBuilder() {
        RequestOptions.Builder builder = RequestOptions.builder().header("X-A", "1");
        RequestOptions first = builder.build();
        builder.header("X-B", "2").maxRetries(3);

        assertThat(first.headers()).containsOnlyKeys("X-A");
        assertThat(first.maxRetries()).isEmpty();
        assertThatThrownBy(() -> first.headers().put("X-C", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsHeaderNamesNotValues() {
        assertThat(RequestOptions.builder().header("X-Secret", "hunter2").build().toString())
                .contains("X-Secret").doesNotContain("hunter2");
    }

    @Test
    void perCallHeadersAreSentAndOverrideDefaultHeaders() {
        try (ScriptedServer server = ScriptedServer.start().otherwise(r -> Reply.json(200, "{}"));
             HttpPipeline pipeline = new HttpPipeline(TestOptions.forServer(server).defaultHeader("X-Team", "default")
                     .defaultHeader("X-Keep", "kept").build())) {
            RequestOptions options = RequestOptions.builder().header("X-Team", "per-call")
                    .header("X-Correlation-Id", "c-1").build();

            pipeline.execute(ApiRequest.of("GET", "/things"), JsonNode.class, options).block(Duration.ofSeconds(5));

            ScriptedServer.Received sent = server.received().get(0);
            assertThat(sent.header("X-Team")).isEqualTo("per-call");
            assertThat(sent.header("X-Keep")).isEqualTo("kept");
            assertThat(sent.header("X-Correlation-Id")).isEqualTo("c-1");
            assertThat(sent.header("Authorization")).isEqualTo("Bearer test-token");
            assertThat(sent.header("Tenant-Name")).isEqualTo("base");
        }
    }
}
