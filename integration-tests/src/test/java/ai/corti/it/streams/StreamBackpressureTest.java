package ai.corti.it.streams;

import static ai.corti.it.streams.StreamFixtures.dictation;
import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.blocking.streams.StreamSession;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.client.reactive.streams.ReactiveStreamSession;
import ai.corti.emulator.junit.CortiEmulatorTest;
import ai.corti.emulator.streams.LiveStreamSession;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.it.support.LeakCheck;
import ai.corti.it.support.LeakCollector;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;

/**
 * A producer much faster than the socket stays within bounded memory, on both facades. The emulator stops
 * reading for a while once the first megabyte arrived; the producer offers 48 MiB as fast as it is asked for.
 * Without backpressure it would hand the SDK the whole 48 MiB during the pause; with it, it is asked for the
 * next chunk only when the SDK's audio buffer has room.
 *
 * <p>Two bounds are checked at every chunk the producer makes: what the SDK holds
 * ({@code pendingAudioBytes()}, at most its 1 MiB buffer plus one chunk), and everything made but not yet
 * received by the emulator (the SDK's buffer plus the kernel's socket buffers on both sides, a few MiB on
 * loopback), which must stay far below the 48 MiB an unbounded producer would have queued.
 *
 * <p>In a whole-module run this class gets a JVM of its own with Netty's sampled leak detection (profile
 * {@code backpressure-jvm} in the module's pom): paranoid tracking of its masked frames would make it twenty
 * times slower. Leaks are still checked after the class, at whichever level it runs.
 */
@CortiEmulatorTest
@Timeout(120)
class StreamBackpressureTest {

    private static final int CHUNK = 64_000;
    /** 786 chunks of 64,000 bytes: 48 MiB, near enough. */
    private static final long TOTAL = 786L * CHUNK;
    private static final int BUFFER = 1 << 20;
    private static final long IN_FLIGHT_LIMIT = 24L << 20;
    private static final Duration PAUSE = Duration.ofMillis(1500);

    private static final StreamOptions OPTIONS = StreamOptions.builder().audioBufferBytes(BUFFER)
            .writeTimeout(Duration.ofSeconds(30)).endTimeout(Duration.ofSeconds(60)).build();

    @Test
    void aReactiveProducerFasterThanTheSocketIsSlowedDownNotBuffered(CortiReactiveClient reactive,
            StreamControls streams) {
        streams.transcriptEvery(Integer.MAX_VALUE);
        streams.nextSession().pauseReadingAfterAudioBytes(1 << 20, PAUSE);
        ReactiveStreamSession<TranscribeMessage> session = reactive.transcribe().connect(dictation(), OPTIONS)
                .block(LiveSession.WAIT);
        session.messages().subscribe();
        LiveStreamSession server = streams.awaitSession(0, LiveSession.WAIT);
        Bounds bounds = new Bounds(server, session::pendingAudioBytes);
        byte[] chunk = new byte[CHUNK];

        Flux<ByteBuffer> producer = Flux.generate(() -> 0L, (made, sink) -> {
            bounds.made(CHUNK);
            sink.next(ByteBuffer.wrap(chunk));
            if (made + CHUNK == TOTAL) {
                sink.complete();
            }
            return made + CHUNK;
        });
        session.sendAudio(producer).then(session.end()).block(Duration.ofSeconds(90));

        bounds.check();
    }

    @Test
    void aBlockingProducerFasterThanTheSocketWaitsInSendAudio(CortiClient blocking, StreamControls streams) {
        streams.transcriptEvery(Integer.MAX_VALUE);
        streams.nextSession().pauseReadingAfterAudioBytes(1 << 20, PAUSE);
        byte[] chunk = new byte[CHUNK];
        try (StreamSession<TranscribeMessage> session = blocking.transcribe().connect(dictation(), OPTIONS,
                message -> { })) {
            LiveStreamSession server = streams.awaitSession(0, LiveSession.WAIT);
            Bounds bounds = new Bounds(server, session::pendingAudioBytes);
            for (long made = 0; made < TOTAL; made += CHUNK) {
                bounds.made(CHUNK);
                session.sendAudio(chunk);
            }
            session.end();

            bounds.check();
        }
    }

    @AfterAll
    static void noLeakedBuffer() {
        LeakCheck.provokeReports();
        assertThat(LeakCollector.reports()).as("Netty leak reports").isEmpty();
    }

    /** The two bounds, sampled as the producer makes each chunk. */
    private static final class Bounds {
        private final LiveStreamSession server;
        private final java.util.function.LongSupplier pending;
        private final AtomicLong made = new AtomicLong();
        private final AtomicLong maxPending = new AtomicLong();
        private final AtomicLong maxInFlight = new AtomicLong();

        Bounds(LiveStreamSession server, java.util.function.LongSupplier pending) {
            this.server = server;
            this.pending = pending;
        }

        void made(int bytes) {
            long total = made.addAndGet(bytes);
            maxPending.accumulateAndGet(pending.getAsLong(), Math::max);
            maxInFlight.accumulateAndGet(total - server.audioBytes(), Math::max);
        }

        void check() {
            assertThat(made.get()).isEqualTo(TOTAL);
            assertThat(server.audioBytes()).as("everything arrived, in the end").isEqualTo(TOTAL);
            assertThat(maxPending.get()).as("bytes the SDK held").isLessThanOrEqualTo(BUFFER + CHUNK);
            assertThat(maxInFlight.get()).as("bytes made but not received (SDK and socket buffers)")
                    .isLessThan(IN_FLIGHT_LIMIT)
                    .as("the pause did back the producer up (else this test proves nothing)")
                    .isGreaterThan(BUFFER);
        }
    }
}
