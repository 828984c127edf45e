package ai.corti.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.error.ForbiddenException;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.CortiOperations;
import ai.corti.emulator.RecordedExchange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the README's walkthrough against an emulator and checks what it printed and every answer the emulator
 * gave along the way: each must conform to the spec (schemas and a strict read into the generated models). A second
 * run in read-only mode, as against a real tenant without {@code --write}, must send nothing but reads; a run whose
 * step fails must still delete what it created.
 */
class WalkthroughTest {

    private static final int STEPS = 15;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theWalkthroughRunsTheWholeLifecycleAndEveryAnswerConformsToTheSpec() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (CortiEmulator emulator = CortiEmulator.start()) {
            Walkthrough.runAgainstEmulator(emulator, new PrintStream(report, true, StandardCharsets.UTF_8));

            List<RecordedExchange> answers = emulator.exchanges().stream()
                    .filter(RecordedExchange::isApiCall).toList();
            assertThat(Walkthrough.conformanceProblems(answers)).isEmpty();
            assertThat(answers).extracting(RecordedExchange::status).contains(200, 201, 202, 204, 400, 404, 422);
            assertThat(operation(answers, "interactions_create")).hasSize(14)
                    .filteredOn(a -> a.status() == 201).hasSize(13);
            assertThat(operation(answers, "interactions_update")).extracting(RecordedExchange::requestBody)
                    .containsExactly("{\"encounter\":{\"title\":\"Follow-up: chest pain\"}}",
                            "{\"encounter\":{\"title\":null}}");
            // The 400 is the server's answer to a request the SDK sent, not a client-side refusal.
            assertThat(answers).filteredOn(a -> a.status() == 400).singleElement()
                    .satisfies(a -> assertThat(a.responseBody()).contains("patient.birthDate"));
            // "not-a-uuid" was refused by the SDK: it never reached the emulator.
            assertThat(answers).noneMatch(a -> a.path().contains("not-a-uuid"));

            assertThat(operation(answers, "recordings_upload")).singleElement()
                    .satisfies(a -> assertThat(a.status()).isEqualTo(201))
                    .satisfies(a -> assertThat(a.requestBody()).contains(
                            (ConsultationSteps.RECORDING_SECONDS * 32_000) + " bytes"));
            // Both transcripts were created asynchronously (createAndWait too), and both completed.
            assertThat(operation(answers, "transcripts_create")).hasSize(2)
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(202))
                    .allSatisfy(a -> assertThat(a.requestBody()).contains("\"async\":true"));
            assertThat(operation(answers, "transcripts_get_status"))
                    .anySatisfy(a -> assertThat(a.responseBody()).contains("completed"));
            assertThat(operation(answers, "facts_batch_update")).singleElement()
                    .satisfies(a -> assertThat(a.requestBody()).contains("\"isDiscarded\":true"));
            assertThat(operation(answers, "documents_create")).singleElement()
                    .satisfies(a -> assertThat(a.status()).isEqualTo(201));
            assertThat(operation(answers, "codes_predict")).singleElement()
                    .satisfies(a -> assertThat(a.responseBody()).contains("\"I10\"", "\"E11.9\""));
            assertThat(operation(answers, "guided_documents_generate")).extracting(RecordedExchange::status)
                    .containsExactly(200, 422);
            // The cascade: after the delete, everything under the consultation is a 404.
            assertThat(operation(answers, "interactions_delete")).hasSize(13)
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(204));
            for (String read : List.of("recordings_get", "recordings_list", "transcripts_list", "facts_list",
                    "documents_get")) {
                assertThat(operation(answers, read)).as(read).last()
                        .satisfies(a -> assertThat(a.status()).isEqualTo(404));
            }
            assertThat(emulator.interactionCount(CortiEmulator.DEFAULT_TENANT)).isZero();
            assertThat(emulator.storedRecordingBytes()).isZero();
        }

        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("created 12 interactions for 4 patients")
                .contains("page 1 (5 interactions)").contains("page 2 (2 interactions)")
                .contains("7 interactions in 2 pages")
                .contains("title is \"Follow-up: chest pain\"").contains("title is cleared")
                .contains("160000 bytes, identical to the upload")
                .containsPattern("completed after \\d+\\.\\d s: 8 utterances")
                .contains("Hello, how have your blood sugars been since the last visit?")
                // Half the processing time on the emulator's clock: about half the words (4 of 8, one or two more if
                // the machine is slow, as the emulator's clock also runs with the wall clock).
                .containsPattern("get: processing, [1-7] utterances so far")
                .contains("getStatus: completed")
                .contains("completed, 8 utterances, the same words: true")
                .contains("12 groups: other, chief-complaint")
                .contains("vitals          | Blood pressure 145/90 mmHg, high")
                .contains("medications     | Metformin 500 mg twice daily")
                .containsPattern("social-history +\\| Walks every evening +\\| user +\\| yes")
                .contains("corti-soap").contains("\"SOAP Note\" from 3 facts and 8 utterances")
                .containsPattern("Plan +\\| I will start lisinopril")
                .containsPattern("code \\| I10 +\\| Essential \\(primary\\) hypertension")
                .contains("200 from \"SOAP note\", not stored, 4 sections")
                .contains("NotFoundException 404: Interaction")
                .contains("IllegalArgumentException, nothing sent")
                .contains("BadRequestException 400").contains("patient.birthDate: must be an RFC 3339 date-time")
                .contains("CortiApiException 422: Supply context or interactionId")
                .contains("it holds 1 recording, 2 transcripts, 4 facts, 1 document")
                .containsPattern("documents\\(\\)\\.get\\(id, doc\\) +-> NotFoundException 404")
                .contains("0.0-1.0 s  patient presents with a sore throat and fever for three days.")
                .contains("1.0-2.0 s  [command next-section]")
                .contains("2.0-3.0 s  temperature thirty eight point five degrees.")
                .contains("ended, 0.05 credits")
                .contains("deleted 12 interactions; 0 left")
                .contains("every answer matched the spec")
                .containsPattern("The walkthrough took \\d+\\.\\d s\\.")
                .doesNotContain("skipped");
        assertThat(headings(text)).hasSize(STEPS);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readOnlyTheWalkthroughOnlyReads() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (CortiEmulator emulator = CortiEmulator.start();
             CortiClient blocking = emulator.configure(CortiClient.builder()).build();
             CortiReactiveClient reactive = emulator.configure(CortiReactiveClient.builder()).build()) {
            // A tenant that already holds something, as a real one does.
            SampleData.interactions("", java.time.Instant.now()).subList(0, 3)
                    .forEach(request -> blocking.interactions().create(request));
            emulator.clearExchanges();

            StepContext readOnly = new StepContext(blocking, reactive,
                    new Report(new PrintStream(report, true, StandardCharsets.UTF_8)), false, "",
                    new CreatedInteractions(), Optional.empty());
            new WalkthroughSteps(readOnly).runAll();

            List<RecordedExchange> answers = emulator.exchanges().stream()
                    .filter(RecordedExchange::isApiCall).toList();
            assertThat(answers).isNotEmpty().allSatisfy(a -> assertThat(a.method()).isEqualTo("GET"));
            assertThat(answers).extracting(RecordedExchange::operationId).contains("interactions_list",
                    "interactions_get", "facts_fact_groups_list", "templates_list", "guided_templates_list");
            assertThat(emulator.interactionCount(CortiEmulator.DEFAULT_TENANT)).isEqualTo(3);
        }
        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("skipped: it would create data (add --write)")
                .contains("12 groups: other")
                .contains("corti-soap")
                .contains("2 templates: SOAP note, Medication review")
                .contains("NotFoundException 404")
                .contains("skipped: it would use credits (add --write)")
                .contains("nothing to delete: nothing was created");
        assertThat(headings(text)).hasSize(STEPS);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void whenAStepFailsWhatTheRunCreatedIsDeletedAndTheErrorReported() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (CortiEmulator emulator = CortiEmulator.start()) {
            emulator.faults().forOperation(CortiOperations.CODES_PREDICT).failNext(1, 403);

            assertThatThrownBy(() -> Walkthrough.runAgainstEmulator(emulator,
                    new PrintStream(report, true, StandardCharsets.UTF_8)))
                    .isInstanceOf(ForbiddenException.class);

            // The dozen and the consultation: nothing the failed run created is left behind.
            assertThat(emulator.interactionCount(CortiEmulator.DEFAULT_TENANT)).isZero();
        }
        assertThat(report.toString(StandardCharsets.UTF_8))
                .contains("A step failed; deleted the 13 interactions this run had created.")
                .doesNotContain("every answer matched the spec");
    }

    private static List<RecordedExchange> operation(List<RecordedExchange> answers, String operationId) {
        return answers.stream().filter(a -> operationId.equals(a.operationId())).toList();
    }

    private static List<String> headings(String text) {
        return text.lines().filter(line -> line.matches("\\d{1,2}\\. .*")).toList();
    }
}
