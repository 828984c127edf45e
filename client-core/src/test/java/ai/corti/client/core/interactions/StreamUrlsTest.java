package ai.corti.client.core.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.auth.AccessToken;
import org.junit.jupiter.api.Test;

/** The stream URL carries the token as the documented {@code token=Bearer%20<token>} parameter. */
class StreamUrlsTest {

    private static final AccessToken TOKEN = AccessToken.nonExpiring("eyJ.abc-123_x");

    @Test
    void appendsTheTokenAsTheFirstParameter() {
        assertThat(StreamUrls.withToken("wss://api.eu.corti.app/audio-bridge/v2/interactions/42/streams", TOKEN))
                .isEqualTo("wss://api.eu.corti.app/audio-bridge/v2/interactions/42/streams?token=Bearer%20eyJ.abc-123_x");
    }

    @Test
    void appendsWithAnAmpersandWhenTheUrlAlreadyHasAQuery() {
        assertThat(StreamUrls.withToken("wss://host/streams?tenant-name=base", TOKEN))
                .isEqualTo("wss://host/streams?tenant-name=base&token=Bearer%20eyJ.abc-123_x");
    }

    @Test
    void percentEncodesTheTokenWithSpacesAsPercent20() {
        assertThat(StreamUrls.withToken("wss://host/s", AccessToken.nonExpiring("a+b/c=d e&f")))
                .isEqualTo("wss://host/s?token=Bearer%20a%2Bb%2Fc%3Dd%20e%26f");
    }

    @Test
    void refusesAMissingUrl() {
        assertThatThrownBy(() -> StreamUrls.withToken(null, TOKEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("websocketUrl");
        assertThatThrownBy(() -> StreamUrls.withToken(" ", TOKEN)).hasMessageContaining("websocketUrl");
    }
}
