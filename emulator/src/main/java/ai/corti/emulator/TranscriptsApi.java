package ai.corti.emulator;

import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Transcripts operations. A transcript is made from one of the interaction's recordings: the words are a fixed
 * clinical dialogue chosen by the recording's bytes ({@link Dialogues}), timed at a steady speaking pace, with the
 * request's replacements and punctuation settings applied, so the same recording and request always give the same
 * transcript.
 *
 * <p>Two modes, as the API documents them: by default the create answers 201 with the finished transcript; with
 * {@code "async": true} it answers 202 at once, with a {@code Location} header and the transcript still
 * {@code processing}, and {@code transcripts_get_status} reports {@code completed} once the emulator's clock has
 * moved on by the processing time ({@link CortiEmulator.Builder#transcriptProcessingTime(Duration)}); meanwhile
 * {@code transcripts_get} shows the utterances "heard" so far, as the API says a processing transcript is
 * incomplete. {@link Faults#failNextTranscriptions(int)} makes transcripts end {@code failed}, without text.
 */
final class TranscriptsApi implements Operation.Resource {

    /** Speaking pace: each word takes this long, each utterance this much more, and this gap follows it. */
    private static final long MS_PER_WORD = 350;
    private static final long MS_PER_LINE = 400;
    private static final long MS_GAP = 250;
    private static final int SAMPLE_LENGTH = 120;
    private static final Pattern PUNCTUATION = Pattern.compile("[.,;:?!]");

    /**
     * A stored transcript. Its status and the utterances it shows depend on the time it is read at.
     *
     * @param id            its id
     * @param interactionId its interaction
     * @param recordingId   the recording it was made from
     * @param metadata      its {@code TranscriptsMetadata}
     * @param utterances    the finished utterances ({@code CommonTranscriptResponse}s)
     * @param startedAt     when processing started
     * @param processing    how long processing takes (zero for a synchronous transcript)
     * @param failed        whether processing ends in failure
     * @param credits       the credits it consumed
     */
    record Transcript(UUID id, UUID interactionId, UUID recordingId, ObjectNode metadata, ArrayNode utterances,
                      Instant startedAt, Duration processing, boolean failed, double credits) {

        /** The status at a time: {@code processing} until the processing time has passed. */
        String status(Instant now) {
            if (now.isBefore(startedAt.plus(processing))) {
                return "processing";
            }
            return failed ? "failed" : "completed";
        }

        /** The utterances at a time: all once completed, none when failed, those "heard" so far before. */
        ArrayNode utterancesAt(Instant now) {
            String status = status(now);
            if (status.equals("completed")) {
                return utterances.deepCopy();
            }
            ArrayNode partial = JsonNodeFactory.instance.arrayNode();
            if (status.equals("failed") || utterances.isEmpty()) {
                return partial;
            }
            double share = (double) Duration.between(startedAt, now).toNanos() / processing.toNanos();
            long heard = (long) (share * utterances.get(utterances.size() - 1).path("end").asLong());
            for (JsonNode utterance : utterances) {
                if (utterance.path("end").asLong() <= heard) {
                    partial.add(utterance.deepCopy());
                }
            }
            return partial;
        }
    }

    private final InteractionStore interactions;
    private final ChildResources<Transcript> transcripts;
    private final RecordingsApi recordings;
    private final SpecSchemas spec;
    private final RequestBodies bodies;
    private final Clock clock;
    private final Duration processingTime;
    private final Faults faults;
    private final Supplier<String> baseUrl;

    /**
     * Creates the operations.
     *
     * @param interactions   the interactions
     * @param recordings     the recordings transcripts are made from
     * @param spec           the document
     * @param clock          the emulator's clock
     * @param processingTime how long an asynchronous transcript stays {@code processing}
     * @param faults         for injected transcription failures
     * @param baseUrl        the API base URL, for {@code Location}
     */
    TranscriptsApi(InteractionStore interactions, RecordingsApi recordings, SpecSchemas spec, Clock clock,
                   Duration processingTime, Faults faults, Supplier<String> baseUrl) {
        this.interactions = interactions;
        this.transcripts = new ChildResources<>(interactions, transcript -> { });
        this.recordings = recordings;
        this.spec = spec;
        this.bodies = new RequestBodies(spec);
        this.clock = clock;
        this.processingTime = processingTime;
        this.faults = faults;
        this.baseUrl = baseUrl;
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                new Operation(CortiOperations.TRANSCRIPTS_LIST, this::list),
                new Operation(CortiOperations.TRANSCRIPTS_CREATE, this::create),
                new Operation(CortiOperations.TRANSCRIPTS_GET, this::get),
                new Operation(CortiOperations.TRANSCRIPTS_DELETE, this::delete),
                new Operation(CortiOperations.TRANSCRIPTS_GET_STATUS, this::status));
    }

    /** The transcripts, for inspection and as context for documents. */
    ChildResources<Transcript> store() {
        return transcripts;
    }

    /** The emulator's time now. */
    Instant now() {
        return clock.instant();
    }

    /** {@code POST .../transcripts/}: 201 with the transcript, or 202 and {@code Location} with {@code async}. */
    Reply create(Call call) {
        UUID interactionId = call.interactionId();
        ObjectNode body = bodies.read(call.request(), CortiOperations.TRANSCRIPTS_CREATE);
        if (!interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        UUID recordingId = UUID.fromString(body.get("recordingId").asText());
        Optional<RecordingsApi.Recording> recording = recordings.find(call.tenant(), interactionId, recordingId);
        if (recording.isEmpty()) {
            return ProblemResponses.notFound(call.requestId(), "Recording " + recordingId + " (recordingId) was not "
                    + "found in interaction " + interactionId);
        }
        boolean async = body.path("async").asBoolean(false);
        RecordingBytes bytes = recording.get().bytes();
        Dialogues.Dialogue dialogue = Dialogues.of(bytes.head(Dialogues.HEAD), bytes.length());
        ArrayNode participants = participants(body);
        ArrayNode utterances = utterances(dialogue, body, participants);
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.set("participantsRoles", participants);
        boolean failed = faults.takeTranscriptionFailure();
        long lastEnd = utterances.isEmpty() ? 0 : utterances.get(utterances.size() - 1).path("end").asLong();
        double credits = failed ? 0 : Math.round(lastEnd / 600.0) / 100.0; // minutes of audio, two decimals
        UUID id = Ids.randomUuid();
        Transcript transcript = new Transcript(id, interactionId, recordingId, metadata, utterances, now(),
                async ? processingTime : Duration.ZERO, failed, credits);
        if (!transcripts.add(call.tenant(), interactionId, id, transcript)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        Reply reply = Reply.json(async ? 202 : 201, EmulatorJson.write(response(transcript, now())));
        return async ? reply.withHeader("Location", baseUrl.get() + "/interactions/" + interactionId
                + "/transcripts/" + id) : reply;
    }

    /** {@code GET .../transcripts/}: samples, and with {@code full=true} the transcripts too. */
    Reply list(Call call) {
        UUID interactionId = call.interactionId();
        boolean full = QueryParameters.parse(spec, CortiOperations.TRANSCRIPTS_LIST, call.request().query())
                .flag("full", false);
        if (!interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        Instant now = now();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode items = body.putArray("transcripts");
        for (Transcript transcript : transcripts.list(call.tenant(), interactionId)) {
            ObjectNode item = items.addObject();
            item.put("id", transcript.id().toString());
            ArrayNode utterances = transcript.utterancesAt(now);
            item.put("transcriptSample", sample(utterances));
            if (full) {
                ObjectNode data = item.putObject("transcript");
                data.set("metadata", transcript.metadata().deepCopy());
                data.set("transcripts", utterances);
            }
        }
        return Reply.json(200, EmulatorJson.write(body));
    }

    /** {@code GET .../transcripts/{transcriptId}}: the transcript as it is now. */
    Reply get(Call call) {
        return find(call).map(transcript -> Reply.json(200, EmulatorJson.write(response(transcript, now()))))
                .orElseGet(() -> notFound(call));
    }

    /** {@code GET .../transcripts/{transcriptId}/status}: {@code processing}, {@code completed} or {@code failed}. */
    Reply status(Call call) {
        return find(call).map(transcript -> Reply.json(200, EmulatorJson.write(JsonNodeFactory.instance.objectNode()
                        .put("status", transcript.status(now())))))
                .orElseGet(() -> notFound(call));
    }

    /** {@code DELETE .../transcripts/{transcriptId}}: 204. */
    Reply delete(Call call) {
        UUID interactionId = call.interactionId();
        UUID id = call.uuid("transcriptId", "transcript");
        return transcripts.remove(call.tenant(), interactionId, id) ? Reply.noContent() : notFound(call);
    }

    /** A {@code TranscriptsResponse} at a time; {@code transcripts} is {@code null} for a failed transcript. */
    static ObjectNode response(Transcript transcript, Instant now) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", transcript.id().toString());
        body.set("metadata", transcript.metadata().deepCopy());
        String status = transcript.status(now);
        if (status.equals("failed")) {
            body.putNull("transcripts"); // required and nullable: a failed transcript has none
        } else {
            body.set("transcripts", transcript.utterancesAt(now));
        }
        body.putObject("usageInfo").put("creditsConsumed", transcript.credits());
        body.put("recordingId", transcript.recordingId().toString());
        body.put("status", status);
        return body;
    }

    private Optional<Transcript> find(Call call) {
        UUID interactionId = call.interactionId();
        UUID id = call.uuid("transcriptId", "transcript");
        return transcripts.get(call.tenant(), interactionId, id);
    }

    private Reply notFound(Call call) {
        UUID interactionId = call.interactionId();
        if (!interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        return ProblemResponses.notFound(call.requestId(), "Transcript " + call.parameter("transcriptId")
                + " was not found in interaction " + interactionId);
    }

    /** The participants as given, or one channel with several speakers. */
    private static ArrayNode participants(ObjectNode body) {
        JsonNode given = body.path("participants");
        if (given.isArray() && !given.isEmpty()) {
            return given.deepCopy();
        }
        ArrayNode participants = JsonNodeFactory.instance.arrayNode();
        participants.addObject().put("channel", 0).put("role", "multiple");
        return participants;
    }

    private static ArrayNode utterances(Dialogues.Dialogue dialogue, ObjectNode body, ArrayNode participants) {
        boolean diarize = body.path("diarize").asBoolean(false);
        boolean punctuate = automaticPunctuation(body);
        List<String[]> replacements = new ArrayList<>();
        body.path("replacements").forEach(r -> replacements.add(new String[] {r.path("find").asText(),
                r.path("replace").asText()}));
        ArrayNode utterances = JsonNodeFactory.instance.arrayNode();
        long at = 0;
        for (Dialogues.Line line : dialogue.lines()) {
            String text = line.text();
            for (String[] replacement : replacements) {
                text = replace(text, replacement[0], replacement[1]);
            }
            if (!punctuate) {
                text = PUNCTUATION.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
            }
            long duration = MS_PER_LINE + MS_PER_WORD * line.text().split("\\s+").length;
            int participant = participant(participants, line.speaker());
            ObjectNode utterance = utterances.addObject();
            utterance.put("channel", participants.get(participant).path("channel").asInt());
            utterance.put("participant", participant);
            utterance.put("speakerId", diarize ? line.speaker().ordinal() : -1);
            utterance.put("text", text);
            utterance.put("start", at);
            utterance.put("end", at + duration);
            at += duration + MS_GAP;
        }
        return utterances;
    }

    /** Which participant a speaker is: the one with the speaker's role, else one with several, else the first. */
    private static int participant(ArrayNode participants, Dialogues.Speaker speaker) {
        String role = speaker.name().toLowerCase(Locale.ROOT);
        int multiple = -1;
        for (int i = 0; i < participants.size(); i++) {
            String given = participants.get(i).path("role").asText();
            if (given.equals(role)) {
                return i;
            }
            if (given.equals("multiple") && multiple < 0) {
                multiple = i;
            }
        }
        return Math.max(multiple, 0);
    }

    /**
     * Whether the text is punctuated, by the spec's precedence: {@code spokenPunctuation} turns automatic
     * punctuation off; else {@code automaticPunctuation} (default on); the deprecated {@code isDictation} counts only
     * when neither is given.
     */
    private static boolean automaticPunctuation(ObjectNode body) {
        if (body.path("spokenPunctuation").asBoolean(false)) {
            return false;
        }
        if (body.has("automaticPunctuation")) {
            return body.get("automaticPunctuation").asBoolean();
        }
        return !(body.path("isDictation").asBoolean(false) && !body.has("spokenPunctuation"));
    }

    /** Replaces a term case-insensitively, whole words only where the term starts or ends with a letter or digit. */
    private static String replace(String text, String find, String replacement) {
        if (find.isEmpty()) {
            return text;
        }
        String left = Character.isLetterOrDigit(find.charAt(0)) ? "\\b" : "";
        String right = Character.isLetterOrDigit(find.charAt(find.length() - 1)) ? "\\b" : "";
        return Pattern.compile(left + Pattern.quote(find) + right, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(replacement));
    }

    private static String sample(ArrayNode utterances) {
        StringBuilder sample = new StringBuilder();
        for (JsonNode utterance : utterances) {
            if (sample.length() >= SAMPLE_LENGTH) {
                break;
            }
            sample.append(sample.length() == 0 ? "" : " ").append(utterance.path("text").asText());
        }
        return sample.length() <= SAMPLE_LENGTH ? sample.toString() : sample.substring(0, SAMPLE_LENGTH - 3) + "...";
    }
}
