package ai.corti.it.streams;

import static ai.corti.it.streams.StreamFixtures.CHUNK;
import static ai.corti.it.streams.StreamFixtures.audio;
import static ai.corti.it.streams.StreamFixtures.consultation;
import static ai.corti.it.streams.StreamFixtures.dictation;
import static ai.corti.it.streams.StreamFixtures.quick;
import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.streams.AudioEventMessage;
import ai.corti.client.core.streams.CortiStreamException;
import ai.corti.client.core.streams.DeltaUsageMessage;
import ai.corti.client.core.streams.DictationTranscript;
import ai.corti.client.core.streams.ErrorMessage;
import ai.corti.client.core.streams.Fact;
import ai.corti.client.core.streams.FactsMessage;
import ai.corti.client.core.streams.MalformedMessage;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.core.streams.UnknownMessage;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.junit.CortiEmulatorTest;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.it.support.LeakCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Strict decoding through both facades against what the emulator sends: unknown types arrive as
 * {@link UnknownMessage}, malformed ones as {@link MalformedMessage} naming the problem, neither ends the
 * session nor is read as another type; a frame larger than the limit fails the session.
 */
@CortiEmulatorTest
@ExtendWith(LeakCheck.class)
@Timeout(60)
class StreamDecodingTest {

    @ParameterizedTest
    @EnumSource(Facades.class)
    void unknownTypesAreDeliveredAsTheyCameAndTheSessionGoesOn(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.transcriptEvery(CHUNK);
        streams.nextSession().afterAcceptance("{\"type\":\"speaker_hint\",\"data\":{\"who\":\"doctor\"}}",
                "{\"type\":\"ENDED\"}"); // the /streams spelling: not this endpoint's end
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), quick())) {
            session.send(audio(CHUNK));

            assertThat(next(session, 4)).satisfiesExactly(
                    accepted -> assertThat(accepted.type()).isEqualTo("CONFIG_ACCEPTED"),
                    hint -> assertThat(hint).isEqualTo(new UnknownMessage("speaker_hint",
                            "{\"type\":\"speaker_hint\",\"data\":{\"who\":\"doctor\"}}")),
                    wrongCase -> assertThat(wrongCase).isEqualTo(new UnknownMessage("ENDED", "{\"type\":\"ENDED\"}")),
                    transcript -> assertThat(transcript).isInstanceOf(DictationTranscript.class));
            session.flush(); // still open
        }
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void malformedMessagesNameTheirProblemAndAreNeverReadAsAnotherType(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().afterAcceptance(
                "not json",
                "[1,2]",
                "{\"type\":42}",
                "{\"type\":\"transcript\",\"data\":{\"text\":\"half\",\"start\":0,\"end\":1,\"isFinal\":true}}",
                "{\"type\":\"usage\",\"credits\":\"lots\"}",
                "{\"type\":\"command\",\"data\":{\"id\":\"x\",\"variables\":{\"n\":1},\"rawTranscriptText\":\"x\","
                        + "\"start\":0,\"end\":1}}");
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), quick())) {
            List<TranscribeMessage> received = next(session, 7);

            assertThat(received.subList(1, 7)).allSatisfy(m -> assertThat(m).isInstanceOf(MalformedMessage.class))
                    .extracting(m -> ((MalformedMessage) m).problem())
                    .containsExactly("not valid JSON", "not a JSON object", "type must be a string, was a number",
                            "data.rawTranscriptText is required", "credits must be a number, was a string",
                            "data.variables.n must be a string, was a number");
            assertThat(received.get(4)).isEqualTo(new MalformedMessage("transcript", "data.rawTranscriptText is required",
                    "{\"type\":\"transcript\",\"data\":{\"text\":\"half\",\"start\":0,\"end\":1,\"isFinal\":true}}"));
            session.flush();
        }
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void everyStreamsTypeDecodesIntoItsOwnRecord(Facades facade, CortiClient blocking, CortiReactiveClient reactive,
            StreamControls streams) {
        streams.nextSession().afterAcceptance(
                "{\"type\":\"facts\",\"fact\":[{\"id\":\"f1\",\"text\":\"Penicillin allergy\",\"group\":\"allergies\","
                        + "\"groupId\":\"g1\",\"isDiscarded\":false,\"source\":\"core\",\"createdAt\":"
                        + "\"2026-01-01T10:00:00.000Z\",\"updatedAt\":\"2026-01-01T10:01:00+01:00\"}]}",
                "{\"type\":\"delta_usage\",\"credits\":0.25}",
                "{\"type\":\"audioEvent\",\"data\":{\"event\":\"longSilenceDetected\",\"channel\":1,\"startTimeMs\":4200}}",
                "{\"type\":\"error\",\"error\":{\"id\":\"e1\",\"title\":\"Bad audio\",\"status\":400,\"details\":"
                        + "\"not wav\",\"doc\":\"https://docs.corti.ai\"}}");
        try (LiveSession<StreamMessage> session = facade.streams(blocking, reactive, StreamFixtures.interaction(blocking),
                consultation(), quick())) {
            List<StreamMessage> received = next(session, 5);

            assertThat(received.get(1)).isEqualTo(new FactsMessage(List.of(new Fact("f1", "Penicillin allergy",
                    "allergies", "g1", false, "core", Instant.parse("2026-01-01T10:00:00Z"),
                    Optional.of(Instant.parse("2026-01-01T09:01:00Z"))))));
            assertThat(received.get(2)).isEqualTo(new DeltaUsageMessage(0.25));
            assertThat(received.get(3)).isEqualTo(new AudioEventMessage("longSilenceDetected", 1, 4200));
            assertThat(received.get(4)).isEqualTo(new ErrorMessage(Optional.of("e1"), Optional.of("Bad audio"),
                    OptionalInt.of(400), Optional.of("not wav"), Optional.of("https://docs.corti.ai"), Optional.empty()));
            session.send(audio(CHUNK)); // an error message does not end the session
            session.flush();
        }
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void aMessageLargerThanTheLimitFailsTheSession(Facades facade, CortiClient blocking, CortiReactiveClient reactive,
            StreamControls streams) {
        StreamOptions small = StreamOptions.builder().maxMessageBytes(4096).handshakeTimeout(Duration.ofSeconds(5))
                .build();
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), small)) {
            streams.awaitSession(0, LiveSession.WAIT).send("{\"type\":\"speaker_hint\",\"padding\":\"" + "x".repeat(8000)
                    + "\"}");

            assertThat(session.failure(LiveSession.WAIT)).hasValueSatisfying(e -> assertThat(e)
                    .isInstanceOf(CortiStreamException.class).hasMessageContaining("maxMessageBytes"));
        }
    }

    private static <M extends ai.corti.client.core.streams.ServerMessage> List<M> next(LiveSession<M> session, int count) {
        List<M> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Optional<M> message = session.next(LiveSession.WAIT);
            assertThat(message).as("message %d of %d (got %s)", i + 1, count, received).isPresent();
            received.add(message.get());
        }
        return received;
    }
}
