package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The standalone entry point: options, and what it prints. */
class EmulatorMainTest {

    @Test
    void printsItsUrlsAndTheDemoCredentials() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CortiEmulator emulator = EmulatorMain.start(new String[] {"--port", "0"}, print(out))) {
            String text = out.toString(StandardCharsets.UTF_8);

            assertThat(text).contains(emulator.baseUrl())
                    .contains("http://127.0.0.1:" + emulator.port() + "/realms/{tenant}/protocol/openid-connect/token")
                    .contains(CortiEmulator.DEFAULT_CLIENT_ID)
                    .contains(CortiEmulator.DEFAULT_CLIENT_SECRET);
            assertThat(new RawHttp(emulator).token("base")).isNotBlank();
        }
    }

    @Test
    void takesCredentialsAndLifetimeButNeverPrintsAGivenSecret() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CortiEmulator emulator = EmulatorMain.start(new String[] {"--port", "0", "--client-id", "me",
            "--client-secret", "s3cr3t-value", "--token-lifetime", "90"}, print(out))) {
            assertThat(emulator.clientId()).isEqualTo("me");
            assertThat(emulator.clientSecret()).isEqualTo("s3cr3t-value");
            assertThat(emulator.tokenLifetime()).isEqualTo(Duration.ofSeconds(90));
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("s3cr3t-value").contains("90 s");
        }
    }

    @Test
    void takesTheRecordingBudgetAndTheTranscriptProcessingTime() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CortiEmulator emulator = EmulatorMain.start(new String[] {"--port", "0", "--recording-memory", "3",
            "--transcript-time", "0"}, print(out))) {
            assertThat(emulator.recordingMemoryLimit()).isEqualTo(3 * 1024 * 1024);
            assertThat(emulator.transcriptProcessingTime()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("150000000 bytes each, 3 MiB in all");
        }
        PrintStream sink = print(new ByteArrayOutputStream());
        assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--recording-memory", "-1"}, sink))
                .hasMessageContaining("--recording-memory");
        assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--transcript-time", "soon"}, sink))
                .hasMessageContaining("--transcript-time");
    }

    @Test
    void refusesUnknownOptionsAndBadValues() {
        PrintStream sink = print(new ByteArrayOutputStream());
        assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--colour"}, sink))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--port", "eighty"}, sink))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--port"}, sink)).hasMessageContaining("needs a value");
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
