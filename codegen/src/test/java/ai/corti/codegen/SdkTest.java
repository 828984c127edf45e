package ai.corti.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the generator reads from a spec (the fixture {@code small.yaml}, one operation of each kind): the decisions
 * every template relies on, made in {@link Sdk} from openapi-generator's view of the document.
 */
class SdkTest {

    private static final GeneratedCode SMALL = GeneratedCode.of("small.yaml");

    @Test
    void resourcesAreTheTagsAndOperationsKeepTheirIds() {
        // In openapi-generator's order: by tag, then by operationId.
        assertThat(SMALL.sdk.resources).extracting(r -> r.name, r -> r.accessor)
                .containsExactly(tuple("NoteAttachments", "noteAttachments"), tuple("Notes", "notes"),
                        tuple("Summaries", "summaries"));
        assertThat(SMALL.sdk.operationIds).containsExactly("note_attachments_download", "note_attachments_upload",
                "notes_batch_update", "notes_create", "notes_delete", "notes_get", "notes_list",
                "notes_note_labels_list", "summaries_generate");
    }

    @Test
    void methodsAreTheOperationIdsWithoutTheResource() {
        assertThat(SMALL.operation("notes_batch_update").method).isEqualTo("batchUpdate");
        assertThat(SMALL.operation("notes_note_labels_list").method).isEqualTo("noteLabelsList");
        assertThat(SMALL.operation("note_attachments_upload").method).isEqualTo("upload");
        assertThat(SMALL.operation("notes_get").httpMethod).isEqualTo("GET");
        assertThat(SMALL.operation("notes_batch_update").httpMethod).isEqualTo("PATCH");
        assertThat(SMALL.operation("notes_get").path).isEqualTo("/notes/{id}");
    }

    @Test
    void eachKindOfAnswerIsToldApart() {
        Answer created = SMALL.operation("notes_create").answer;
        assertThat(created.kind).isEqualTo(Answer.Kind.JSON);
        assertThat(created.type).isEqualTo("NotesGetResponse");
        assertThat(created.reader()).isEqualTo("ResponseReader.json(NotesGetResponse.class)");

        Answer labels = SMALL.operation("notes_note_labels_list").answer;
        assertThat(labels.kind).isEqualTo(Answer.Kind.JSON);
        assertThat(labels.type).isEqualTo("List<NotesLabel>");
        assertThat(labels.reader()).isEqualTo("ResponseReader.json(new TypeReference<List<NotesLabel>>() { })");

        Answer deleted = SMALL.operation("notes_delete").answer;
        assertThat(deleted.kind).isEqualTo(Answer.Kind.NONE);
        assertThat(deleted.type).isEqualTo("Void");
        assertThat(deleted.reader()).isEqualTo("ResponseReader.none()");

        Answer download = SMALL.operation("note_attachments_download").answer;
        assertThat(download.kind).isEqualTo(Answer.Kind.DOWNLOAD);
        assertThat(download.type).isEqualTo("ByteBuffer");

        Answer byStatus = SMALL.operation("summaries_generate").answer;
        assertThat(byStatus.kind).isEqualTo(Answer.Kind.BY_STATUS);
        assertThat(byStatus.type).isEqualTo("GenerateSummariesResult");
        assertThat(byStatus.statuses).extracting(s -> s.code, s -> s.type, s -> s.accessor, s -> s.doc).containsExactly(
                tuple(200, "SummariesEphemeralResponse", "summariesEphemeralResponse", "Generated, not stored."),
                tuple(201, "SummariesStoredResponse", "summariesStoredResponse", "Generated and stored."));
        assertThat(byStatus.reader()).isEqualTo("ResponseReader.byStatus(Map.of(200, SummariesEphemeralResponse.class, "
                + "201, SummariesStoredResponse.class))");
    }

    @Test
    void aListingWithIndexAndPageSizeAnsweringOneListPages() {
        Operation list = SMALL.operation("notes_list");
        assertThat(list.isPaged()).isTrue();
        assertThat(list.paging.itemType).isEqualTo("NotesGetResponse");
        assertThat(list.paging.itemsGetter).isEqualTo("getNotes");
        // Items with an id are checked for repeats by it.
        assertThat(list.paging.identity).isEqualTo("NotesGetResponse::getId");
        // A plain list answer has no index and no page size: it does not page.
        assertThat(SMALL.operation("notes_note_labels_list").isPaged()).isFalse();
        assertThat(SMALL.operation("notes_get").paging).isNull();
    }

    @Test
    void queryParametersBecomeAClassInTheResourcesPackage() {
        QueryClass query = SMALL.operation("notes_list").query;
        assertThat(query.name).isEqualTo("ListNotesRequest");
        assertThat(query.packageName).isEqualTo("ai.corti.client.core.notes");
        assertThat(query.paged).isTrue();
        assertThat(query.defaultPageSize).isEqualTo("25");
        assertThat(query.params).extracting(p -> p.name, p -> p.type, p -> p.list, p -> p.enumType, p -> p.minimum)
                .containsExactly(
                        tuple("sort", "NotesSortEnum", false, true, null),
                        tuple("pageSize", "Long", false, false, 1L),
                        tuple("index", "Long", false, false, 1L),
                        tuple("status", "List<NotesStatusEnum>", true, true, null),
                        tuple("author", "String", false, false, null));
        assertThat(query.imports).containsExactly("ai.corti.client.model.NotesSortEnum",
                "ai.corti.client.model.NotesStatusEnum", "java.util.List");
        assertThat(SMALL.operation("notes_get").query).isNull();
    }

    @Test
    void theTenantHeaderIsTheClientsOtherHeadersAreParameters() {
        assertThat(SMALL.operation("notes_get").headerParams).isEmpty();
        assertThat(SMALL.operation("notes_create").headerParams)
                .extracting(p -> p.name, p -> p.wireName, p -> p.required, p -> p.allowedValues)
                .containsExactly(tuple("requestSource", "X-Corti-Request-Source", true, List.of()));
        assertThat(SMALL.operation("summaries_generate").headerParams)
                .extracting(p -> p.name, p -> p.wireName, p -> p.required, p -> p.allowedValues)
                .containsExactly(tuple("retentionPolicy", "X-Corti-Retention-Policy", false, List.of("none")));
    }

    @Test
    void pathParametersKnowWhetherTheyAreUuids() {
        assertThat(SMALL.operation("note_attachments_download").pathParams)
                .extracting(p -> p.name, p -> p.type, p -> p.uuid, p -> p.string)
                .containsExactly(tuple("id", "UUID", true, false), tuple("attachmentId", "String", false, true));
        // Parameter docs continue the @param line: a lower-case start, no full stop.
        assertThat(SMALL.operation("notes_get").pathParams.get(0).doc)
                .isEqualTo("the unique identifier of the note. Must be a valid UUID");
    }

    @Test
    void bodiesAreJsonModelsOrBinaryContent() {
        Operation create = SMALL.operation("notes_create");
        assertThat(create.binaryBody).isFalse();
        assertThat(create.body.type).isEqualTo("NotesCreateRequest");
        assertThat(create.body.required).isTrue();

        Operation upload = SMALL.operation("note_attachments_upload");
        assertThat(upload.binaryBody).isTrue();
        assertThat(upload.body.name).isEqualTo("content");
        assertThat(upload.bodyMediaType).isEqualTo("application/octet-stream");
        assertThat(SMALL.operation("notes_get").body).isNull();
    }

    @Test
    void summariesAreSentencesAndDescriptionsParagraphs() {
        Operation create = SMALL.operation("notes_create");
        assertThat(create.summary).containsExactly("Create Note.");
        assertThat(create.description).containsExactly(
                "<p>Creates a note. Its {@code text} is stored as given &amp; shown &lt;b&gt;verbatim&lt;/b&gt;; see",
                "&#64;authors. A {@code *&#47;} ends nothing.");
        assertThat(SMALL.operation("notes_list").description)
                .containsExactly("<p>Lists the notes of the tenant, newest first.");
    }

    @Test
    void everyModelThatCanBeSentIsCheckedAsTheSpecSays() {
        assertThat(SMALL.sdk.validated).extracting(m -> m.type).containsExactlyInAnyOrder("NotesCreateRequest",
                "NotesLabel", "NotesUpdateRequest", "SummariesGenerateRequest");
        assertThat(validated("NotesCreateRequest").checks).containsExactly(
                "RequestChecks.requireText(value.getTitle(), path, \"title\");",
                "RequestChecks.length(value.getTitle(), 1, 200, path, \"title\");",
                "RequestChecks.require(value.getStatus(), path, \"status\");",
                "RequestChecks.known(value.getStatus(), NotesStatusEnum.UNKNOWN_DEFAULT_OPEN_API, path, \"status\");",
                "RequestChecks.require(value.getCreatedAt(), path, \"createdAt\");",
                "RequestChecks.pattern(value.getCode(), \"^[A-Z]{3}-[0-9]+$\", path, \"code\");",
                "RequestChecks.range(value.getPriority(), (double) 1, false, (double) 5, false, path, \"priority\");",
                "RequestChecks.size(value.getLabels(), null, 10, path, \"labels\");",
                "RequestChecks.eachItem(value.getLabels(), path, \"labels\", RequestValidation::checkNotesLabel);",
                "RequestChecks.knownItems(value.getAudience(), NotesStatusEnum.UNKNOWN_DEFAULT_OPEN_API, path, "
                        + "\"audience\");",
                "RequestChecks.known(value.getKind(), NotesCreateRequest.KindEnum.UNKNOWN_DEFAULT_OPEN_API, path, "
                        + "\"kind\");");
        // A nullable field may be sent as null: only its length is checked.
        assertThat(validated("NotesUpdateRequest").checks).containsExactly(
                "RequestChecks.length(value.getTitle(), 1, null, path, \"title\");",
                "RequestChecks.known(value.getStatus(), NotesStatusEnum.UNKNOWN_DEFAULT_OPEN_API, path, \"status\");");
        assertThat(validated("SummariesGenerateRequest").checks).containsExactly(
                "RequestChecks.require(value.getNoteIds(), path, \"noteIds\");",
                "RequestChecks.size(value.getNoteIds(), 1, null, path, \"noteIds\");");
    }

    private static Resource resource(String name) {
        return SMALL.sdk.resources.stream().filter(r -> r.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name));
    }

    private static ValidatedModel validated(String type) {
        return SMALL.sdk.validated.stream().filter(m -> m.type.equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError(type + " is not validated"));
    }

    @Test
    void importsNameModelsAndJavaTypesOnce() {
        assertThat(resource("Notes").imports).contains("ai.corti.client.model.NotesGetResponse",
                "ai.corti.client.model.NotesLabel", "java.util.UUID", "java.util.List").doesNotHaveDuplicates();
        assertThat(resource("NoteAttachments").imports).containsExactly(
                "ai.corti.client.model.NoteAttachmentsCreateResponse", "java.nio.ByteBuffer", "java.util.UUID");
        assertThat(Sdk.imports(List.of("Map<String, List<OffsetDateTime>>", "BigDecimal", "LocalDate", "Unknown"),
                java.util.Map.of())).containsExactly("java.math.BigDecimal", "java.time.LocalDate",
                "java.time.OffsetDateTime", "java.util.List", "java.util.Map");
    }

    @Test
    void aParameterDescriptionContinuesTheSentence() {
        assertThat(Sdk.lowerFirst("The tenant")).isEqualTo("the tenant");
        assertThat(Sdk.lowerFirst("A unique identifier")).isEqualTo("a unique identifier");
        assertThat(Sdk.lowerFirst("ICD-10 codes")).isEqualTo("ICD-10 codes");
        assertThat(Sdk.lowerFirst("ID of the note")).isEqualTo("ID of the note");
        assertThat(Sdk.lowerFirst("I")).isEqualTo("I");
    }
}
