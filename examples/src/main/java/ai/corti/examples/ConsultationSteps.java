package ai.corti.examples;

import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.model.CommonTranscriptResponse;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.TranscriptsCreateRequest;
import ai.corti.client.model.TranscriptsListItem;
import ai.corti.client.model.TranscriptsResponse;
import ai.corti.client.model.TranscriptsStatusEnum;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The consultation's first half: its interaction, a recording uploaded and read back, and the recording
 * transcribed twice: with {@code createAndWait}, and step by step the asynchronous way.
 *
 * <p>Transcripts against the emulator: it runs in-process, so the asynchronous step moves the emulator's clock on
 * (the time the real API would spend transcribing) and shows the transcript half-heard, then finished, in no time.
 * {@code createAndWait} is left to poll as it would against the real API, so its output is the real behaviour: it
 * finishes once the emulator's processing time (2 s) has passed on the wall clock.
 */
final class ConsultationSteps {

    /** Long enough to be a consultation for the emulator; a 5-second tone for the real API. */
    static final int RECORDING_SECONDS = 5;
    private static final Duration TRANSCRIPT_BUDGET = Duration.ofMinutes(2);

    private final StepContext context;
    private final Report report;
    private final Consultation consultation;

    /**
     * Creates the steps.
     *
     * @param context      the clients and the report
     * @param consultation what the steps build up
     */
    ConsultationSteps(StepContext context, Consultation consultation) {
        this.context = context;
        this.report = context.report();
        this.consultation = consultation;
    }

    /** Step: create the consultation's interaction, upload its recording, list it, and download it again. */
    void createAndRecord() {
        report.heading("A consultation: create its interaction, upload a " + RECORDING_SECONDS + " s WAV recording, "
                + "download it again (blocking)");
        if (!context.mayWrite("it would create an interaction and upload audio")) {
            return;
        }
        UUID id = context.blocking().interactions().create(new InteractionsCreateRequest()
                .encounter(new InteractionsEncounterCreateRequest()
                        .identifier(context.prefix() + "enc-consultation")
                        .status(InteractionsEncounterStatusEnum.IN_PROGRESS)
                        .type(InteractionsEncounterTypeEnum.CONSULTATION)
                        .title("Diabetes follow-up"))
                .patient(SampleData.patients(context.prefix()).get(0).toModel()))
                .getInteractionId();
        context.created().add(id);
        consultation.interactionId(id);
        report.result("interactions().create(..)", "interaction " + id);

        byte[] wav = SampleAudio.wav(RECORDING_SECONDS);
        UUID recording = context.blocking().recordings().upload(id, wav).getRecordingId();
        consultation.recordingId(recording);
        report.result("recordings().upload(..)", "recording " + recording + " (" + wav.length + " bytes)");
        report.result("recordings().list(id)",
                String.valueOf(context.blocking().recordings().list(id).getRecordings()));

        ByteArrayOutputStream downloaded = new ByteArrayOutputStream(wav.length);
        long bytes = context.blocking().recordings().get(id, recording, downloaded);
        boolean same = Arrays.equals(wav, downloaded.toByteArray());
        report.result("recordings().get(.., out)", bytes + " bytes, " + (same ? "identical to the upload"
                : "DIFFERENT from the upload"));
        if (!same) {
            throw new IllegalStateException("The downloaded recording differs from the uploaded one");
        }
    }

    /** Step: transcribe the recording and wait, in one call. */
    void transcribeAndWait() {
        report.heading("Transcribe it and wait (blocking: transcripts().createAndWait(id, request, 2 min))");
        if (!consultation.exists()) {
            report.say("skipped: no consultation was created (add --write)");
            return;
        }
        long start = System.nanoTime();
        TranscriptsResponse transcript = context.blocking().transcripts().createAndWait(consultation.interactionId(),
                request(), TRANSCRIPT_BUDGET);
        double seconds = (System.nanoTime() - start) / 1e9;
        consultation.utterances(transcript.getTranscripts());
        report.say(String.format(Locale.ROOT, "%s after %.1f s: %d utterances, %s credits", transcript.getStatus(),
                seconds, transcript.getTranscripts().size(), transcript.getUsageInfo().getCreditsConsumed()));
        report.say("(it created the transcript with async: true, then polled getStatus after 0.5 s, 1 s, 2 s, ...)");
        report.table(utterances(transcript.getTranscripts()));
    }

    /** Step: the same, one call at a time: create asynchronously (202), look while it is processing, wait. */
    void transcribeAsync() {
        report.heading("The asynchronous path, call by call (reactive: create with async: true, getStatus, get, "
                + "waitFor)");
        if (!consultation.exists()) {
            report.say("skipped: no consultation was created (add --write)");
            return;
        }
        UUID id = consultation.interactionId();
        TranscriptsResponse accepted = context.reactive().transcripts().create(id, request().async(true))
                .block(StepContext.WAIT);
        report.result("create(async: true)", accepted.getStatus() + ", transcript " + accepted.getId());
        context.emulator().ifPresent(emulator -> {
            // Half the processing time: the emulator shows what it has "heard" so far, as the API documents.
            Duration half = emulator.transcriptProcessingTime().dividedBy(2);
            emulator.advanceClock(half);
            TranscriptsResponse partial = context.reactive().transcripts().get(id, accepted.getId())
                    .block(StepContext.WAIT);
            report.result("emulator clock +" + millis(half),
                    "get: " + partial.getStatus() + ", " + partial.getTranscripts().size() + " utterances so far");
            emulator.advanceClock(emulator.transcriptProcessingTime().minus(half));
            report.result("emulator clock +" + millis(emulator.transcriptProcessingTime().minus(half)),
                    "getStatus: " + context.reactive().transcripts().getStatus(id, accepted.getId())
                            .block(StepContext.WAIT).getStatus());
        });
        TranscriptsResponse done = context.reactive().transcripts().waitFor(id, accepted.getId(), TRANSCRIPT_BUDGET)
                .block(StepContext.WAIT.plus(TRANSCRIPT_BUDGET));
        report.result("waitFor(id, transcriptId)", done.getStatus() + ", " + done.getTranscripts().size()
                + " utterances, the same words: " + sameWords(done.getTranscripts()));
        List<TranscriptsListItem> listed = context.reactive().transcripts().list(id).block(StepContext.WAIT)
                .getTranscripts();
        report.result("list(id)", listed.size() + " transcripts, each with a sample: \""
                + shorten(listed.get(0).getTranscriptSample(), 50) + "\"");
        if (done.getStatus() != TranscriptsStatusEnum.COMPLETED) {
            throw new IllegalStateException("The asynchronous transcript ended " + done.getStatus());
        }
    }

    /** Step: delete the consultation; everything it held goes with it. */
    void deleteAndShowCascade() {
        report.heading("Delete the consultation: its recording, transcripts, facts and document go with it (reactive)");
        if (!consultation.exists()) {
            report.say("skipped: no consultation was created (add --write)");
            return;
        }
        UUID id = consultation.interactionId();
        var reactive = context.reactive();
        report.say("it holds " + count(reactive.recordings().list(id).map(r -> r.getRecordings().size()))
                + " recording, " + count(reactive.transcripts().list(id).map(t -> t.getTranscripts().size()))
                + " transcripts, " + count(reactive.facts().list(id).map(f -> f.getFacts().size())) + " facts, "
                + count(reactive.documents().list(id).map(d -> d.getData().size())) + " document");
        reactive.interactions().delete(id).block(StepContext.WAIT);
        report.result("interactions().delete(id)", "deleted");
        context.created().deleted(id);
        consultation.interactionId(null);
        // Everything under a deleted interaction is a 404 now, as is the interaction itself.
        gone("interactions().get(id)", reactive.interactions().get(id));
        gone("recordings().get(id, rec)", reactive.recordings().get(id, consultation.recordingId()).then());
        gone("recordings().list(id)", reactive.recordings().list(id));
        gone("transcripts().list(id)", reactive.transcripts().list(id));
        gone("facts().list(id)", reactive.facts().list(id));
        gone("documents().get(id, doc)", consultation.documentId() == null ? reactive.documents().list(id)
                : reactive.documents().get(id, consultation.documentId().toString()));
    }

    private static String count(Mono<Integer> size) {
        return String.valueOf(size.block(StepContext.WAIT));
    }

    private void gone(String call, Mono<?> answer) {
        try {
            answer.block(StepContext.WAIT);
        } catch (NotFoundException e) {
            report.result(call, e.getClass().getSimpleName() + " " + e.statusCode());
            return;
        }
        // The emulator deletes at once, so this is a bug there; the real API may take a moment to delete.
        report.result(call, "still there");
        if (context.emulator().isPresent()) {
            throw new IllegalStateException(call + " found something after the interaction was deleted");
        }
    }

    private TranscriptsCreateRequest request() {
        return new TranscriptsCreateRequest()
                .recordingId(consultation.recordingId())
                .primaryLanguage("en")
                .diarize(true);
    }

    private boolean sameWords(List<CommonTranscriptResponse> other) {
        return other.stream().map(CommonTranscriptResponse::getText).toList()
                .equals(consultation.utterances().stream().map(CommonTranscriptResponse::getText).toList());
    }

    private static Table utterances(List<CommonTranscriptResponse> utterances) {
        Table table = new Table("time (s)", "speaker", "text");
        for (CommonTranscriptResponse utterance : utterances) {
            table.row(String.format(Locale.ROOT, "%4.1f-%4.1f", utterance.getStart() / 1000.0,
                            utterance.getEnd() / 1000.0),
                    utterance.getSpeakerId() < 0 ? "" : String.valueOf(utterance.getSpeakerId()),
                    shorten(utterance.getText(), 70));
        }
        return table;
    }

    private static String millis(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
