package ai.corti.client.core.internal.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTranscriptFailedException;
import ai.corti.client.core.internal.operations.TranscriptsOperations;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import ai.corti.client.core.testing.TimerRecordingScheduler;
import ai.corti.client.model.TranscriptsCreateRequest;
import ai.corti.client.model.TranscriptsResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Waiting for an asynchronous transcript: created with {@code async: true}, polled with backoff (in virtual time,
 * each wait checked), read whole when {@code completed}; a failure and a budget that runs out are typed. The
 * exchanges are real HTTP on loopback; only the waits are virtual.
 */
@Timeout(20)
class TranscriptWaitsTest {

    private static final Duration REAL = Duration.ofSeconds(10);
    private static final UUID INTERACTION = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final UUID TRANSCRIPT = UUID.fromString("3c90c3cc-0d44-4b50-8888-8dd25736052a");
    private static final UUID RECORDING = UUID.fromString("0b2e9f4a-7c1d-4e3b-9a8f-5d6c7e8f9a0b");
    private static final String STATUS_PATH = "/v2/interactions/" + INTERACTION + "/transcripts/" + TRANSCRIPT + "/status";

    private final ScriptedServer server = ScriptedServer.start();
    private TimerRecordingScheduler vts;
    private HttpPipeline pipeline;
    private TranscriptsOperations transcripts;

    @BeforeEach
    void start() {
        vts = new TimerRecordingScheduler();
        pipeline = new HttpPipeline(TestOptions.forServer(server).scheduler(vts).build());
        transcripts = new TranscriptsOperations(pipeline);
    }

    @AfterEach
    void stop() {
        pipeline.closeAndWait(Duration.ofSeconds(5));
        server.close();
    }

    private static Reply status(String status) {
        return Reply.json(200, "{\"status\":\"" + status + "\"}");
    }

    private static Reply accepted() {
        return Reply.json(202, "{\"id\":\"" + TRANSCRIPT + "\",\"status\":\"processing\",\"recordingId\":\"" + RECORDING
                + "\"}", "Location", "/interactions/" + INTERACTION + "/transcripts/" + TRANSCRIPT);
    }

    private static Reply finished() {
        return Reply.json(200, "{\"id\":\"" + TRANSCRIPT + "\",\"status\":\"completed\",\"transcripts\":["
                + "{\"channel\":0,\"participant\":0,\"speakerId\":0,\"text\":\"Good morning.\",\"start\":0,\"end\":900}]}");
    }

    private StepVerifier.FirstStep<TranscriptsResponse> verify(Supplier<Mono<TranscriptsResponse>> wait) {
        return StepVerifier.withVirtualTime(wait, () -> vts, Long.MAX_VALUE);
    }

    @Test
    void createsAsynchronouslyPollsWithBackoffAndReadsTheFinishedTranscript() throws Exception {
        server.enqueue(accepted(), status("processing"), status("processing"), status("completed"), finished());
        TranscriptsCreateRequest request = new TranscriptsCreateRequest().recordingId(RECORDING).primaryLanguage("en");

        verify(() -> TranscriptWaits.createAndWait(transcripts, INTERACTION, request, Duration.ofMinutes(1), null))
                .expectSubscription()
                .then(() -> vts.awaitTimers(Duration.ofMillis(500), 1))
                .expectNoEvent(Duration.ofMillis(500))
                .then(() -> vts.awaitTimers(Duration.ofSeconds(1), 1))
                .expectNoEvent(Duration.ofSeconds(1))
                .assertNext(transcript -> {
                    assertThat(transcript.getId()).isEqualTo(TRANSCRIPT);
                    assertThat(transcript.getTranscripts()).singleElement()
                            .satisfies(segment -> assertThat(segment.getText()).isEqualTo("Good morning."));
                })
                .expectComplete()
                .verify(REAL);

        assertThat(vts.timers()).as("the budget, then the polls' backoff (besides each call's own budget)")
                .startsWith(Duration.ofMinutes(1)).contains(Duration.ofMillis(500), Duration.ofSeconds(1))
                .doesNotContain(Duration.ofSeconds(2));
        assertThat(server.received(STATUS_PATH)).hasSize(3);
        assertThat(CortiJson.mapper().readTree(server.received().get(0).body()).get("async").asBoolean())
                .as("sent asynchronously").isTrue();
        assertThat(request.getAsync()).as("the caller's request is not changed").isNull();
    }

    @Test
    void aFailedTranscriptIsATypedError() {
        server.enqueue(status("processing"), status("failed"));

        verify(() -> TranscriptWaits.waitFor(transcripts, INTERACTION, TRANSCRIPT, Duration.ofMinutes(1), null))
                .expectSubscription()
                .then(() -> vts.awaitTimers(Duration.ofMillis(500), 1))
                .thenAwait(Duration.ofMillis(500))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CortiTranscriptFailedException.class)
                        .hasMessageContaining("failed")
                        .satisfies(failed -> assertThat(((CortiTranscriptFailedException) failed).transcriptId())
                                .isEqualTo(TRANSCRIPT)))
                .verify(REAL);
    }

    @Test
    void aTranscriptStillProcessingWhenTheBudgetRunsOutIsATimeoutNamingItsLastStatus() {
        server.otherwise(r -> status("processing"));

        verify(() -> TranscriptWaits.waitFor(transcripts, INTERACTION, TRANSCRIPT, Duration.ofSeconds(3), null))
                .expectSubscription()
                .then(() -> vts.awaitTimers(Duration.ofMillis(500), 1))
                .thenAwait(Duration.ofMillis(500))
                .then(() -> vts.awaitTimers(Duration.ofSeconds(1), 1))
                .thenAwait(Duration.ofSeconds(1))
                .then(() -> vts.awaitTimers(Duration.ofSeconds(2), 1))
                .thenAwait(Duration.ofSeconds(2))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CortiTimeoutException.class)
                        .hasMessageContaining("was not completed within PT3S (last status: processing)")
                        .satisfies(timeout -> assertThat(((CortiTimeoutException) timeout).wholeCall()).isTrue()))
                .verify(REAL);
    }

    @Test
    void aTranscriptFinishedAtOnceIsNotPolled() {
        server.enqueue(Reply.json(201, "{\"id\":\"" + TRANSCRIPT + "\",\"status\":\"completed\",\"transcripts\":[]}"));

        verify(() -> TranscriptWaits.createAndWait(transcripts, INTERACTION,
                new TranscriptsCreateRequest().recordingId(RECORDING).primaryLanguage("en"), Duration.ofMinutes(1), null))
                .assertNext(transcript -> assertThat(transcript.getStatus()).hasToString("completed"))
                .expectComplete()
                .verify(REAL);
        assertThat(server.received(STATUS_PATH)).isEmpty();
    }

    @Test
    void theBackoffDoublesUpToFiveSeconds() {
        assertThat(TranscriptWaits.backoff(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(TranscriptWaits.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(TranscriptWaits.backoff(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(TranscriptWaits.backoff(40)).isEqualTo(Duration.ofSeconds(5));
    }
}
