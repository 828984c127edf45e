package ai.corti.bench.streams;

import java.util.List;
import reactor.core.publisher.Mono;

/** One open {@code /transcribe} session, driven the same way whichever client holds it. */
interface StreamBenchClient extends AutoCloseable {

    /**
     * Sends the chunks as binary frames, then {@code flush}, and completes on {@code flushed}: by then the
     * emulator has received every chunk and the client has read every message it sent before {@code flushed}.
     *
     * @param chunks the audio
     * @return completes on {@code flushed}
     */
    Mono<Void> sendThenFlush(List<byte[]> chunks);

    /**
     * Returns how many transcripts the client has read so far.
     *
     * @return the count
     */
    long transcripts();

    @Override
    void close();
}
