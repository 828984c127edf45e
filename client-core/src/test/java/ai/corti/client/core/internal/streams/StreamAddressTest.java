package ai.corti.client.core.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamAddressTest {

    @ParameterizedTest
    @CsvSource({
            "https://api.eu.corti.app/v2, wss://api.eu.corti.app/audio-bridge/v2",
            "https://api.us.corti.app/v2/, wss://api.us.corti.app/audio-bridge/v2",
            "http://127.0.0.1:8080/v2, ws://127.0.0.1:8080/audio-bridge/v2",
            "https://proxy.example.com/corti/v2, wss://proxy.example.com/corti/audio-bridge/v2",
            "https://proxy.example.com/corti, wss://proxy.example.com/corti/audio-bridge/v2",
            "https://proxy.example.com, wss://proxy.example.com/audio-bridge/v2"})
    void theRealTimeAddressIsDerivedFromTheApiBaseUrl(String api, String expected) {
        assertThat(StreamAddress.fromApiBaseUrl(URI.create(api)).base()).hasToString(expected);
    }

    @Test
    void theTransportSeesTheTenantButNoTokenAndMessagesSeeNoQuery() {
        StreamAddress address = StreamAddress.fromApiBaseUrl(URI.create("https://api.eu.corti.app/v2"));
        UUID id = UUID.fromString("3c90c3cc-0d44-4b50-8888-8dd25736052a");

        assertThat(address.uri(StreamEndpoint.streams(id), "clinic one")).isEqualTo(
                "wss://api.eu.corti.app/audio-bridge/v2/interactions/3c90c3cc-0d44-4b50-8888-8dd25736052a/streams"
                        + "?tenant-name=clinic%20one");
        assertThat(address.describe(StreamEndpoint.transcribe()))
                .isEqualTo("wss://api.eu.corti.app/audio-bridge/v2/transcribe");
    }
}
