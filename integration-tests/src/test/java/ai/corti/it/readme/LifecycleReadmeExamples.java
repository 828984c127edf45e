package ai.corti.it.readme;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.BinaryContent;
import ai.corti.client.model.CodesGeneralPredictRequest;
import ai.corti.client.model.CodesGeneralResponse;
import ai.corti.client.model.CommonCodingSystemEnum;
import ai.corti.client.model.CommonTextContext;
import ai.corti.client.model.FactsCreateInput;
import ai.corti.client.model.FactsCreateRequest;
import ai.corti.client.model.FactsUpdateRequest;
import ai.corti.client.model.GuidedTemplate;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.RequestDocumentCreate;
import ai.corti.client.model.RequestDocumentCreateContextInner;
import ai.corti.client.model.ResponseAllTemplatesDataInner;
import ai.corti.client.model.ResponseDocumentRead;
import ai.corti.client.model.TranscriptsCreateRequest;
import ai.corti.client.model.TranscriptsResponse;
import ai.corti.client.model.V2DocumentContextTypeEnum;
import ai.corti.client.reactive.CortiReactiveClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The README's lifecycle snippets ("The whole lifecycle"), kept compiling by the build and run against the emulator
 * by {@link LifecycleReadmeExamplesTest}. Keep the two in step: the text between the {@code // README} markers is what
 * the README shows.
 */
final class LifecycleReadmeExamples {

    private LifecycleReadmeExamples() {
    }

    /** What the blocking snippet produced, for the test. */
    record Outcome(UUID interactionId, TranscriptsResponse transcript, ResponseDocumentRead document,
                   CodesGeneralResponse codes, long downloadedBytes, List<String> templateKeys,
                   List<GuidedTemplate> guidedTemplates) {
    }

    static Outcome blocking(CortiClient client, Path recordingFile, Path copy) {
        // README: lifecycle, blocking
        UUID interactionId = client.interactions().create(new InteractionsCreateRequest()
                .encounter(new InteractionsEncounterCreateRequest()
                        .identifier("encounter-42")
                        .status(InteractionsEncounterStatusEnum.IN_PROGRESS)
                        .type(InteractionsEncounterTypeEnum.CONSULTATION)))
                .getInteractionId();

        // Recordings: streamed from the file with constant memory; an upload is never sent twice
        UUID recordingId = client.recordings().upload(interactionId, recordingFile).getRecordingId();
        long downloaded = client.recordings().get(interactionId, recordingId, copy);   // streamed to a file

        // Transcripts: created asynchronously, then transcripts_get_status is polled with backoff within the budget
        TranscriptsResponse transcript = client.transcripts().createAndWait(interactionId,
                new TranscriptsCreateRequest().recordingId(recordingId).primaryLanguage("en"), Duration.ofMinutes(5));

        // Facts
        UUID factId = client.facts().create(interactionId, new FactsCreateRequest().facts(List.of(
                new FactsCreateInput().text("Penicillin allergy").group("allergies")))).getFacts().get(0).getId();
        client.facts().update(interactionId, factId, new FactsUpdateRequest().isDiscarded(true));

        // Templates: the classic catalogue (its keys go into documents().create) and the guided one
        List<String> templateKeys = client.templates().list().getData().stream()
                .map(ResponseAllTemplatesDataInner::getKey).toList();
        List<GuidedTemplate> guidedTemplates = client.guidedTemplates().list();

        // Documents from a template
        ResponseDocumentRead document = client.documents().create(interactionId, new RequestDocumentCreate()
                .templateKey("corti-soap").outputLanguage("en")
                .context(List.of(new RequestDocumentCreateContextInner()
                        .type(V2DocumentContextTypeEnum.STRING)
                        .data("I have had a sore throat and a fever for three days."))));

        // Codes
        CodesGeneralResponse codes = client.codes().predict(new CodesGeneralPredictRequest()
                .system(Set.of(CommonCodingSystemEnum.ICD10CM_OUTPATIENT))
                .context(List.of(new CommonTextContext().type(CommonTextContext.TypeEnum.TEXT)
                        .text("Sore throat and fever."))));

        // Deleting the interaction deletes its recordings, transcripts, facts and documents
        client.interactions().delete(interactionId);
        // README: end
        return new Outcome(interactionId, transcript, document, codes, downloaded, templateKeys, guidedTemplates);
    }

    static Mono<TranscriptsResponse> reactive(CortiReactiveClient client, UUID interactionId, Path recordingFile) {
        // README: lifecycle, reactive
        Mono<TranscriptsResponse> transcript = client.recordings()
                .upload(interactionId, BinaryContent.fromFile(recordingFile))        // the file's type, e.g. audio/wav
                .flatMap(recording -> client.transcripts().createAndWait(interactionId,
                        new TranscriptsCreateRequest().recordingId(recording.getRecordingId()).primaryLanguage("en"),
                        Duration.ofMinutes(5)));
        // README: end
        return transcript;
    }
}
