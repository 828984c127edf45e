package ai.corti.emulator;

import java.util.List;

/**
 * The {@code operationId}s of the spec's operations the emulator serves, as {@link RecordedExchange#operationId()}
 * reports them and as {@link Faults#forOperation(String)} takes them. Every operation of the packaged spec is
 * served; the names are the spec's, {@code <tag>_<verb>} in snake case.
 */
public final class CortiOperations {

    /** {@code POST /interactions/}. */
    public static final String INTERACTIONS_CREATE = "interactions_create";
    /** {@code GET /interactions/}. */
    public static final String INTERACTIONS_LIST = "interactions_list";
    /** {@code GET /interactions/{id}}. */
    public static final String INTERACTIONS_GET = "interactions_get";
    /** {@code PATCH /interactions/{id}}. */
    public static final String INTERACTIONS_UPDATE = "interactions_update";
    /** {@code DELETE /interactions/{id}}: deletes everything the interaction holds too. */
    public static final String INTERACTIONS_DELETE = "interactions_delete";
    /** {@code GET /interactions/{id}/recordings/}. */
    public static final String RECORDINGS_LIST = "recordings_list";
    /** {@code POST /interactions/{id}/recordings/}: the audio as {@code application/octet-stream}. */
    public static final String RECORDINGS_UPLOAD = "recordings_upload";
    /** {@code GET /interactions/{id}/recordings/{recordingId}}: the audio as {@code application/octet-stream}. */
    public static final String RECORDINGS_GET = "recordings_get";
    /** {@code DELETE /interactions/{id}/recordings/{recordingId}}. */
    public static final String RECORDINGS_DELETE = "recordings_delete";
    /** {@code GET /interactions/{id}/transcripts/}. */
    public static final String TRANSCRIPTS_LIST = "transcripts_list";
    /** {@code POST /interactions/{id}/transcripts/}. */
    public static final String TRANSCRIPTS_CREATE = "transcripts_create";
    /** {@code GET /interactions/{id}/transcripts/{transcriptId}}. */
    public static final String TRANSCRIPTS_GET = "transcripts_get";
    /** {@code DELETE /interactions/{id}/transcripts/{transcriptId}}. */
    public static final String TRANSCRIPTS_DELETE = "transcripts_delete";
    /** {@code GET /interactions/{id}/transcripts/{transcriptId}/status}. */
    public static final String TRANSCRIPTS_GET_STATUS = "transcripts_get_status";
    /** {@code GET /factgroups/}. */
    public static final String FACTS_FACT_GROUPS_LIST = "facts_fact_groups_list";
    /** {@code GET /interactions/{id}/facts/}. */
    public static final String FACTS_LIST = "facts_list";
    /** {@code POST /interactions/{id}/facts/}. */
    public static final String FACTS_CREATE = "facts_create";
    /** {@code PATCH /interactions/{id}/facts/}. */
    public static final String FACTS_BATCH_UPDATE = "facts_batch_update";
    /** {@code PATCH /interactions/{id}/facts/{factId}}. */
    public static final String FACTS_UPDATE = "facts_update";
    /** {@code GET /interactions/{id}/documents/}. */
    public static final String DOCUMENTS_LIST = "documents_list";
    /** {@code POST /interactions/{id}/documents/}: a classic document from a template key. */
    public static final String DOCUMENTS_CREATE = "documents_create";
    /** {@code GET /interactions/{id}/documents/{documentId}}. */
    public static final String DOCUMENTS_GET = "documents_get";
    /** {@code PATCH /interactions/{id}/documents/{documentId}}. */
    public static final String DOCUMENTS_UPDATE = "documents_update";
    /** {@code DELETE /interactions/{id}/documents/{documentId}}. */
    public static final String DOCUMENTS_DELETE = "documents_delete";
    /** {@code GET /templateSections/}. */
    public static final String TEMPLATES_SECTION_LIST = "templates_section_list";
    /** {@code GET /templates/}. */
    public static final String TEMPLATES_LIST = "templates_list";
    /** {@code GET /templates/{key}}. */
    public static final String TEMPLATES_GET = "templates_get";
    /** {@code POST /tools/coding/}. */
    public static final String CODES_PREDICT = "codes_predict";
    /** {@code POST /documents/}: a guided document; 200 when not kept, 201 when stored. */
    public static final String GUIDED_DOCUMENTS_GENERATE = "guided_documents_generate";
    /** {@code GET /documents/sections/}. */
    public static final String GUIDED_SECTIONS_LIST = "guided_sections_list";
    /** {@code GET /documents/templates/}. */
    public static final String GUIDED_TEMPLATES_LIST = "guided_templates_list";

    private static final List<String> ALL = List.of(INTERACTIONS_CREATE, INTERACTIONS_LIST, INTERACTIONS_GET,
            INTERACTIONS_UPDATE, INTERACTIONS_DELETE, RECORDINGS_LIST, RECORDINGS_UPLOAD, RECORDINGS_GET,
            RECORDINGS_DELETE, TRANSCRIPTS_LIST, TRANSCRIPTS_CREATE, TRANSCRIPTS_GET, TRANSCRIPTS_DELETE,
            TRANSCRIPTS_GET_STATUS, FACTS_FACT_GROUPS_LIST, FACTS_LIST, FACTS_CREATE, FACTS_BATCH_UPDATE, FACTS_UPDATE,
            DOCUMENTS_LIST, DOCUMENTS_CREATE, DOCUMENTS_GET, DOCUMENTS_UPDATE, DOCUMENTS_DELETE, TEMPLATES_SECTION_LIST,
            TEMPLATES_LIST, TEMPLATES_GET, CODES_PREDICT, GUIDED_DOCUMENTS_GENERATE, GUIDED_SECTIONS_LIST,
            GUIDED_TEMPLATES_LIST);

    private CortiOperations() {
    }

    /**
     * Returns every operation the emulator serves.
     *
     * @return the ids, in the spec's order of resources
     */
    public static List<String> all() {
        return ALL;
    }
}
