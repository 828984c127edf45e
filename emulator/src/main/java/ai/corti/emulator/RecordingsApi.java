package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaViolation;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Recordings operations: an interaction's audio, stored as uploaded (bytes in, the same bytes out), per tenant.
 * Uploads are streamed in by {@link Uploads} and capped twice: one recording may have at most the size the spec
 * states in prose for {@code recordings_upload} ("150 MB in file size", read from the document, decimal megabytes),
 * and all recordings together at most the emulator's budget ({@link RecordingMemory}). Past either, a 413.
 *
 * <p>Deleting a recording leaves its transcripts (they are resources of their own); deleting the interaction deletes
 * both.
 */
final class RecordingsApi implements Operation.Resource {

    /** The size the spec states when its prose cannot be read, 150 MB. */
    static final long DEFAULT_MAX_SIZE = 150_000_000L;

    private static final Pattern PROSE_LIMIT = Pattern.compile("(\\d+)\\s*MB in file size");

    /**
     * A stored recording.
     *
     * @param id            its id
     * @param interactionId its interaction
     * @param bytes         its bytes
     * @param createdAt     when it was uploaded, by the emulator's clock
     */
    record Recording(UUID id, UUID interactionId, RecordingBytes bytes, Instant createdAt) {
    }

    private final InteractionStore interactions;
    private final ChildResources<Recording> recordings;
    private final RecordingMemory memory;
    private final long maxSize;
    private final Timestamps timestamps;

    /**
     * Creates the operations.
     *
     * @param interactions the interactions the recordings belong to
     * @param memory       the emulator-wide budget
     * @param maxSize      the most bytes one recording may have
     * @param timestamps   the source of upload times
     */
    RecordingsApi(InteractionStore interactions, RecordingMemory memory, long maxSize, Timestamps timestamps) {
        this.interactions = interactions;
        this.recordings = new ChildResources<>(interactions, recording -> recording.bytes().release());
        this.memory = memory;
        this.maxSize = maxSize;
        this.timestamps = timestamps;
    }

    /**
     * Reads the per-recording limit from the spec's prose for {@code recordings_upload}.
     *
     * @param spec the document
     * @return the limit in bytes: "N MB" as N million bytes, or {@link #DEFAULT_MAX_SIZE} when the prose says none
     */
    static long maxSizeFromSpec(SpecSchemas spec) {
        Matcher limit = PROSE_LIMIT.matcher(spec.operation(CortiOperations.RECORDINGS_UPLOAD).path("description")
                .asText(""));
        return limit.find() ? Long.parseLong(limit.group(1)) * 1_000_000L : DEFAULT_MAX_SIZE;
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                new Operation(CortiOperations.RECORDINGS_LIST, this::list),
                new Operation(CortiOperations.RECORDINGS_UPLOAD, call -> {
                    throw new IllegalStateException("uploads are streamed by Uploads");
                }),
                new Operation(CortiOperations.RECORDINGS_GET, this::get),
                new Operation(CortiOperations.RECORDINGS_DELETE, this::delete));
    }

    /** The most bytes one recording may have. */
    long maxSize() {
        return maxSize;
    }

    /** The recordings, for inspection and for transcripts. */
    ChildResources<Recording> store() {
        return recordings;
    }

    /**
     * Checks an upload before its body is read.
     *
     * @return the refusal, or {@code null} to read the body
     */
    Reply beforeUpload(Call call) {
        UUID interactionId = call.interactionId();
        if (!interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        Optional<Long> declared = call.request().header("Content-Length").flatMap(RecordingsApi::length);
        if (declared.isPresent() && declared.get() > maxSize) {
            return tooLarge(call, declared.get());
        }
        if (declared.isPresent() && declared.get() == 0) {
            return empty(call);
        }
        return null;
    }

    /** A writer for an accepted upload. */
    RecordingWriter writer() {
        return new RecordingWriter(maxSize, memory);
    }

    /** Finishes an upload whose body has been read: 201, or the 4xx that refuses it. */
    Reply upload(Call call, RecordingWriter writer) {
        RecordingWriter.Refusal refusal = writer.refusal();
        if (refusal != null) {
            return switch (refusal) {
                case RECORDING_TOO_LARGE -> tooLarge(call, writer.size());
                case EMULATOR_FULL -> ProblemResponses.problem(413, call.requestId(), "The emulator holds "
                        + memory.used() + " bytes of recordings, and this one would take it past its limit of "
                        + memory.limit() + " bytes (CortiEmulator.builder().recordingMemoryLimit(..)); delete "
                        + "recordings or interactions, or reset the emulator", List.of());
                case NO_DIRECT_MEMORY -> ProblemResponses.problem(413, call.requestId(), "The JVM has no direct "
                        + "memory left for this recording (raise -XX:MaxDirectMemorySize or lower the emulator's "
                        + "recordingMemoryLimit)", List.of());
            };
        }
        if (writer.size() == 0) {
            return empty(call);
        }
        UUID interactionId = call.interactionId();
        UUID id = Ids.randomUuid();
        RecordingBytes bytes = writer.finish();
        if (!recordings.add(call.tenant(), interactionId, id, new Recording(id, interactionId, bytes,
                timestamps.next()))) {
            bytes.release(); // the interaction was deleted while the recording arrived
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        ObjectNode created = EmulatorJson.MAPPER.createObjectNode().put("recordingId", id.toString());
        return Reply.json(201, EmulatorJson.write(created));
    }

    /** {@code GET .../recordings/}: the ids, in upload order. */
    Reply list(Call call) {
        UUID interactionId = call.interactionId();
        List<Recording> all = recordings.list(call.tenant(), interactionId);
        if (all.isEmpty() && !interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        ObjectNode body = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode ids = body.putArray("recordings");
        all.forEach(recording -> ids.add(recording.id().toString()));
        return Reply.json(200, EmulatorJson.write(body));
    }

    /** {@code GET .../recordings/{recordingId}}: the bytes as uploaded. */
    Reply get(Call call) {
        UUID interactionId = call.interactionId();
        UUID id = call.uuid("recordingId", "recording");
        return recordings.get(call.tenant(), interactionId, id)
                .map(recording -> Reply.binary(200, "application/octet-stream", recording.bytes()))
                .orElseGet(() -> notFound(call, interactionId, id));
    }

    /** {@code DELETE .../recordings/{recordingId}}: 204; its bytes stop counting against the budget. */
    Reply delete(Call call) {
        UUID interactionId = call.interactionId();
        UUID id = call.uuid("recordingId", "recording");
        return recordings.remove(call.tenant(), interactionId, id) ? Reply.noContent()
                : notFound(call, interactionId, id);
    }

    /** One recording, for transcripts. */
    Optional<Recording> find(String tenant, UUID interactionId, UUID id) {
        return recordings.get(tenant, interactionId, id);
    }

    private Reply notFound(Call call, UUID interactionId, UUID id) {
        if (!interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        return ProblemResponses.notFound(call.requestId(), "Recording " + id + " was not found in interaction "
                + interactionId);
    }

    private Reply tooLarge(Call call, long size) {
        return ProblemResponses.problem(413, call.requestId(), "The recording has " + size + " bytes, more than the "
                + maxSize + " bytes (" + (maxSize / 1_000_000) + " MB) one recording may have", List.of());
    }

    private static Reply empty(Call call) {
        return ProblemResponses.badRequest(call.requestId(), new InvalidRequest("The recording is empty",
                List.of(new SchemaViolation("body", "must not be empty"))));
    }

    private static Optional<Long> length(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim().toLowerCase(Locale.ROOT)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
