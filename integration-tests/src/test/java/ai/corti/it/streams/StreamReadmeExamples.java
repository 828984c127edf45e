package ai.corti.it.streams;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.blocking.streams.StreamSession;
import ai.corti.client.core.streams.CommandMessage;
import ai.corti.client.core.streams.DictationTranscript;
import ai.corti.client.core.streams.Fact;
import ai.corti.client.core.streams.FactsMessage;
import ai.corti.client.core.streams.ParticipantRole;
import ai.corti.client.core.streams.ReconnectPolicy;
import ai.corti.client.core.streams.StreamConfiguration;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamMode;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.StreamTranscript;
import ai.corti.client.core.streams.TranscribeCommand;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.reactive.CortiReactiveClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The real-time snippets of the README (one per style per endpoint), kept compiling by the build;
 * {@code StreamReadmeExamplesTest} runs each against the emulator. Keep the two in step.
 */
final class StreamReadmeExamples {

    private StreamReadmeExamples() {
    }

    // README: transcribe, reactive
    static Flux<String> dictateReactive(CortiReactiveClient client, Flux<ByteBuffer> audio) {
        TranscribeConfiguration config = TranscribeConfiguration.builder()
                .primaryLanguage("en")
                .spokenPunctuation(true)                             // "period" -> "."
                .audioFormat("audio/wav")
                .command(TranscribeCommand.builder("next-section").phrase("next section").build())
                .build();

        return client.transcribe().connect(config)                 // completes on CONFIG_ACCEPTED
                .flatMapMany(session -> session.messages()         // every server message, in order
                        .mergeWith(session.sendAudio(audio)        // chunks requested as the socket takes them
                                .then(session.end())               // then: remaining results, usage, ended
                                .then(Mono.empty())))
                .flatMap(message -> {
                    if (message instanceof DictationTranscript t && t.isFinal()) {
                        return Mono.just(t.text());
                    }
                    if (message instanceof CommandMessage c) {
                        return Mono.just("[" + c.id() + "]");
                    }
                    return Mono.empty();
                });
    }

    // README: transcribe, blocking
    static void dictateBlocking(CortiClient client, List<byte[]> chunks) {
        TranscribeConfiguration config = TranscribeConfiguration.builder()
                .primaryLanguage("en")
                .spokenPunctuation(true)
                .command(TranscribeCommand.builder("next-section").phrase("next section").build())
                .build();

        try (StreamSession<TranscribeMessage> session = client.transcribe().connect(config, message -> {
            if (message instanceof DictationTranscript t && t.isFinal()) {
                System.out.println(t.text());                      // on an SDK worker thread, in order
            } else if (message instanceof CommandMessage c) {
                System.out.println("[" + c.id() + "]");
            }
        })) {
            for (byte[] chunk : chunks) {                          // about 250 ms of audio each
                session.sendAudio(chunk);                          // waits while the socket is slower than you
            }
            session.end();                                         // remaining results, usage, ended
        }
    }

    // README: streams, reactive
    static Mono<List<Fact>> consultationReactive(CortiReactiveClient client, InteractionsCreateRequest request,
                                                  Flux<ByteBuffer> audio) {
        StreamConfiguration config = StreamConfiguration.builder()
                .primaryLanguage("en")
                .participant(0, ParticipantRole.DOCTOR)
                .participant(1, ParticipantRole.PATIENT)
                .multichannel(true)
                .mode(StreamMode.FACTS)
                .outputLocale("en")
                .audioFormat("audio/wav")
                .build();
        StreamOptions options = StreamOptions.builder()             // reconnection is off unless asked for
                .reconnect(ReconnectPolicy.exponentialBackoff(3, Duration.ofMillis(500), Duration.ofSeconds(5)))
                .build();

        return client.interactions().create(request)
                .flatMap(created -> client.streams().connect(created.getInteractionId(), config, options))
                .flatMapMany(session -> session.messages()
                        .mergeWith(session.sendAudio(audio).then(session.end()).then(Mono.empty())))
                .ofType(FactsMessage.class)
                .flatMapIterable(FactsMessage::facts)
                .collectList();
    }

    // README: streams, blocking
    static void consultationBlocking(CortiClient client, InteractionsCreateRequest request, List<byte[]> chunks,
                                     ExecutorService executor) throws Exception {
        StreamConfiguration config = StreamConfiguration.builder()
                .primaryLanguage("en")
                .participant(0, ParticipantRole.MULTIPLE)            // one microphone in the room
                .mode(StreamMode.TRANSCRIPTION)
                .build();

        UUID interaction = client.interactions().create(request).getInteractionId();
        try (StreamSession<StreamMessage> session = client.streams().connect(interaction, config)) {
            Future<?> reader = executor.submit(() -> {              // read on another thread than the sending one
                for (StreamMessage message : session.messages()) { // ends after ENDED
                    if (message instanceof StreamTranscript t) {
                        t.segments().forEach(s -> System.out.println(s.channel() + ": " + s.transcript()));
                    }
                }
            });
            for (byte[] chunk : chunks) {
                session.sendAudio(chunk);
            }
            session.flush();                                       // everything held so far, then 'flushed'
            session.end();
            reader.get();
        }
    }
}
