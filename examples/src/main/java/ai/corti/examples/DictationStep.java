package ai.corti.examples;

import ai.corti.client.core.streams.CommandMessage;
import ai.corti.client.core.streams.DictationTranscript;
import ai.corti.client.core.streams.TranscribeCommand;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.UsageMessage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A few seconds of audio to {@code /transcribe}, paced like a microphone, lines printed as they arrive. */
final class DictationStep {

    private static final int SECONDS = 3;

    private final StepContext context;
    private final Report report;

    /**
     * Creates the step.
     *
     * @param context the clients and the report
     */
    DictationStep(StepContext context) {
        this.context = context;
        this.report = context.report();
    }

    /** Step: the live dictation. */
    void liveDictation() {
        report.heading("Live dictation: " + SECONDS + " s of audio to /transcribe in 250 ms chunks, lines printed as "
                + "they arrive (reactive)");
        if (!context.mayWrite("it would use credits")) {
            return;
        }
        TranscribeConfiguration config = TranscribeConfiguration.builder()
                .primaryLanguage("en")
                .spokenPunctuation(true)
                .audioFormat("audio/wav")
                .command(TranscribeCommand.builder("next-section").phrase("next section").build())
                .build();
        Flux<ByteBuffer> microphone = Flux.fromIterable(SampleAudio.wavChunks(SECONDS))
                .delayElements(Duration.ofMillis(250)) // as a microphone delivers it
                .map(ByteBuffer::wrap);
        AtomicReference<UsageMessage> usage = new AtomicReference<>();
        long lines = context.reactive().transcribe().connect(config)
                .flatMapMany(session -> session.messages()
                        .mergeWith(session.sendAudio(microphone).then(session.end()).then(Mono.empty())))
                .doOnNext(message -> {
                    if (message instanceof DictationTranscript t && t.isFinal()) {
                        report.say(String.format(Locale.ROOT, "%.1f-%.1f s  %s", t.start(), t.end(), t.text()));
                    } else if (message instanceof CommandMessage c) {
                        report.say(String.format(Locale.ROOT, "%.1f-%.1f s  [command %s]", c.start(), c.end(), c.id()));
                    } else if (message instanceof UsageMessage u) {
                        usage.set(u);
                    }
                })
                .filter(message -> message instanceof DictationTranscript || message instanceof CommandMessage)
                .count()
                .block(StepContext.WAIT);
        report.say((lines == 0 ? "no words in the synthetic audio; " : "") + "ended, "
                + (usage.get() == null ? "no usage reported" : usage.get().credits() + " credits"));
    }
}
