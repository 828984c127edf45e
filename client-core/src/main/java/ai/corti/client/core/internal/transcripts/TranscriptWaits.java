package ai.corti.client.core.internal.transcripts;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTranscriptFailedException;
import ai.corti.client.core.internal.operations.OperationSupport;
import ai.corti.client.core.internal.operations.TranscriptsOperations;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.TranscriptsCreateRequest;
import ai.corti.client.model.TranscriptsResponse;
import ai.corti.client.model.TranscriptsStatusEnum;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The convenience the spec cannot say: create a transcript asynchronously and wait for it, polling
 * {@code transcripts_get_status} with backoff inside one time budget, then reading the finished transcript. Waits
 * run on the client's timer, so tests drive them in virtual time. Internal to the SDK.
 */
public final class TranscriptWaits {

    /** The first wait between two status polls; it doubles up to {@link #MAX_POLL}. */
    static final Duration FIRST_POLL = Duration.ofMillis(500);
    /** The longest wait between two status polls. */
    static final Duration MAX_POLL = Duration.ofSeconds(5);

    private TranscriptWaits() {
    }

    /**
     * Creates a transcript asynchronously ({@code async: true}, whatever the request says) and waits for it.
     *
     * @param operations    the transcripts operations
     * @param interactionId the interaction
     * @param request       the transcript to create; not changed
     * @param timeout       the budget of the whole wait, the creation included
     * @param options       per-call overrides for each request, or {@code null}
     * @return the finished transcript, lazily
     */
    public static Mono<TranscriptsResponse> createAndWait(TranscriptsOperations operations, UUID interactionId,
                                                          TranscriptsCreateRequest request, Duration timeout,
                                                          RequestOptions options) {
        OperationSupport.require(interactionId, "interactionId");
        OperationSupport.require(request, "request");
        requirePositive(timeout);
        // A copy: the caller's request object is not the SDK's to change.
        TranscriptsCreateRequest async = CortiJson.mapper().convertValue(request, TranscriptsCreateRequest.class)
                .async(true);
        Scheduler timer = operations.pipeline().timer();
        AtomicReference<String> lastStatus = new AtomicReference<>("not created");
        Mono<TranscriptsResponse> created = operations.create(interactionId, async, options).map(CortiResponse::value)
                .flatMap(transcript -> {
                    if (transcript.getStatus() == TranscriptsStatusEnum.COMPLETED && transcript.getTranscripts() != null) {
                        return Mono.just(transcript); // answered synchronously after all
                    }
                    if (transcript.getId() == null) {
                        return Mono.error(new IllegalStateException("the server answered without a transcript id"));
                    }
                    return poll(operations, interactionId, transcript.getId(), options, timer, 0, lastStatus);
                });
        return withDeadline(created, timeout, timer, "the transcript of interaction " + interactionId, lastStatus);
    }

    /**
     * Waits for a transcript being created asynchronously.
     *
     * @param operations    the transcripts operations
     * @param interactionId the interaction
     * @param transcriptId  the transcript
     * @param timeout       the budget of the whole wait
     * @param options       per-call overrides for each request, or {@code null}
     * @return the finished transcript, lazily
     */
    public static Mono<TranscriptsResponse> waitFor(TranscriptsOperations operations, UUID interactionId,
                                                    UUID transcriptId, Duration timeout, RequestOptions options) {
        OperationSupport.require(interactionId, "interactionId");
        OperationSupport.require(transcriptId, "transcriptId");
        requirePositive(timeout);
        Scheduler timer = operations.pipeline().timer();
        AtomicReference<String> lastStatus = new AtomicReference<>("not polled yet");
        return withDeadline(poll(operations, interactionId, transcriptId, options, timer, 0, lastStatus), timeout, timer,
                "transcript " + transcriptId, lastStatus);
    }

    private static Mono<TranscriptsResponse> poll(TranscriptsOperations operations, UUID interactionId, UUID transcriptId,
                                                  RequestOptions options, Scheduler timer, int polls,
                                                  AtomicReference<String> lastStatus) {
        return operations.getStatus(interactionId, transcriptId, options).map(CortiResponse::value)
                .flatMap(status -> {
                    TranscriptsStatusEnum value = status.getStatus();
                    lastStatus.set(String.valueOf(value));
                    if (value == TranscriptsStatusEnum.COMPLETED) {
                        return operations.get(interactionId, transcriptId, options).map(CortiResponse::value);
                    }
                    if (value == TranscriptsStatusEnum.FAILED) {
                        return Mono.error(new CortiTranscriptFailedException("transcript " + transcriptId
                                + " of interaction " + interactionId + " failed; Corti advises to try again",
                                transcriptId));
                    }
                    // processing, or a status this SDK does not know yet: keep waiting
                    return Mono.delay(backoff(polls), timer).then(Mono.defer(() -> poll(operations, interactionId,
                            transcriptId, options, timer, polls + 1, lastStatus)));
                });
    }

    /** 0.5 s, 1 s, 2 s, 4 s, then every 5 s. */
    static Duration backoff(int polls) {
        long millis = FIRST_POLL.toMillis() << Math.min(polls, 10);
        return Duration.ofMillis(Math.min(millis, MAX_POLL.toMillis()));
    }

    private static Mono<TranscriptsResponse> withDeadline(Mono<TranscriptsResponse> wait, Duration timeout,
                                                          Scheduler timer, String what,
                                                          AtomicReference<String> lastStatus) {
        return wait.timeout(Mono.delay(timeout, timer), Mono.defer(() -> Mono.error(new CortiTimeoutException(what
                + " was not completed within " + timeout + " (last status: " + lastStatus.get() + ")", timeout, true,
                null))));
    }

    private static void requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > TimeUnit.DAYS.toMillis(1)) {
            throw new IllegalArgumentException("timeout must be positive and at most a day, was " + timeout);
        }
    }
}
