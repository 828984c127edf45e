package ai.corti.it.streams;

import static ai.corti.it.streams.StreamFixtures.CHUNK;
import static ai.corti.it.streams.StreamFixtures.audio;
import static ai.corti.it.streams.StreamFixtures.quick;
import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.streams.Fact;
import ai.corti.client.core.streams.FactGenerationInterval;
import ai.corti.client.core.streams.FactsMessage;
import ai.corti.client.core.streams.ParticipantRole;
import ai.corti.client.core.streams.StreamConfiguration;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamMode;
import ai.corti.client.core.streams.StreamTranscript;
import ai.corti.client.core.testing.MutableClock;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.junit.CortiEmulatorExtension;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.it.support.LeakCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Facts come from the emulator by its clock, as Corti sends them about once a minute: the test moves the clock
 * instead of waiting, on both facades; {@code fast_init} brings the first round forward; {@code end} delivers
 * what is left.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class StreamFactsTest {

    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final CortiEmulatorExtension CORTI = new CortiEmulatorExtension(CortiEmulator.builder().clock(CLOCK));

    @ParameterizedTest
    @EnumSource(Facades.class)
    void factsArriveWhenTheClockPassesTheIntervalThenTheRestOnEnd(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.transcriptEvery(CHUNK);
        try (LiveSession<StreamMessage> session = facade.streams(blocking, reactive, StreamFixtures.interaction(blocking),
                facts(null), quick())) {
            for (int i = 0; i < 3; i++) {
                session.send(audio(CHUNK)); // lines 0-2: one fact among them, not due yet
            }
            streams.awaitSession(0, LiveSession.WAIT).awaitAudioBytes(3 * CHUNK, LiveSession.WAIT);
            CLOCK.advance(Duration.ofSeconds(61));
            session.send(audio(CHUNK)); // line 3, and the minute is up
            FactsMessage due = (FactsMessage) session.awaitMessage(m -> m instanceof FactsMessage);

            assertThat(due.facts()).extracting(Fact::text).containsExactly("Sore throat and fever for three days",
                    "Takes ibuprofen twice daily, partial relief");
            assertThat(due.facts()).extracting(Fact::createdAt).containsOnly(CLOCK.instant());
            assertThat(due.facts()).extracting(Fact::group).containsExactly("history-of-present-illness", "medications");

            session.send(audio(CHUNK));
            session.send(audio(CHUNK)); // line 5: a fact, not due for another minute
            session.end();
            List<StreamMessage> rest = session.drain();
            assertThat(rest).filteredOn(FactsMessage.class::isInstance).singleElement()
                    .satisfies(m -> assertThat(((FactsMessage) m).facts()).extracting(Fact::text)
                            .containsExactly("Penicillin allergy"));
            assertThat(rest).filteredOn(StreamTranscript.class::isInstance).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void fastInitBringsTheFirstFactsForward(Facades facade, CortiClient blocking, CortiReactiveClient reactive,
            StreamControls streams) {
        streams.transcriptEvery(CHUNK);
        try (LiveSession<StreamMessage> session = facade.streams(blocking, reactive, StreamFixtures.interaction(blocking),
                facts(FactGenerationInterval.FAST_INIT), quick())) {
            session.send(audio(2 * CHUNK));
            streams.awaitSession(0, LiveSession.WAIT).awaitAudioBytes(2 * CHUNK, LiveSession.WAIT);
            Instant start = CLOCK.instant();
            CLOCK.advance(Duration.ofSeconds(11));
            session.send(audio(CHUNK));

            FactsMessage first = (FactsMessage) session.awaitMessage(m -> m instanceof FactsMessage);
            assertThat(first.facts()).extracting(Fact::createdAt).allMatch(at -> at.isAfter(start));
        }
    }

    private static StreamConfiguration facts(FactGenerationInterval interval) {
        StreamConfiguration.Builder builder = StreamConfiguration.builder().primaryLanguage("en")
                .participant(0, ParticipantRole.MULTIPLE).mode(StreamMode.FACTS).outputLocale("en");
        if (interval != null) {
            builder.factGenerationInterval(interval);
        }
        return builder.build();
    }
}
