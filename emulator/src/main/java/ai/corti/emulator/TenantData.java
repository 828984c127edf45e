package ai.corti.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What one tenant holds in an emulator, for assertions in tests: its interactions and, per interaction, the
 * recordings, transcripts, facts and documents; its stored guided documents. Every method returns a snapshot of the
 * moment it is called (immutable; later calls see later data). Get one from {@link CortiEmulator#data(String)}, or
 * as a parameter of a {@code @CortiEmulatorTest} method (for the extension's tenant).
 *
 * <pre>{@code
 * TenantData base = emulator.data("base");
 * assertThat(base.recordings(interactionId)).singleElement()
 *         .satisfies(recording -> assertThat(recording.bytes()).isEqualTo(audio));
 * assertThat(base.facts(interactionId)).extracting(TenantData.Fact::group).contains("allergies");
 * }</pre>
 */
public final class TenantData {

    private final String tenant;
    private final InteractionStore interactions;
    private final RecordingsApi recordings;
    private final TranscriptsApi transcripts;
    private final FactsApi facts;
    private final DocumentsApi documents;
    private final GuidedStore guided;

    TenantData(String tenant, InteractionStore interactions, RecordingsApi recordings, TranscriptsApi transcripts,
               FactsApi facts, DocumentsApi documents, GuidedStore guided) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.interactions = interactions;
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.facts = facts;
        this.documents = documents;
        this.guided = guided;
    }

    /**
     * Returns the tenant.
     *
     * @return its name
     */
    public String tenant() {
        return tenant;
    }

    /**
     * Returns the ids of the tenant's interactions.
     *
     * @return the ids, in creation order
     */
    public List<UUID> interactionIds() {
        return interactions.ids(tenant);
    }

    /**
     * Returns an interaction's recordings.
     *
     * @param interactionId the interaction
     * @return the recordings, in upload order; empty for an unknown interaction
     */
    public List<Recording> recordings(UUID interactionId) {
        return recordings.store().list(tenant, interactionId).stream()
                .map(recording -> new Recording(recording.id(), recording.interactionId(), recording.createdAt(),
                        recording.bytes()))
                .toList();
    }

    /**
     * Returns an interaction's transcripts as they are now (an asynchronous one may still be processing).
     *
     * @param interactionId the interaction
     * @return the transcripts, in creation order
     */
    public List<Transcript> transcripts(UUID interactionId) {
        Instant now = transcripts.now();
        List<Transcript> all = new ArrayList<>();
        for (TranscriptsApi.Transcript transcript : transcripts.store().list(tenant, interactionId)) {
            ObjectNode json = TranscriptsApi.response(transcript, now);
            List<String> lines = new ArrayList<>();
            json.path("transcripts").forEach(utterance -> lines.add(utterance.path("text").asText()));
            all.add(new Transcript(transcript.id(), interactionId, transcript.recordingId(),
                    json.path("status").asText(), List.copyOf(lines), EmulatorJson.write(json)));
        }
        return all;
    }

    /**
     * Returns an interaction's facts.
     *
     * @param interactionId the interaction
     * @return the facts, in creation order
     */
    public List<Fact> facts(UUID interactionId) {
        return facts.store().list(tenant, interactionId).stream()
                .map(fact -> new Fact(fact.id(), interactionId, fact.text(), fact.group(), fact.source(),
                        fact.discarded(), fact.createdAt(), fact.updatedAt()))
                .toList();
    }

    /**
     * Returns an interaction's classic documents.
     *
     * @param interactionId the interaction
     * @return the documents, in creation order
     */
    public List<Document> documents(UUID interactionId) {
        return documents.store().list(tenant, interactionId).stream()
                .map(json -> new Document(UUID.fromString(json.path("id").asText()), interactionId,
                        json.path("name").asText(), json.path("templateRef").asText(),
                        json.path("outputLanguage").asText(), DocumentsApi.sections(json), EmulatorJson.write(json)))
                .toList();
    }

    /**
     * Returns the guided documents the tenant stored (generated without {@code X-Corti-Retention-Policy: none}).
     *
     * @return the documents, in creation order
     */
    public List<GuidedDocument> guidedDocuments() {
        return guided.documents(tenant).stream()
                .map(stored -> {
                    ObjectNode json = stored.json();
                    Map<String, String> strings = new LinkedHashMap<>();
                    JsonNode rendered = json.path("stringDocument");
                    rendered.fieldNames().forEachRemaining(key -> strings.put(key, rendered.get(key).asText()));
                    return new GuidedDocument(stored.id(), stored.interactionId(), json.path("name").asText(),
                            UUID.fromString(json.path("templateId").asText()), json.path("language").asText(),
                            Collections.unmodifiableMap(strings), EmulatorJson.write(json));
                })
                .toList();
    }

    /**
     * Returns how many recording bytes the tenant holds.
     *
     * @return bytes
     */
    public long recordingBytes() {
        return recordings.store().all(tenant).stream().mapToLong(recording -> recording.bytes().length()).sum();
    }

    @Override
    public String toString() {
        return "TenantData[" + tenant + "]";
    }

    /** A stored recording: its bytes exactly as uploaded. */
    public static final class Recording {

        private final UUID id;
        private final UUID interactionId;
        private final Instant createdAt;
        private final RecordingBytes content;

        Recording(UUID id, UUID interactionId, Instant createdAt, RecordingBytes content) {
            this.id = id;
            this.interactionId = interactionId;
            this.createdAt = createdAt;
            this.content = content;
        }

        /**
         * Returns the recording's id.
         *
         * @return its id
         */
        public UUID id() {
            return id;
        }

        /**
         * Returns the interaction it belongs to.
         *
         * @return the interaction's id
         */
        public UUID interactionId() {
            return interactionId;
        }

        /**
         * Returns when it was uploaded, by the emulator's clock.
         *
         * @return the time
         */
        public Instant createdAt() {
            return createdAt;
        }

        /**
         * Returns the recording's size.
         *
         * @return bytes
         */
        public long size() {
            return content.length();
        }

        /**
         * Returns a copy of the bytes. A recording is at most the spec's 150 MB, so it fits in an array; for large
         * ones prefer {@link #openStream()}.
         *
         * @return the bytes
         */
        public byte[] bytes() {
            try (InputStream in = openStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Opens the bytes as a stream, without copying them.
         *
         * @return a new stream over the bytes
         */
        public InputStream openStream() {
            return content.open();
        }

        @Override
        public String toString() {
            return "Recording[" + id + ", " + size() + " bytes]";
        }
    }

    /**
     * A transcript, as it was when the snapshot was taken.
     *
     * @param id            its id
     * @param interactionId its interaction
     * @param recordingId   the recording it was made from
     * @param status        {@code processing}, {@code completed} or {@code failed}
     * @param utterances    the text of each utterance so far
     * @param json          the transcript as {@code transcripts_get} answers it
     */
    public record Transcript(UUID id, UUID interactionId, UUID recordingId, String status, List<String> utterances,
                             String json) {
    }

    /**
     * A fact.
     *
     * @param id            its id
     * @param interactionId its interaction
     * @param text          its text
     * @param group         its group's key
     * @param source        {@code core}, {@code system} or {@code user}
     * @param discarded     whether it was discarded
     * @param createdAt     when it was created
     * @param updatedAt     when it last changed
     */
    public record Fact(UUID id, UUID interactionId, String text, String group, String source, boolean discarded,
                       Instant createdAt, Instant updatedAt) {
    }

    /**
     * A classic document.
     *
     * @param id             its id
     * @param interactionId  its interaction
     * @param name           its name
     * @param templateKey    the template it was generated from
     * @param outputLanguage its language
     * @param sections       each section's text by key, in order
     * @param json           the document as {@code documents_get} answers it
     */
    public record Document(UUID id, UUID interactionId, String name, String templateKey, String outputLanguage,
                           Map<String, String> sections, String json) {

        /**
         * Creates a snapshot.
         *
         * @param id             its id
         * @param interactionId  its interaction
         * @param name           its name
         * @param templateKey    the template it was generated from
         * @param outputLanguage its language
         * @param sections       each section's text by key, in order
         * @param json           the document as {@code documents_get} answers it
         */
        public Document {
            sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        }
    }

    /**
     * A stored guided document.
     *
     * @param id             its id
     * @param interactionId  the interaction it was generated from, or {@code null}
     * @param name           its name
     * @param templateId     the template (or auto-generated template) it was generated from
     * @param language       its language
     * @param stringDocument each section's rendered text by key, in order
     * @param json           the document as the 201 answer carried it
     */
    public record GuidedDocument(UUID id, UUID interactionId, String name, UUID templateId, String language,
                                 Map<String, String> stringDocument, String json) {
    }
}
