package ai.corti.client.core.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamOptionsTest {

    @Test
    void theDefaults() {
        StreamOptions options = StreamOptions.defaults();

        assertThat(options.handshakeTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.reconnect().maxAttempts()).isZero();
        assertThat(options.baseUrl()).isEmpty();
        assertThat(options.audioBufferBytes()).isEqualTo(1 << 20);
        assertThat(options.maxMessageBytes()).isEqualTo(1 << 20);
    }

    @Test
    void aCustomAddressMustBeSecureWebSocketWithoutQuery() {
        assertThat(StreamOptions.builder().baseUrl("wss://proxy.example.com/audio-bridge/v2/").build().baseUrl())
                .hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("wss://proxy.example.com/audio-bridge/v2"));
        assertThat(StreamOptions.builder().baseUrl("ws://127.0.0.1:8080/audio-bridge/v2").build().baseUrl()).isPresent();
        assertThatThrownBy(() -> StreamOptions.builder().baseUrl("ws://proxy.example.com/x"))
                .hasMessageContaining("must use wss");
        assertThatThrownBy(() -> StreamOptions.builder().baseUrl("https://proxy.example.com/x"))
                .hasMessageContaining("absolute ws(s) URL");
        assertThatThrownBy(() -> StreamOptions.builder().baseUrl("wss://proxy.example.com/x?token=Bearer%20abc"))
                .hasMessageContaining("must not have a query").hasMessageNotContaining("abc");
        assertThatThrownBy(() -> StreamOptions.builder().baseUrl("wss://user:secret@proxy.example.com/x"))
                .hasMessageContaining("must not carry credentials").hasMessageNotContaining("secret");
    }

    @Test
    void headersAreCheckedAndTheirValuesNeverShown() {
        StreamOptions options = StreamOptions.builder().header("X-Proxy-Key", "proxy-secret").build();

        assertThat(options.headers()).containsEntry("X-Proxy-Key", "proxy-secret");
        assertThat(options.toString()).contains("X-Proxy-Key").doesNotContain("proxy-secret");
        assertThatThrownBy(() -> StreamOptions.builder().header("Authorization", "x")).hasMessageContaining("set by the SDK");
        assertThatThrownBy(() -> StreamOptions.builder().header("X-A", "a\r\nb")).hasMessageContaining("U+000D");
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> StreamOptions.builder().handshakeTimeout(Duration.ZERO))
                .hasMessageContaining("handshakeTimeout must be a positive duration");
        assertThatThrownBy(() -> StreamOptions.builder().audioBufferBytes(1024)).hasMessageContaining("audioBufferBytes");
        assertThatThrownBy(() -> StreamOptions.builder().messageBufferSize(1)).hasMessageContaining("messageBufferSize");
        assertThatThrownBy(() -> StreamOptions.builder().maxMessageBytes(Integer.MAX_VALUE))
                .hasMessageContaining("maxMessageBytes");
    }

    @Test
    void reconnectionBacksOffByDoublingUpToTheMaximum() {
        ReconnectPolicy policy = ReconnectPolicy.exponentialBackoff(5, Duration.ofMillis(100), Duration.ofMillis(350));

        assertThat(policy.delayBefore(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofMillis(350));
        assertThat(policy.delayBefore(50)).isEqualTo(Duration.ofMillis(350));
        assertThat(ReconnectPolicy.none().maxAttempts()).isZero();
        assertThatThrownBy(() -> ReconnectPolicy.exponentialBackoff(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> ReconnectPolicy.exponentialBackoff(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxDelay must be at least firstDelay");
    }
}
