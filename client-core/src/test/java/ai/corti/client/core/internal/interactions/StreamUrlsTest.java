package ai.corti.client.core.internal.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.auth.AccessToken;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stream URL carries the token as the documented {@code token=Bearer%20<token>} parameter, and only to the
 * configured API host over {@code wss} (or {@code ws} on loopback): the URL comes from the server and is not trusted.
 */
class StreamUrlsTest {

    private static final String TOKEN_VALUE = "eyJ.abc-123_x";
    private static final AccessToken TOKEN = AccessToken.nonExpiring(TOKEN_VALUE);
    private static final URI API = URI.create("https://api.eu.corti.app/v2");
    private static final URI LOCAL = URI.create("http://127.0.0.1:8080/v2");

    @Test
    void appendsTheTokenAsTheFirstParameter() {
        assertThat(StreamUrls.withToken("wss://api.eu.corti.app/audio-bridge/v2/interactions/42/streams", TOKEN, API))
                .isEqualTo("wss://api.eu.corti.app/audio-bridge/v2/interactions/42/streams?token=Bearer%20eyJ.abc-123_x");
    }

    @Test
    void appendsWithAnAmpersandWhenTheUrlAlreadyHasAQuery() {
        assertThat(StreamUrls.withToken("wss://API.eu.corti.app/streams?tenant-name=base", TOKEN, API))
                .isEqualTo("wss://API.eu.corti.app/streams?tenant-name=base&token=Bearer%20eyJ.abc-123_x");
    }

    @Test
    void percentEncodesTheTokenWithSpacesAsPercent20() {
        assertThat(StreamUrls.withToken("wss://api.eu.corti.app/s", AccessToken.nonExpiring("a+b/c=d e&f"), API))
                .isEqualTo("wss://api.eu.corti.app/s?token=Bearer%20a%2Bb%2Fc%3Dd%20e%26f");
    }

    @Test
    void plainWsIsAllowedOnlyOnALoopbackHost() {
        assertThat(StreamUrls.withToken("ws://127.0.0.1:8080/audio-bridge/v2/interactions/1/streams", TOKEN, LOCAL))
                .endsWith("?token=Bearer%20" + TOKEN_VALUE);
        assertThatThrownBy(() -> StreamUrls.withToken("ws://api.eu.corti.app/s", TOKEN, API))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its scheme is 'ws'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ws://198.51.100.7/v2/interactions/1/streams",
            "wss://attacker.example/v2/interactions/1/streams",
            "wss://api.eu.corti.app.attacker.example/s",
            "https://api.eu.corti.app/v2/interactions/1/streams",
            "http://api.eu.corti.app/s",
            "javascript:alert(1)",
            "wss://user:pw@api.eu.corti.app/s",
            "wss://api.eu.corti.app@attacker.example/s",
            "//api.eu.corti.app/s",
            "wss:///s"})
    void neverHandsTheTokenToAnotherOriginOrScheme(String url) {
        assertThatThrownBy(() -> StreamUrls.withToken(url, TOKEN, API))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no token was attached")
                .hasMessageNotContaining(TOKEN_VALUE);
    }

    @Test
    void refusesAMissingUrl() {
        assertThatThrownBy(() -> StreamUrls.withToken(null, TOKEN, API)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("websocketUrl");
        assertThatThrownBy(() -> StreamUrls.withToken(" ", TOKEN, API)).hasMessageContaining("websocketUrl");
    }
}
