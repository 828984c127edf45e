package ai.corti.it.streams;

import static ai.corti.it.streams.StreamFixtures.CHUNK;
import static ai.corti.it.streams.StreamFixtures.audio;
import static ai.corti.it.streams.StreamFixtures.consultation;
import static ai.corti.it.streams.StreamFixtures.dictation;
import static ai.corti.it.streams.StreamFixtures.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.blocking.streams.StreamListener;
import ai.corti.client.blocking.streams.StreamSession;
import ai.corti.client.core.streams.CommandMessage;
import ai.corti.client.core.streams.ConfigStatus;
import ai.corti.client.core.streams.DictationTranscript;
import ai.corti.client.core.streams.EndedMessage;
import ai.corti.client.core.streams.FlushedMessage;
import ai.corti.client.core.streams.StreamClosedException;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamTranscript;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.core.streams.TranscriptSegment;
import ai.corti.client.core.streams.UsageMessage;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.client.reactive.streams.ReactiveStreamSession;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.junit.CortiEmulatorTest;
import ai.corti.emulator.streams.LiveStreamSession;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.emulator.streams.StreamSessionRecord;
import ai.corti.it.support.LeakCheck;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * A session's life on both facades: transcripts and commands as audio arrives, flush, end with usage and
 * ENDED, the server closing or dropping the socket, the client cancelling or closing mid-stream, and the
 * listener and iterator styles of the blocking facade.
 */
@CortiEmulatorTest
@ExtendWith(LeakCheck.class)
@Timeout(60)
class StreamAudioTest {

    @ParameterizedTest
    @EnumSource(Facades.class)
    void dictationYieldsTranscriptsAndCommandsAsAudioArrivesThenEndsWithUsageAndEnded(Facades facade,
            CortiClient blocking, CortiReactiveClient reactive, StreamControls streams) {
        streams.transcriptEvery(CHUNK);
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), quick())) {
            for (int i = 0; i < 5; i++) {
                session.send(audio(CHUNK));
            }
            Optional<UsageMessage> usage = session.end();

            assertThat(usage).hasValueSatisfying(u -> assertThat(u.credits()).isEqualTo(0.0208));
            List<TranscribeMessage> messages = session.drain();
            assertThat(messages).extracting(TranscribeMessage::type).containsExactly("CONFIG_ACCEPTED", "transcript",
                    "command", "transcript", "command", "transcript", "usage", "ended");
            assertThat(messages.get(1)).isEqualTo(new DictationTranscript(
                    "patient presents with a sore throat and fever for three days.",
                    "patient presents with a sore throat and fever for three days period", 0.0, 0.25, true));
            assertThat(messages.get(2)).isEqualTo(new CommandMessage("next-section", Map.of(), "next section", 0.25, 0.5));
            assertThat(messages.get(4)).isEqualTo(new CommandMessage("insert-template", Map.of("template", "normal"),
                    "insert normal exam template", 0.75, 1.0));
            assertThat(messages.get(7)).isEqualTo(new EndedMessage("ended"));
        }
        StreamSessionRecord record = streams.sessions().get(0);
        assertThat(record.audioBytes()).isEqualTo(5L * CHUNK);
        assertThat(record.audioBytesBeforeAcceptance()).isZero();
        assertThat(record.clientMessages()).containsExactly("end");
        assertThat(record.closedBy()).isEqualTo("server");
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void flushEmitsWhatTheServerHoldsThenCompletesOnFlushed(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive) {
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), quick())) {
            session.send(audio(12_000)); // under a segment: the emulator holds it
            session.flush();

            assertThat(session.next(LiveSession.WAIT)).hasValueSatisfying(m -> assertThat(m).isInstanceOf(ConfigStatus.class));
            assertThat(session.next(LiveSession.WAIT)).hasValueSatisfying(m -> assertThat(m)
                    .isInstanceOfSatisfying(DictationTranscript.class, t -> assertThat(t.end()).isEqualTo(0.375)));
            assertThat(session.next(LiveSession.WAIT)).contains(new FlushedMessage());
            // The session stays open: more audio, another flush.
            session.send(audio(CHUNK));
            session.flush();
            assertThat(session.awaitMessage(m -> m instanceof FlushedMessage)).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void aConsultationYieldsSegmentsOnTheParticipantsChannelsWithSpeakers(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.transcriptEvery(CHUNK);
        UUID interaction = StreamFixtures.interaction(blocking);
        try (LiveSession<StreamMessage> session = facade.streams(blocking, reactive, interaction, consultation(), quick())) {
            for (int i = 0; i < 3; i++) {
                session.send(audio(CHUNK));
            }
            session.end();
            List<TranscriptSegment> segments = session.drain().stream()
                    .filter(StreamTranscript.class::isInstance)
                    .flatMap(m -> ((StreamTranscript) m).segments().stream()).toList();

            assertThat(segments).extracting(TranscriptSegment::transcript).containsExactly(
                    "Good morning, what brings you in today?", "I have had a sore throat and a fever for three days.",
                    "Have you taken anything for it?");
            assertThat(segments).extracting(TranscriptSegment::channel).containsExactly(0, 1, 0);
            assertThat(segments).extracting(TranscriptSegment::speakerId).containsExactly(0, 1, 0);
            assertThat(segments).allMatch(TranscriptSegment::isFinal);
        }
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void afterEndNothingMoreCanBeSentAndEndAgainGivesTheSameUsage(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive) {
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), quick())) {
            session.send(audio(64_000));
            Optional<UsageMessage> usage = session.end();

            assertThat(session.end()).isEqualTo(usage);
            assertThatThrownBy(() -> session.send(audio(CHUNK))).isInstanceOfSatisfying(StreamClosedException.class,
                    e -> assertThat(e.getMessage()).contains("the session has ended"));
            assertThatThrownBy(session::flush).isInstanceOf(StreamClosedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void aServerSideCloseFailsTheMessagesWithItsCodeAndReason(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().closeAfterAudioBytes(CHUNK, 1011, "overloaded");
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), quick())) {
            session.send(audio(CHUNK));

            assertThat(session.failure(LiveSession.WAIT)).hasValueSatisfying(e -> assertThat(e)
                    .isInstanceOfSatisfying(StreamClosedException.class, closed -> {
                        assertThat(closed.closeCode()).hasValue(1011);
                        assertThat(closed.closeReason()).isEqualTo("overloaded");
                        assertThat(closed.getMessage()).contains("closed the stream before it ended");
                    }));
            assertThatThrownBy(() -> session.send(audio(CHUNK))).isInstanceOf(StreamClosedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void aDroppedSocketWithoutReconnectFailsTheSession(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().dropAfterAudioBytes(CHUNK);
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), quick())) {
            session.send(audio(CHUNK));

            assertThat(session.failure(LiveSession.WAIT)).hasValueSatisfying(e -> assertThat(e)
                    .isInstanceOfSatisfying(StreamClosedException.class, closed -> assertThat(closed.closeCode()).isEmpty()));
        }
        assertThat(streams.sessions()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void closingMidStreamSendsACloseFrameAndEndsTheMessages(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), quick());
        session.send(audio(CHUNK));
        streams.awaitSession(0, LiveSession.WAIT).awaitAudioBytes(CHUNK, LiveSession.WAIT);

        session.close();

        StreamSessionRecord record = streams.awaitSession(0, LiveSession.WAIT).awaitClosed(LiveSession.WAIT);
        assertThat(record.closedBy()).isEqualTo("client");
        assertThat(record.closeCode()).isEqualTo(1000);
        session.drain(); // the messages end, without an error
        assertThatThrownBy(() -> session.send(audio(CHUNK))).isInstanceOf(StreamClosedException.class);
    }

    @Test
    void cancellingTheReactiveMessagesClosesTheSocket(CortiReactiveClient reactive, StreamControls streams) {
        streams.transcriptEvery(CHUNK);
        ReactiveStreamSession<TranscribeMessage> session = reactive.transcribe().connect(dictation()).block(LiveSession.WAIT);

        StepVerifier.create(session.messages().take(2))
                .then(() -> session.sendAudio(ByteBuffer.wrap(audio(CHUNK))).subscribe())
                .expectNextMatches(m -> m.type().equals("CONFIG_ACCEPTED"))
                .expectNextMatches(m -> m.type().equals("transcript"))
                .verifyComplete(); // take(2) cancels upstream

        StreamSessionRecord record = streams.awaitSession(0, LiveSession.WAIT).awaitClosed(LiveSession.WAIT);
        assertThat(record.closedBy()).isEqualTo("client");
        StepVerifier.create(session.sendAudio(audio(CHUNK))).expectError(StreamClosedException.class)
                .verify(LiveSession.WAIT);
    }

    @Test
    void cancellingAConnectBeforeTheAnswerClosesTheSocket(CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().ignoreConfig();

        StepVerifier.create(reactive.transcribe().connect(dictation()))
                .then(() -> streams.awaitSession(0, LiveSession.WAIT))
                .thenCancel()
                .verify(LiveSession.WAIT);

        assertThat(streams.awaitSession(0, LiveSession.WAIT).awaitClosed(LiveSession.WAIT).closedBy()).isEqualTo("client");
    }

    @Test
    void aReactiveAudioPublisherIsStreamedThenEndCompletes(CortiReactiveClient reactive, StreamControls streams) {
        streams.transcriptEvery(32_000);
        ReactiveStreamSession<TranscribeMessage> session = reactive.transcribe().connect(dictation()).block(LiveSession.WAIT);
        Flux<ByteBuffer> tenSeconds = Flux.range(0, 40).map(i -> ByteBuffer.wrap(audio(CHUNK)));

        StepVerifier.create(session.messages().ofType(DictationTranscript.class).count())
                .then(() -> session.sendAudio(tenSeconds).then(session.end()).subscribe())
                .expectNext(6L) // ten seconds at one line per second: six dictated lines, four commands
                .verifyComplete();

        assertThat(streams.sessions().get(0).audioBytes()).isEqualTo(40L * CHUNK);
        assertThat(streams.sessions().get(0).audioFrames()).isEqualTo(40);
    }

    @Test
    void oneAudioSourceAtATimeAndEndStopsARunningOne(CortiReactiveClient reactive, StreamControls streams) {
        streams.transcriptEvery(1 << 20);
        ReactiveStreamSession<TranscribeMessage> session = reactive.transcribe().connect(dictation()).block(LiveSession.WAIT);
        session.messages().subscribe(); // read, or the emulator drops a client that leaves its messages unread
        Flux<ByteBuffer> endless = Flux.generate(sink -> sink.next(ByteBuffer.wrap(audio(CHUNK))));
        AtomicReference<Throwable> first = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        session.sendAudio(endless).subscribe(null, e -> {
            first.set(e);
            stopped.countDown();
        });
        streams.awaitSession(0, LiveSession.WAIT).awaitAudioBytes(10L * CHUNK, LiveSession.WAIT);

        StepVerifier.create(session.sendAudio(Flux.just(ByteBuffer.wrap(audio(CHUNK)))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("one audio source at a time"))
                .verify(LiveSession.WAIT);
        StepVerifier.create(session.end()).expectNextCount(1).verifyComplete();

        assertThat(awaitLatch(stopped)).isTrue();
        assertThat(first.get()).isInstanceOf(StreamClosedException.class).hasMessageContaining("end() was called");
        assertThat(streams.sessions().get(0).clientMessages()).containsExactly("end");
    }

    @Test
    void theBlockingListenerGetsEveryMessageOnAWorkerThreadThenOnClose(CortiClient blocking, StreamControls streams) {
        streams.transcriptEvery(CHUNK);
        List<TranscribeMessage> received = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);
        StreamListener<TranscribeMessage> listener = new StreamListener<>() {
            @Override
            public void onMessage(TranscribeMessage message) {
                received.add(message);
                threads.add(Thread.currentThread().getName());
            }

            @Override
            public void onClose() {
                closed.countDown();
            }
        };
        try (StreamSession<TranscribeMessage> session = blocking.transcribe().connect(dictation(), listener)) {
            session.sendAudio(audio(3 * CHUNK));
            assertThat(session.end()).isPresent();
            assertThatThrownBy(session::messages).isInstanceOf(IllegalStateException.class);
        }

        assertThat(awaitLatch(closed)).isTrue();
        assertThat(received).extracting(TranscribeMessage::type)
                .containsExactly("CONFIG_ACCEPTED", "transcript", "command", "transcript", "usage", "ended");
        assertThat(threads).allMatch(name -> !name.contains("reactor-http") && !name.contains("epoll"));
    }

    @Test
    void aListenerThatThrowsClosesTheSessionAndGetsItsOwnError(CortiClient blocking, StreamControls streams) {
        streams.transcriptEvery(CHUNK);
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        StreamListener<TranscribeMessage> listener = new StreamListener<>() {
            @Override
            public void onMessage(TranscribeMessage message) {
                if (message instanceof DictationTranscript) {
                    throw new IllegalStateException("listener bug");
                }
            }

            @Override
            public void onError(Throwable e) {
                error.set(e);
                failed.countDown();
            }
        };
        StreamSession<TranscribeMessage> session = blocking.transcribe().connect(dictation(), listener);
        session.sendAudio(audio(CHUNK));

        assertThat(awaitLatch(failed)).isTrue();
        assertThat(error.get()).hasMessage("listener bug");
        assertThat(streams.awaitSession(0, LiveSession.WAIT).awaitClosed(LiveSession.WAIT).closedBy()).isEqualTo("client");
    }

    @Test
    void theBlockingIteratorReadsOnOneThreadWhileAnotherSends(CortiClient blocking, StreamControls streams)
            throws Exception {
        streams.transcriptEvery(CHUNK);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (StreamSession<TranscribeMessage> session = blocking.transcribe().connect(dictation())) {
            Future<List<String>> types = reader.submit(() -> {
                List<String> seen = new CopyOnWriteArrayList<>();
                for (TranscribeMessage message : session.messages()) {
                    seen.add(message.type());
                }
                return seen;
            });
            for (int i = 0; i < 5; i++) {
                session.sendAudio(audio(CHUNK));
            }
            session.end();

            assertThat(types.get(10, TimeUnit.SECONDS)).containsExactly("CONFIG_ACCEPTED", "transcript", "command",
                    "transcript", "command", "transcript", "usage", "ended");
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void closingTheClientClosesItsOpenSessions(CortiEmulator emulator, StreamControls streams) {
        CortiClient blocking = emulator.configure(CortiClient.builder()).build();
        CortiReactiveClient reactive = emulator.configure(CortiReactiveClient.builder()).build();
        StreamSession<TranscribeMessage> one = blocking.transcribe().connect(dictation());
        ReactiveStreamSession<TranscribeMessage> two = reactive.transcribe().connect(dictation()).block(LiveSession.WAIT);
        assertThat(blocking.openStreamSessions()).isEqualTo(1);
        assertThat(reactive.openStreamSessions()).isEqualTo(1);

        blocking.close();
        reactive.close();

        assertThat(streams.awaitSession(0, LiveSession.WAIT).awaitClosed(LiveSession.WAIT).closeCode()).isEqualTo(1000);
        assertThat(streams.awaitSession(1, LiveSession.WAIT).awaitClosed(LiveSession.WAIT).closeCode()).isEqualTo(1000);
        assertThat(blocking.openStreamSessions()).isZero();
        assertThat(reactive.openStreamSessions()).isZero();
        StepVerifier.create(two.messages().ofType(EndedMessage.class)).verifyComplete();
        assertThatThrownBy(() -> one.sendAudio(audio(CHUNK))).isInstanceOf(StreamClosedException.class);
        StepVerifier.create(reactive.transcribe().connect(dictation())).expectError(IllegalStateException.class)
                .verify(LiveSession.WAIT);
    }

    @Test
    void theBlockingFacadeRefusesToWaitOnAReactorThread(CortiClient blocking) {
        StepVerifier.create(reactor.core.publisher.Mono.fromCallable(() -> blocking.transcribe().connect(dictation()))
                        .subscribeOn(Schedulers.parallel()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Reactor non-blocking thread"))
                .verify(LiveSession.WAIT);
    }

    @Test
    void aLiveSessionCanBeDrivenByTheTest(CortiReactiveClient reactive, StreamControls streams) {
        ReactiveStreamSession<TranscribeMessage> session = reactive.transcribe().connect(dictation()).block(LiveSession.WAIT);
        LiveStreamSession live = streams.awaitSession(0, LiveSession.WAIT);

        StepVerifier.create(session.messages())
                .expectNextMatches(m -> m.type().equals("CONFIG_ACCEPTED"))
                .then(() -> live.send("{\"type\":\"usage\",\"credits\":1.5}").close(1000, "done"))
                .expectNext(new UsageMessage(1.5))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(StreamClosedException.class))
                .verify(LiveSession.WAIT);
    }

    private static boolean awaitLatch(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
