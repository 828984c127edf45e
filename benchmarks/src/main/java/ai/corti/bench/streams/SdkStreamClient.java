package ai.corti.bench.streams;

import ai.corti.client.core.streams.DictationTranscript;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.client.reactive.streams.ReactiveStreamSession;
import ai.corti.emulator.CortiEmulator;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SDK's reactive session, configured as the README shows, its messages decoded into the sealed types. */
final class SdkStreamClient implements StreamBenchClient {

    private final CortiReactiveClient client;
    private final ReactiveStreamSession<TranscribeMessage> session;
    private final AtomicLong transcripts = new AtomicLong();

    SdkStreamClient(CortiEmulator emulator) {
        this.client = emulator.configure(CortiReactiveClient.builder()).build();
        this.session = client.transcribe()
                .connect(TranscribeConfiguration.builder().primaryLanguage("en").audioFormat("audio/wav").build(),
                        StreamOptions.builder().flushTimeout(Duration.ofSeconds(60)).build())
                .block(Duration.ofSeconds(30));
        session.messages().subscribe(message -> {
            if (message instanceof DictationTranscript) {
                transcripts.incrementAndGet();
            }
        });
    }

    @Override
    public Mono<Void> sendThenFlush(List<byte[]> chunks) {
        return session.sendAudio(Flux.fromIterable(chunks).map(ByteBuffer::wrap)).then(session.flush()).then();
    }

    @Override
    public long transcripts() {
        return transcripts.get();
    }

    @Override
    public void close() {
        session.close();
        client.close();
    }
}
