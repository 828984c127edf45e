package ai.corti.client.core.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.streams.AudioEventMessage;
import ai.corti.client.core.streams.CommandMessage;
import ai.corti.client.core.streams.ConfigStatus;
import ai.corti.client.core.streams.ConfigStatusType;
import ai.corti.client.core.streams.DeltaUsageMessage;
import ai.corti.client.core.streams.DictationTranscript;
import ai.corti.client.core.streams.EndedMessage;
import ai.corti.client.core.streams.ErrorMessage;
import ai.corti.client.core.streams.Fact;
import ai.corti.client.core.streams.FactsMessage;
import ai.corti.client.core.streams.FlushedMessage;
import ai.corti.client.core.streams.MalformedMessage;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamTranscript;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.core.streams.TranscriptSegment;
import ai.corti.client.core.streams.UnknownMessage;
import ai.corti.client.core.streams.UsageMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Decoding is by {@code type}, strictly, per endpoint: never another type, never an exception. */
class MessageDecoderTest {

    private final StreamEndpoint<StreamMessage> streams = StreamEndpoint.streams(UUID.randomUUID());
    private final StreamEndpoint<TranscribeMessage> transcribe = StreamEndpoint.transcribe();

    @Test
    void configStatusesKeepTheirReasonSessionIdAndConfiguration() {
        assertThat(transcribe.decode("{\"type\":\"CONFIG_ACCEPTED\",\"sessionId\":\"s-1\",\"configuration\":"
                + "{\"primaryLanguage\":\"en\"}}")).isEqualTo(new ConfigStatus(ConfigStatusType.ACCEPTED, "CONFIG_ACCEPTED",
                Optional.empty(), Optional.of("s-1"), Optional.of("{\"primaryLanguage\":\"en\"}")));
        assertThat(streams.decode("{\"type\":\"CONFIG_DENIED\",\"reason\":\"language unavailable\"}"))
                .isEqualTo(new ConfigStatus(ConfigStatusType.DENIED, "CONFIG_DENIED", Optional.of("language unavailable"),
                        Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"CONFIG_ACCEPTED,ACCEPTED", "CONFIG_DENIED,DENIED", "CONFIG_REJECTED,REJECTED", "CONFIG_MISSING,MISSING",
            "CONFIG_NOT_PROVIDED,NOT_PROVIDED", "CONFIG_ALREADY_RECEIVED,ALREADY_RECEIVED", "CONFIG_TIMEOUT,TIMEOUT",
            "CONFIG_FROM_THE_FUTURE,OTHER"})
    void everyConfigStatusIsRecognised(String type, ConfigStatusType status) {
        assertThat(streams.decode("{\"type\":\"" + type + "\"}")).isInstanceOfSatisfying(ConfigStatus.class, s -> {
            assertThat(s.status()).isEqualTo(status);
            assertThat(s.type()).isEqualTo(type);
        });
    }

    @Test
    void aStreamsTranscriptIsAnArrayOfSegments() {
        StreamMessage message = streams.decode("{\"type\":\"transcript\",\"data\":[{\"id\":\"a\",\"transcript\":\"Hello\","
                + "\"final\":false,\"speakerId\":-1,\"participant\":{\"channel\":1},\"time\":{\"start\":0.5,\"end\":2},"
                + "\"extra\":true}]}");

        assertThat(message).isEqualTo(new StreamTranscript(List.of(new TranscriptSegment("a", "Hello", false, -1, 1, 0.5, 2.0))));
    }

    @Test
    void aTranscribeTranscriptIsOneObject() {
        assertThat(transcribe.decode("{\"type\":\"transcript\",\"data\":{\"text\":\"Hi.\",\"rawTranscriptText\":\"hi period\","
                + "\"start\":1,\"end\":2.5,\"isFinal\":true}}"))
                .isEqualTo(new DictationTranscript("Hi.", "hi period", 1, 2.5, true));
    }

    @Test
    void theSameTypeWithTheOtherEndpointsShapeIsMalformedNotReadAsTheOther() {
        assertThat(streams.decode("{\"type\":\"transcript\",\"data\":{\"text\":\"Hi.\",\"rawTranscriptText\":\"hi\","
                + "\"start\":1,\"end\":2,\"isFinal\":true}}"))
                .isInstanceOfSatisfying(MalformedMessage.class, m -> assertThat(m.problem()).isEqualTo("data must be an array, was an object"));
        assertThat(transcribe.decode("{\"type\":\"transcript\",\"data\":[]}"))
                .isInstanceOfSatisfying(MalformedMessage.class, m -> assertThat(m.problem()).isEqualTo("data must be an object, was an array"));
    }

    @Test
    void endedIsUpperCaseOnStreamsAndLowerCaseOnTranscribe() {
        assertThat(streams.decode("{\"type\":\"ENDED\"}")).isEqualTo(new EndedMessage("ENDED"));
        assertThat(transcribe.decode("{\"type\":\"ended\"}")).isEqualTo(new EndedMessage("ended"));
        assertThat(streams.decode("{\"type\":\"ended\"}")).isEqualTo(new UnknownMessage("ended", "{\"type\":\"ended\"}"));
        assertThat(transcribe.decode("{\"type\":\"ENDED\"}")).isEqualTo(new UnknownMessage("ENDED", "{\"type\":\"ENDED\"}"));
    }

    @Test
    void factsAreUnderFactWithIsoTimes() {
        StreamMessage message = streams.decode("{\"type\":\"facts\",\"fact\":[{\"id\":\"f\",\"text\":\"Allergy\",\"group\":\"g\","
                + "\"groupId\":\"gid\",\"isDiscarded\":true,\"source\":\"user\",\"createdAt\":\"2026-02-01T08:00:00\"}]}");

        assertThat(message).isEqualTo(new FactsMessage(List.of(new Fact("f", "Allergy", "g", "gid", true, "user",
                Instant.parse("2026-02-01T08:00:00Z"), Optional.empty()))));
        assertThat(streams.decode("{\"type\":\"facts\",\"fact\":[{\"id\":\"f\",\"text\":\"t\",\"group\":\"g\",\"groupId\":\"i\","
                + "\"isDiscarded\":false,\"source\":\"s\",\"createdAt\":\"yesterday\"}]}"))
                .isInstanceOfSatisfying(MalformedMessage.class, m -> assertThat(m.problem())
                        .isEqualTo("fact[0].createdAt must be an ISO-8601 date-time, was 'yesterday'"));
        assertThat(streams.decode("{\"type\":\"facts\",\"fact\":[]}")).isInstanceOfSatisfying(MalformedMessage.class,
                m -> assertThat(m.problem()).isEqualTo("fact must not be empty"));
    }

    @Test
    void commandsWithAndWithoutVariables() {
        assertThat(transcribe.decode("{\"type\":\"command\",\"data\":{\"id\":\"go\",\"variables\":{\"to\":\"plan\"},"
                + "\"rawTranscriptText\":\"go to plan\",\"start\":1,\"end\":2}}"))
                .isEqualTo(new CommandMessage("go", Map.of("to", "plan"), "go to plan", 1, 2));
        assertThat(transcribe.decode("{\"type\":\"command\",\"data\":{\"id\":\"next\",\"variables\":null,"
                + "\"rawTranscriptText\":\"next\",\"start\":1,\"end\":2}}"))
                .isEqualTo(new CommandMessage("next", Map.of(), "next", 1, 2));
        assertThat(streams.decode("{\"type\":\"command\"}")).isInstanceOf(UnknownMessage.class);
    }

    @Test
    void theSharedTypes() {
        assertThat(streams.decode("{\"type\":\"usage\",\"credits\":1.25}")).isEqualTo(new UsageMessage(1.25));
        assertThat(transcribe.decode("{\"type\":\"delta_usage\",\"credits\":0}")).isEqualTo(new DeltaUsageMessage(0));
        assertThat(transcribe.decode("{\"type\":\"flushed\"}")).isEqualTo(new FlushedMessage());
        assertThat(streams.decode("{\"type\":\"audioEvent\",\"data\":{\"event\":\"speechQualityIssueDetected\","
                + "\"channel\":0,\"startTimeMs\":1500}}")).isEqualTo(new AudioEventMessage("speechQualityIssueDetected", 0, 1500));
    }

    @Test
    void errorsKeepWhateverDetailsTheServerGave() {
        assertThat(streams.decode("{\"type\":\"error\",\"error\":{\"id\":\"x\",\"status\":\"503\",\"requestid\":\"r\"}}"))
                .isEqualTo(new ErrorMessage(Optional.of("x"), Optional.empty(), OptionalInt.of(503), Optional.empty(),
                        Optional.empty(), Optional.of("r")));
        assertThat(streams.decode("{\"type\":\"error\",\"error\":\"boom\"}")).isInstanceOfSatisfying(MalformedMessage.class,
                m -> assertThat(m.problem()).isEqualTo("error must be an object, was a string"));
        assertThat(new ErrorMessage(Optional.empty(), Optional.of("Bad"), OptionalInt.of(400), Optional.of("why"),
                Optional.empty(), Optional.empty()).summary()).isEqualTo("400 Bad: why");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json|not valid JSON",
            "{\"type\":\"usage\"} trailing|not valid JSON",
            "\"text\"|not a JSON object",
            "{}|type is required",
            "{\"type\":null}|type must be a string, was null",
            "{\"type\":\"usage\"}|credits is required",
            "{\"type\":\"usage\",\"credits\":null}|credits is required",
            "{\"type\":\"transcript\",\"data\":[{\"id\":\"a\",\"transcript\":\"t\",\"final\":\"yes\",\"speakerId\":1,"
                    + "\"participant\":{\"channel\":0},\"time\":{\"start\":0,\"end\":1}}]}|data[0].final must be a boolean, was a string",
            "{\"type\":\"transcript\",\"data\":[{\"id\":\"a\",\"transcript\":\"t\",\"final\":true,\"speakerId\":1.5,"
                    + "\"participant\":{\"channel\":0},\"time\":{\"start\":0,\"end\":1}}]}|data[0].speakerId must be an integer, was a number",
            "{\"type\":\"transcript\",\"data\":[{\"id\":\"a\",\"transcript\":\"t\",\"final\":true,\"speakerId\":1,"
                    + "\"time\":{\"start\":0,\"end\":1}}]}|data[0].participant is required",
            "{\"type\":\"audioEvent\",\"data\":{\"event\":\"x\",\"channel\":0}}|data.startTimeMs is required"})
    void malformedFramesNameTheirProblem(String text, String problem) {
        assertThat(streams.decode(text)).isInstanceOfSatisfying(MalformedMessage.class, m -> {
            assertThat(m.problem()).isEqualTo(problem);
            assertThat(m.excerpt()).isEqualTo(text);
        });
    }

    @Test
    void aMalformedExcerptIsBounded() {
        String big = "{\"type\":\"usage\",\"credits\":\"" + "x".repeat(1000) + "\"}";

        assertThat(transcribe.decode(big)).isInstanceOfSatisfying(MalformedMessage.class, m -> {
            assertThat(m.type()).isEqualTo("usage");
            assertThat(m.excerpt()).hasSize(MessageDecoder.EXCERPT_CHARS + 3).endsWith("...");
        });
    }
}
