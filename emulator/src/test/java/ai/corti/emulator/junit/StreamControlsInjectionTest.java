package ai.corti.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.blocking.streams.StreamSession;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.streams.StreamControls;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** The extension injects the emulator's stream controls, and each test starts with none of the last one's scripts. */
@CortiEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(30)
class StreamControlsInjectionTest {

    @Test
    @Order(1)
    void aTestScriptsTheStreamsItUses(StreamControls streams, CortiEmulator emulator, CortiClient client) {
        assertThat(streams).isSameAs(emulator.streams());
        streams.transcriptEvery(4_000);
        streams.nextSession().afterAcceptance("{\"type\":\"hello\"}");
        streams.nextSession().refuseUpgrade(503); // left for the next test, which must not see it

        try (StreamSession<TranscribeMessage> session = client.transcribe()
                .connect(TranscribeConfiguration.builder().primaryLanguage("en").build())) {
            assertThat(session.poll(java.time.Duration.ofSeconds(5))).isPresent(); // CONFIG_ACCEPTED
            assertThat(session.poll(java.time.Duration.ofSeconds(5))).hasValueSatisfying(m ->
                    assertThat(m.type()).isEqualTo("hello"));
        }
        assertThat(streams.pendingScripts()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theNextTestStartsWithNoScriptsNoRecordsAndDefaultSettings(StreamControls streams, CortiClient client) {
        assertThat(streams.pendingScripts()).isZero();
        assertThat(streams.sessions()).isEmpty();

        try (StreamSession<TranscribeMessage> session = client.transcribe()
                .connect(TranscribeConfiguration.builder().primaryLanguage("en").build())) {
            session.sendAudio(new byte[4_000]);
            session.end();
        }
        assertThat(streams.sessions()).singleElement().satisfies(record -> assertThat(record.messagesSent())
                .as("CONFIG_ACCEPTED, then at end the 4,000 held bytes (under the default 32,000 per transcript), "
                        + "usage and ended").isEqualTo(4));
    }
}
