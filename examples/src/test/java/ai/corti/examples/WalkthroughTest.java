package ai.corti.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.RecordedExchange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's walkthrough against an emulator and checks what it printed and every answer the emulator
 * gave along the way: each must conform to the spec (schemas and a strict read into the generated models).
 */
class WalkthroughTest {

    @Test
    void theWalkthroughRunsEveryStepAndEveryAnswerConformsToTheSpec() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (CortiEmulator emulator = CortiEmulator.start()) {
            Walkthrough.runAgainstEmulator(emulator, new PrintStream(report, true, StandardCharsets.UTF_8));

            List<RecordedExchange> answers = emulator.exchanges().stream()
                    .filter(RecordedExchange::isApiCall).toList();
            assertThat(Walkthrough.conformanceProblems(answers)).isEmpty();
            assertThat(answers).extracting(RecordedExchange::status).contains(200, 201, 400, 404);
            assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(12);
            assertThat(answers).filteredOn(a -> a.method().equals("PATCH")).extracting(RecordedExchange::requestBody)
                    .containsExactly("{\"encounter\":{\"title\":\"Follow-up: chest pain\"}}",
                            "{\"encounter\":{\"title\":null}}");
            // The 400 is the server's answer to a request the SDK sent, not a client-side refusal.
            assertThat(answers).filteredOn(a -> a.status() == 400).singleElement()
                    .satisfies(a -> assertThat(a.responseBody()).contains("patient.birthDate"));
            // "not-a-uuid" was refused by the SDK: it never reached the emulator.
            assertThat(answers).noneMatch(a -> a.path().contains("not-a-uuid"));
            assertThat(emulator.interactionCount(CortiEmulator.DEFAULT_TENANT)).isEqualTo(12);
        }

        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("created 12 interactions for 4 patients")
                .contains("page 1 (5 interactions)").contains("page 2 (2 interactions)")
                .contains("7 interactions in 2 pages")
                .contains("title is \"Follow-up: chest pain\"").contains("title is cleared")
                .contains("NotFoundException 404")
                .contains("IllegalArgumentException, nothing sent")
                .contains("BadRequestException 400").contains("patient.birthDate: must be an RFC 3339 date-time")
                .contains("0.0-1.0 s  patient presents with a sore throat and fever for three days.")
                .contains("1.0-2.0 s  [command next-section]")
                .contains("2.0-3.0 s  temperature thirty eight point five degrees.")
                .contains("ended, 0.05 credits")
                .contains("every answer matched the spec");
        assertThat(text.lines().filter(line -> line.matches("\\d\\. .*"))).hasSize(7);
    }
}
