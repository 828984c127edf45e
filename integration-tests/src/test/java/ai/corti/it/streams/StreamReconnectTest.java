package ai.corti.it.streams;

import static ai.corti.it.streams.StreamFixtures.CHUNK;
import static ai.corti.it.streams.StreamFixtures.audio;
import static ai.corti.it.streams.StreamFixtures.consultation;
import static ai.corti.it.streams.StreamFixtures.dictation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.streams.ConfigStatus;
import ai.corti.client.core.streams.CortiStreamException;
import ai.corti.client.core.streams.ReconnectPolicy;
import ai.corti.client.core.streams.StreamClosedException;
import ai.corti.client.core.streams.StreamConfigException;
import ai.corti.client.core.streams.StreamHandshakeException;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.core.testing.MutableClock;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.client.reactive.streams.ReactiveStreamSession;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.junit.CortiEmulatorExtension;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.emulator.streams.StreamSessionRecord;
import ai.corti.it.support.Await;
import ai.corti.it.support.LeakCheck;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The optional reconnect policy on both facades: a lost socket is reopened with a fresh token and the same
 * configuration, audio resumes only after the new acceptance, and it never reconnects after end, ENDED, a
 * configuration refusal or close. Client and emulator share a clock moved by the test, so tokens expire
 * without waiting.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class StreamReconnectTest {

    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final CortiEmulatorExtension CORTI = new CortiEmulatorExtension(CortiEmulator.builder().clock(CLOCK)
            .tokenLifetime(Duration.ofSeconds(300)));

    private static final StreamOptions RECONNECTING = StreamOptions.builder()
            .reconnect(ReconnectPolicy.exponentialBackoff(3, Duration.ofMillis(20), Duration.ofMillis(100)))
            .handshakeTimeout(Duration.ofSeconds(5)).flushTimeout(Duration.ofSeconds(5)).endTimeout(Duration.ofSeconds(5))
            .build();

    private CortiClient blocking;
    private CortiReactiveClient reactive;

    @BeforeEach
    void clients(CortiEmulator emulator) {
        blocking = emulator.configure(CortiClient.builder()).clock(CLOCK).build();
        reactive = emulator.configure(CortiReactiveClient.builder()).clock(CLOCK).build();
    }

    @AfterEach
    void close() {
        blocking.close();
        reactive.close();
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void aLostSocketIsReopenedWithAFreshTokenAndTheSameConfigurationAndAudioGoesOn(Facades facade,
            StreamControls streams) {
        UUID interaction = StreamFixtures.interaction(blocking);
        streams.nextSession().dropAfterAudioBytes(2 * CHUNK);
        try (LiveSession<StreamMessage> session = facade.streams(blocking, reactive, interaction, consultation(),
                RECONNECTING)) {
            CLOCK.advance(Duration.ofSeconds(200)); // past the client's refresh point: the next token is a new one
            session.send(audio(CHUNK));
            session.send(audio(CHUNK));
            // The new acceptance arrives among the messages; audio sent after it goes to the new socket.
            session.awaitMessage(StreamReconnectTest::isAcceptance);
            session.awaitMessage(StreamReconnectTest::isAcceptance);
            session.send(audio(CHUNK));
            session.send(audio(CHUNK));
            assertThat(session.end()).isPresent();
        }
        List<StreamSessionRecord> records = streams.sessions();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).closedBy()).isEqualTo("dropped");
        assertThat(records.get(1).tokenLabel()).isNotEqualTo(records.get(0).tokenLabel());
        assertThat(records.get(1).configuration()).isEqualTo(records.get(0).configuration());
        assertThat(records.get(1).interactionId()).contains(interaction);
        assertThat(records.get(1).audioBytes()).isEqualTo(2L * CHUNK);
        assertThat(records.get(1).audioBytesBeforeAcceptance()).isZero();
        assertThat(records.get(1).clientMessages()).containsExactly("end");
    }

    private static boolean isAcceptance(Object message) {
        return message instanceof ConfigStatus status && status.isAccepted();
    }

    @Test
    void everyConnectionAsksTheTokenSourceAgain(CortiEmulator emulator, StreamControls streams) throws Exception {
        Queue<String> tokens = new ConcurrentLinkedQueue<>(List.of(StreamFixtures.token(emulator, "base"),
                StreamFixtures.token(emulator, "base")));
        AtomicInteger asked = new AtomicInteger();
        streams.nextSession().dropAfterAudioBytes(CHUNK);
        try (CortiReactiveClient counting = CortiReactiveClient.builder().tenantName("base").baseUrl(emulator.baseUrl())
                .tokenProvider(() -> Mono.fromSupplier(() -> {
                    asked.incrementAndGet();
                    return AccessToken.nonExpiring(tokens.remove());
                })).build()) {
            ReactiveStreamSession<TranscribeMessage> session = counting.transcribe().connect(dictation(), RECONNECTING)
                    .block(LiveSession.WAIT);

            StepVerifier.create(session.messages().filter(m -> m instanceof ConfigStatus).take(2))
                    .then(() -> session.sendAudio(audio(CHUNK)).subscribe())
                    .expectNextCount(2)
                    .verifyComplete();
        }
        assertThat(asked).hasValue(2);
        assertThat(streams.sessions()).extracting(StreamSessionRecord::tokenLabel).doesNotHaveDuplicates().hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void audioHandedOverWhileReconnectingIsSentOnlyAfterTheNewAcceptance(Facades facade, StreamControls streams) {
        streams.nextSession().dropAfterAudioBytes(CHUNK);
        streams.nextSession().delayAcceptance(Duration.ofMillis(300));
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), RECONNECTING)) {
            session.send(audio(CHUNK));
            streams.awaitSession(1, LiveSession.WAIT);
            for (int i = 0; i < 4; i++) {
                session.send(audio(CHUNK)); // queued: the new socket is not accepted yet
            }
            session.end();
        }
        StreamSessionRecord second = streams.sessions().get(1);
        assertThat(second.audioBytesBeforeAcceptance()).isZero();
        assertThat(second.audioBytes()).isEqualTo(4L * CHUNK);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void aFlushWaitingWhenTheSocketIsLostFailsAndTheSessionGoesOn(Facades facade, StreamControls streams) {
        streams.nextSession().ignoreFlush();
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), RECONNECTING)) {
            // The flush is sent and never answered; dropping the socket fails it.
            CompletableFuture<Throwable> flushed = CompletableFuture.supplyAsync(() -> {
                try {
                    session.flush();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            untilClientMessage(streams, "flush");
            streams.awaitSession(0, LiveSession.WAIT).drop();

            assertThat(flushed.join()).isInstanceOf(CortiStreamException.class)
                    .hasMessageContaining("lost before 'flushed'");
            streams.awaitSession(1, LiveSession.WAIT);
            session.flush(); // answered on the new socket
        }
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void noReconnectionOnceEndWasSent(Facades facade, StreamControls streams) {
        streams.nextSession().ignoreEnd();
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), RECONNECTING)) {
            session.send(audio(CHUNK));
            CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
                try {
                    session.end();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            untilClientMessage(streams, "end");
            streams.awaitSession(0, LiveSession.WAIT).drop();

            assertThat(ended.join()).isInstanceOf(StreamClosedException.class);
        }
        assertNoFurtherSession(streams, 1);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void noReconnectionAfterEnded(Facades facade, StreamControls streams) {
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), RECONNECTING)) {
            session.send(audio(CHUNK));
            session.end();
            session.drain();
        }
        assertThat(streams.sessions().get(0).closedBy()).isEqualTo("server");
        assertNoFurtherSession(streams, 1);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void noReconnectionAfterTheReconnectionsConfigurationIsRefused(Facades facade, StreamControls streams) {
        streams.nextSession().dropAfterAudioBytes(CHUNK);
        streams.nextSession().answerConfig("CONFIG_DENIED", "the tenant was suspended");
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), RECONNECTING)) {
            session.send(audio(CHUNK));

            assertThat(session.failure(LiveSession.WAIT)).hasValueSatisfying(e -> assertThat(e)
                    .isInstanceOfSatisfying(StreamConfigException.class, denied ->
                            assertThat(denied.reason()).contains("the tenant was suspended")));
        }
        assertNoFurtherSession(streams, 2);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void noReconnectionAfterClose(Facades facade, StreamControls streams) {
        LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), RECONNECTING);
        session.send(audio(CHUNK));
        session.close();

        assertThat(streams.awaitSession(0, LiveSession.WAIT).awaitClosed(LiveSession.WAIT).closedBy()).isEqualTo("client");
        assertNoFurtherSession(streams, 1);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void afterTheLastFailedAttemptTheSessionFailsWithTheLastError(Facades facade, StreamControls streams) {
        streams.nextSession().dropAfterAudioBytes(CHUNK);
        for (int i = 0; i < 3; i++) {
            streams.nextSession().refuseUpgrade(503);
        }
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), RECONNECTING)) {
            session.send(audio(CHUNK));

            assertThat(session.failure(LiveSession.WAIT)).hasValueSatisfying(e -> assertThat(e)
                    .isInstanceOf(CortiStreamException.class)
                    .hasMessageContaining("3 reconnection attempts failed")
                    .hasCauseInstanceOf(StreamHandshakeException.class));
        }
        assertThat(streams.sessions()).extracting(StreamSessionRecord::upgradeStatus).containsExactly(101, 503, 503, 503);
    }

    @Test
    void withoutAPolicyALostSocketIsNeverReopened(StreamControls streams) {
        streams.nextSession().dropAfterAudioBytes(CHUNK);
        ReactiveStreamSession<TranscribeMessage> session = reactive.transcribe().connect(dictation())
                .block(LiveSession.WAIT);

        StepVerifier.create(session.messages())
                .then(() -> session.sendAudio(audio(CHUNK)).subscribe())
                .expectNextMatches(m -> m instanceof ConfigStatus)
                .expectError(StreamClosedException.class)
                .verify(LiveSession.WAIT);
        assertNoFurtherSession(streams, 1);
    }

    /** With 20 ms between attempts, a reconnection would have shown up well within half a second. */
    private static void assertNoFurtherSession(StreamControls streams, int expected) {
        assertThatThrownBy(() -> streams.awaitSession(expected, Duration.ofMillis(500))).isInstanceOf(AssertionError.class);
        assertThat(streams.sessions()).hasSize(expected);
    }

    /** Waits until the first session received a control message. */
    private static void untilClientMessage(StreamControls streams, String type) {
        Await.until(() -> streams.sessions().get(0).clientMessages().contains(type), LiveSession.WAIT);
        assertThat(streams.sessions().get(0).clientMessages()).as("received by the emulator").contains(type);
    }
}
