package ai.corti.it.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.model.CodesGeneralReadResponse;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.TranscriptsResponse;
import ai.corti.client.model.TranscriptsStatusEnum;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.RecordedExchange;
import ai.corti.emulator.TenantData;
import ai.corti.emulator.junit.CortiEmulatorExtension;
import ai.corti.it.support.LeakCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's lifecycle snippets against the emulator, and checks what they did. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class LifecycleReadmeExamplesTest {

    @RegisterExtension
    static final CortiEmulatorExtension CORTI = new CortiEmulatorExtension(CortiEmulator.builder()
            .transcriptProcessingTime(Duration.ofMillis(300)));

    @TempDir
    Path dir;

    static InteractionsCreateRequest anInteraction() {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier("readme").status(InteractionsEncounterStatusEnum.PLANNED)
                .type(InteractionsEncounterTypeEnum.CONSULTATION));
    }

    private Path recording() throws IOException {
        byte[] audio = new byte[64_000];
        new Random(42).nextBytes(audio);
        return Files.write(dir.resolve("consultation.wav"), audio);
    }

    @Test
    void theBlockingSnippetRunsTheWholeLifecycle(CortiClient client, CortiEmulator emulator) throws IOException {
        Path recording = recording();

        LifecycleReadmeExamples.Outcome outcome = LifecycleReadmeExamples.blocking(client, recording,
                dir.resolve("copy.wav"));

        assertThat(outcome.downloadedBytes()).isEqualTo(Files.size(recording));
        assertThat(Files.readAllBytes(dir.resolve("copy.wav"))).isEqualTo(Files.readAllBytes(recording));
        assertThat(outcome.transcript().getStatus()).isEqualTo(TranscriptsStatusEnum.COMPLETED);
        assertThat(outcome.transcript().getTranscripts()).isNotEmpty();
        assertThat(outcome.document().getSections()).isNotEmpty();
        assertThat(outcome.templateKeys()).contains("corti-soap");
        assertThat(outcome.guidedTemplates()).isNotEmpty().allSatisfy(template -> assertThat(template.getId()).isNotNull());
        assertThat(outcome.codes().getCodes()).extracting(CodesGeneralReadResponse::getCode).contains("J02.9");
        assertThat(emulator.exchanges()).filteredOn(RecordedExchange::isApiCall).isNotEmpty()
                .allSatisfy(exchange -> assertThat(exchange.status()).isLessThan(400));
        // The snippet ends by deleting the interaction: everything it held is gone.
        assertThatThrownBy(() -> client.recordings().list(outcome.interactionId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(emulator.storedRecordingBytes()).isZero();
    }

    @Test
    void theReactiveSnippetUploadsWithTheFilesTypeAndWaitsForTheTranscript(CortiReactiveClient client,
            CortiEmulator emulator, TenantData data) throws IOException {
        UUID interactionId = client.interactions().create(anInteraction())
                .block(Duration.ofSeconds(10)).getInteractionId();

        TranscriptsResponse transcript = LifecycleReadmeExamples.reactive(client, interactionId, recording())
                .block(Duration.ofSeconds(30));

        assertThat(transcript.getStatus()).isEqualTo(TranscriptsStatusEnum.COMPLETED);
        assertThat(data.recordings(interactionId)).singleElement();
        assertThat(emulator.exchanges()).filteredOn(e -> "recordings_upload".equals(e.operationId()))
                .singleElement().satisfies(upload -> assertThat(upload.requestHeader("Content-Type"))
                        .hasValue("audio/wav"));
    }

    @Test
    void theReadmeShowsTheseSnippets() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("corti.root"), "README.md"));
        for (String file : new String[] {"LifecycleReadmeExamples.java", "MetricsReadmeExamples.java"}) {
            String source = Files.readString(Path.of(System.getProperty("corti.root"),
                    "integration-tests/src/test/java/ai/corti/it/readme", file));
            for (String snippet : Snippets.between(source, "// README:", "// README: end")) {
                assertThat(readme).as("README shows the snippet of %s:%n%s", file, snippet).contains(snippet);
            }
        }
    }
}
