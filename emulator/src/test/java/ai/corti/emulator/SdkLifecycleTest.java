package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.model.CodesGeneralPredictRequest;
import ai.corti.client.model.CodesGeneralReadResponse;
import ai.corti.client.model.CommonCodingSystemEnum;
import ai.corti.client.model.CommonTextContext;
import ai.corti.client.model.FactsBatchUpdateInput;
import ai.corti.client.model.FactsBatchUpdateRequest;
import ai.corti.client.model.FactsCreateInput;
import ai.corti.client.model.FactsCreateRequest;
import ai.corti.client.model.FactsUpdateRequest;
import ai.corti.client.model.GuidedDocumentsGenerateByTemplateRef;
import ai.corti.client.model.GuidedTemplateRef;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.RequestDocumentCreate;
import ai.corti.client.model.RequestDocumentCreateContextInner;
import ai.corti.client.model.TranscriptsCreateRequest;
import ai.corti.client.model.TranscriptsResponse;
import ai.corti.client.model.TranscriptsStatusEnum;
import ai.corti.client.model.V2DocumentContextTypeEnum;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The SDK's blocking facade through the whole lifecycle against the emulator: a smoke test that the two agree on
 * the wire (the facades' full contract suite against the emulator lives with the integration tests).
 */
class SdkLifecycleTest {

    @Test
    void theSdkRunsTheWholeLifecycleAgainstTheEmulator() {
        try (CortiEmulator emulator = CortiEmulator.builder().transcriptProcessingTime(Duration.ofMillis(200)).start();
             CortiClient client = emulator.configure(CortiClient.builder()).build()) {
            UUID interaction = client.interactions().create(new InteractionsCreateRequest().encounter(
                    new InteractionsEncounterCreateRequest().identifier("smoke")
                            .status(InteractionsEncounterStatusEnum.IN_PROGRESS)
                            .type(InteractionsEncounterTypeEnum.CONSULTATION))).getInteractionId();
            byte[] audio = RecordingsTest.randomBytes(250_000, 4);

            UUID recording = client.recordings().upload(interaction, audio).getRecordingId();
            assertThat(client.recordings().list(interaction).getRecordings()).containsExactly(recording);
            ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
            assertThat(client.recordings().get(interaction, recording, downloaded)).isEqualTo(audio.length);
            assertThat(downloaded.toByteArray()).isEqualTo(audio);

            TranscriptsResponse transcript = client.transcripts().createAndWait(interaction,
                    new TranscriptsCreateRequest().recordingId(recording).primaryLanguage("en"), Duration.ofSeconds(20));
            assertThat(transcript.getStatus()).isEqualTo(TranscriptsStatusEnum.COMPLETED);
            assertThat(transcript.getTranscripts()).hasSize(8);

            UUID fact = client.facts().create(interaction, new FactsCreateRequest().facts(List.of(
                    new FactsCreateInput().text("Penicillin allergy").group("allergies")))).getFacts().get(0).getId();
            client.facts().update(interaction, fact, new FactsUpdateRequest().isDiscarded(true));
            client.facts().batchUpdate(interaction, new FactsBatchUpdateRequest().facts(List.of(
                    new FactsBatchUpdateInput().factId(fact).isDiscarded(false))));
            assertThat(client.facts().list(interaction).getFacts()).singleElement()
                    .satisfies(item -> assertThat(item.getIsDiscarded()).isFalse());
            assertThat(client.facts().factGroupsList().getData()).isNotEmpty();

            String document = client.documents().create(interaction, new RequestDocumentCreate()
                    .templateKey("corti-soap").outputLanguage("en").context(List.of(
                            new RequestDocumentCreateContextInner().type(V2DocumentContextTypeEnum.STRING)
                                    .data("I have had a sore throat and a fever for three days."))))
                    .getId().toString();
            assertThat(client.documents().get(interaction, document).getSections()).hasSize(4);
            assertThat(client.documents().list(interaction).getData()).hasSize(1);
            assertThat(client.templates().list().getData()).isNotEmpty();

            List<CodesGeneralReadResponse> codes = client.codes().predict(new CodesGeneralPredictRequest()
                    .system(java.util.Set.of(CommonCodingSystemEnum.ICD10CM_OUTPATIENT))
                    .context(List.of(new CommonTextContext().type(CommonTextContext.TypeEnum.TEXT)
                            .text("Sore throat and fever.")))).getCodes();
            assertThat(codes).extracting(CodesGeneralReadResponse::getCode).containsExactly("J02.9", "R50.9");

            UUID template = client.guidedTemplates().list().get(0).getId();
            var stored = client.guidedDocuments().generate(new GuidedDocumentsGenerateByTemplateRef()
                    .outputLanguage("en").interactionId(interaction)
                    .templateRef(new GuidedTemplateRef().templateId(template)));
            assertThat(stored.statusCode()).isEqualTo(201);
            var ephemeral = client.guidedDocuments().generate("none", new GuidedDocumentsGenerateByTemplateRef()
                    .outputLanguage("en").interactionId(interaction)
                    .templateRef(new GuidedTemplateRef().templateId(template)));
            assertThat(ephemeral.statusCode()).isEqualTo(200);
            assertThat(client.guidedSections().list()).isNotEmpty();

            client.interactions().delete(interaction);
            assertThatThrownBy(() -> client.recordings().list(interaction)).isInstanceOf(NotFoundException.class);
            assertThat(emulator.storedRecordingBytes()).isZero();
            List<String> problems = new java.util.ArrayList<>();
            for (RecordedExchange exchange : emulator.exchanges()) {
                problems.addAll(SpecConformance.packaged().violations(exchange));
            }
            assertThat(problems).isEmpty();
        }
    }
}
