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
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
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

    @Nested
    @CortiEmulatorTest
    class DictationServiceTest {
        private final byte[] audio = RecordingsTest.randomBytes(48_000, 9);

        @Test
        void anUploadRetriedPastA503IsStoredOnce(CortiEmulator emulator, TenantData data) {
            Dictation dictation = new Dictation(emulator);
            emulator.faults().forOperation(CortiOperations.RECORDINGS_UPLOAD).failNext(1, 503); // only the next upload

            UUID interaction = dictation.record(audio);             // your code: creates, uploads, transcribes (async)

            assertThat(data.recordings(interaction)).singleElement()             // what the tenant holds, per interaction
                    .satisfies(recording -> assertThat(recording.bytes()).isEqualTo(audio));
            emulator.advanceClock(emulator.transcriptProcessingTime());          // the asynchronous transcript completes
            assertThat(data.transcripts(interaction)).extracting(TenantData.Transcript::status).containsOnly("completed");
        }
    }

    /**
     * The code under test of the README's dictation example: plain HTTP until the SDK's recordings and transcripts
     * calls exist. It uploads once more after a 503, then asks for an asynchronous transcript.
     */
    private static final class Dictation {
        private final CortiEmulator emulator;
        private final RawHttp http;

        Dictation(CortiEmulator emulator) {
            this.emulator = emulator;
            this.http = new RawHttp(emulator);
        }

        UUID record(byte[] audio) {
            String token = http.token(CortiEmulator.DEFAULT_TENANT);
            String interaction = http.interaction(token, CortiEmulator.DEFAULT_TENANT);
            var uploaded = http.upload(token, CortiEmulator.DEFAULT_TENANT, interaction, audio);
            if (uploaded.statusCode() == 503) {
                uploaded = http.upload(token, CortiEmulator.DEFAULT_TENANT, interaction, audio);
            }
            String recording = RawHttp.json(uploaded).get("recordingId").asText();
            var transcript = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/interactions/"
                            + interaction + "/transcripts/"))
                    .header("Authorization", "Bearer " + token).header("Tenant-Name", CortiEmulator.DEFAULT_TENANT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"recordingId\":\"" + recording
                            + "\",\"primaryLanguage\":\"en\",\"async\":true}")));
            assertThat(transcript.statusCode()).isEqualTo(202);
            return UUID.fromString(interaction);
        }
    }
}
