package ai.corti.emulator;

import ai.corti.client.core.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.blocking.streams.StreamSession;
import ai.corti.client.core.error.ServerException;
import ai.corti.client.core.streams.ReconnectPolicy;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.emulator.junit.CortiEmulatorTest;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.emulator.streams.StreamSessionRecord;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The emulator snippets of the root README, as written there: keep the two in step. */
class ReadmeExamplesTest {

    private final InteractionsCreateRequest request = new InteractionsCreateRequest()
            .encounter(new InteractionsEncounterCreateRequest().identifier("encounter-42")
                    .status(InteractionsEncounterStatusEnum.PLANNED)
                    .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION));

    @Test
    void embedded() {
        try (CortiEmulator emulator = CortiEmulator.start();                         // random free port
             CortiClient client = emulator.configure(CortiClient.builder()).build()) { // base URL, token URL, tenant, credentials
            client.interactions().create(request);
            assertThat(emulator.interactionCount("base")).isEqualTo(1);
        }
    }

    @Test
    void customised() {
        MutableClock testClock = MutableClock.at("2025-01-01T00:00:00Z");
        CortiEmulator custom = CortiEmulator.builder()
                .tokenLifetime(Duration.ofSeconds(30))
                .clientCredentials("my-client", "my-secret")
                .clock(testClock)                                                    // token expiry and timestamps follow it
                .start();
        try (custom) {
            assertThat(custom.clientId()).isEqualTo("my-client");
            assertThat(custom.tokenLifetime()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Nested
    @CortiEmulatorTest
    class BookingServiceTest {
        @Test
        void aFailedCreateIsNotRetriedSoNothingIsDuplicated(CortiEmulator emulator, CortiClient client) {
            emulator.faults().failNext(1, 503);                                  // also delayNext(n, duration), dropNext(n)

            assertThatThrownBy(() -> client.interactions().create(request)).isInstanceOf(ServerException.class);
            assertThat(emulator.interactionCount("base")).isZero();
            assertThat(emulator.exchanges()).filteredOn(RecordedExchange::isApiCall).hasSize(1);
        }
    }

    @Nested
    @CortiEmulatorTest
    class DictationTest {
        private final TranscribeConfiguration config = TranscribeConfiguration.builder().primaryLanguage("en").build();

        @Test
        void aDroppedSocketIsReopenedWithTheSameConfiguration(CortiClient client, StreamControls streams) {
            streams.transcriptEvery(8_000);                                      // a transcript per 250 ms of audio
            streams.nextSession().dropAfterAudioBytes(16_000);                   // also answerConfig, ignoreConfig,
                                                                                 // afterAcceptance, closeAfterAudioBytes, ...
            StreamOptions reconnect = StreamOptions.builder()
                    .reconnect(ReconnectPolicy.exponentialBackoff(3, Duration.ofMillis(50), Duration.ofSeconds(1)))
                    .build();
            try (StreamSession<TranscribeMessage> session = client.transcribe().connect(config, reconnect, null)) {
                session.sendAudio(new byte[16_000]);
                streams.awaitSession(1, Duration.ofSeconds(5)).awaitAudioBytes(0, Duration.ofSeconds(5));
                session.sendAudio(new byte[8_000]);
                session.end();
            }
            assertThat(streams.sessions()).extracting(StreamSessionRecord::configuration).containsOnly(
                    streams.sessions().get(0).configuration());
            // Not in the README: what the snippet relies on.
            assertThat(streams.sessions()).extracting(StreamSessionRecord::audioBytes).containsExactly(16_000L, 8_000L);
        }
    }
}
