package ai.corti.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Compiles what corti-java writes for the fixture {@code small.yaml} (held to every lint and doclint check, warnings
 * as errors) and runs it over the engine stubs of {@code src/test/resources/engine}: the stub pipeline keeps each
 * request instead of sending it, so a test sees what a call would send, or that a bad argument sends nothing.
 */
class GeneratedCodeRunsTest {

    private static final String MODEL = "ai.corti.client.model.";
    private static final String OPERATIONS = "ai.corti.client.core.internal.operations.";
    private static final UUID ID = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");

    private static Reflect code;

    @BeforeAll
    static void compile() {
        code = new Reflect(Compilation.of(GeneratedCode.of("small.yaml")).loader());
    }

    /** A fresh stub pipeline: every request given to it is kept in {@code requests}. */
    private static Object pipeline() {
        return code.create("ai.corti.client.core.internal.pipeline.HttpPipeline");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sent(Object pipeline) {
        return (List<Object>) Reflect.field(pipeline, "requests");
    }

    /** The one request a pipeline was given, as {@code METHOD path query headers body}. */
    private static String onlyRequest(Object pipeline) {
        assertThat(sent(pipeline)).hasSize(1);
        Object request = sent(pipeline).get(0);
        return code.call(request, "method") + " " + code.call(request, "path") + " " + code.call(request, "query")
                + " " + code.call(request, "headers") + " " + code.call(request, "body");
    }

    @Test
    void eachOperationBuildsItsRequestWithTheMethodThatSaysWhetherARetryIsSafe() {
        Object pipeline = pipeline();
        Object notes = code.create(OPERATIONS + "NotesOperations", pipeline);
        code.call(notes, "get", ID, null);
        assertThat(onlyRequest(pipeline)).isEqualTo("GET /notes/<" + ID + "> [] {} null");
        // The operationId names the call in metrics and traces.
        assertThat(code.call(sent(pipeline).get(0), "operation")).isEqualTo("notes_get");
        assertThat(Reflect.field(pipeline, "readers").toString()).contains("NotesGetResponse");

        pipeline = pipeline();
        code.call(code.create(OPERATIONS + "NotesOperations", pipeline), "delete", ID, null);
        assertThat(onlyRequest(pipeline)).isEqualTo("DELETE /notes/<" + ID + "> [] {} null");
        assertThat(Reflect.field(pipeline, "readers").toString()).contains("None");

        pipeline = pipeline();
        Object update = code.call(code.create(MODEL + "NotesUpdateRequest"), "title", "Follow-up");
        code.call(code.create(OPERATIONS + "NotesOperations", pipeline), "batchUpdate", ID, update, null);
        assertThat(onlyRequest(pipeline)).startsWith("PATCH /notes/<" + ID + "> [] {} class NotesUpdateRequest");

        pipeline = pipeline();
        code.call(code.create(OPERATIONS + "NoteAttachmentsOperations", pipeline), "download", ID, "a/b", null);
        assertThat(onlyRequest(pipeline)).isEqualTo("GET /notes/<" + ID + ">/attachments/<a/b> [] {} null");
    }

    @Test
    void aValidBodyAndItsHeaderAreSent() {
        Object pipeline = pipeline();
        Object notes = code.create(OPERATIONS + "NotesOperations", pipeline);
        code.call(notes, "create", "ehr", validNote(), null);
        assertThat(onlyRequest(pipeline)).startsWith("POST /notes/ [] {X-Corti-Request-Source=ehr} class NotesCreateRequest");
    }

    @Test
    void anInvalidArgumentIsNamedAndNothingIsSent() {
        Object pipeline = pipeline();
        Object notes = code.create(OPERATIONS + "NotesOperations", pipeline);
        assertThatThrownBy(() -> code.call(notes, "get", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("id is required");
        assertThatThrownBy(() -> code.call(notes, "create", null, validNote(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requestSource is required");
        assertThatThrownBy(() -> code.call(notes, "create", "ehr", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("request must not be null");
        // The body's checks, as the spec declares them: required, length, pattern, range, enum, nested items.
        assertThatThrownBy(() -> code.call(notes, "create", "ehr", code.call(validNote(), "title", " "), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("title is required");
        assertThatThrownBy(() -> code.call(notes, "create", "ehr", code.call(validNote(), "title", "x".repeat(201)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("title has a length");
        assertThatThrownBy(() -> code.call(notes, "create", "ehr", code.call(validNote(), "code", "abc-1"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("code must match ^[A-Z]{3}-[0-9]+$");
        assertThatThrownBy(() -> code.call(notes, "create", "ehr", code.call(validNote(), "priority", 6), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("priority is out of range");
        assertThatThrownBy(() -> code.call(notes, "create", "ehr", code.call(validNote(), "status",
                code.constant(MODEL + "NotesStatusEnum", "UNKNOWN_DEFAULT_OPEN_API")), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("status is not a known value");
        Object unnamedLabel = code.create(MODEL + "NotesLabel");
        assertThatThrownBy(() -> code.call(notes, "create", "ehr", code.call(validNote(), "labels",
                List.of(code.call(code.create(MODEL + "NotesLabel"), "name", "a"), unnamedLabel)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels[1].name is required");

        Object summaries = code.create(OPERATIONS + "SummariesOperations", pipeline);
        Object request = code.call(code.create(MODEL + "SummariesGenerateRequest"), "noteIds", List.of(ID));
        assertThatThrownBy(() -> code.call(summaries, "generate", "keep", request, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("retentionPolicy must be one of [none]");
        assertThatThrownBy(() -> code.call(summaries, "generate", null, code.create(MODEL + "SummariesGenerateRequest"),
                null)).isInstanceOf(IllegalArgumentException.class).hasMessage("noteIds is required");
        assertThat(sent(pipeline)).isEmpty();
    }

    @Test
    void anAnswerPerStatusIsReadAsItsStatusSays() {
        Object pipeline = pipeline();
        Object summaries = code.create(OPERATIONS + "SummariesOperations", pipeline);
        Object request = code.call(code.create(MODEL + "SummariesGenerateRequest"), "noteIds", List.of(ID));
        code.call(summaries, "generate", "none", request, null);
        assertThat(onlyRequest(pipeline)).startsWith("POST /summaries/ [] {X-Corti-Retention-Policy=none} ");
        assertThat(Reflect.field(pipeline, "readers").toString())
                .contains("200=class ai.corti.client.model.SummariesEphemeralResponse",
                        "201=class ai.corti.client.model.SummariesStoredResponse");

        String result = "ai.corti.client.core.summaries.GenerateSummariesResult";
        Object stored = code.create(MODEL + "SummariesStoredResponse");
        Object answer = code.call(code.type(result), "of", 201, stored);
        assertThat(code.call(answer, "statusCode")).isEqualTo(201);
        assertThat(code.call(answer, "summariesStoredResponse")).isEqualTo(Optional.of(stored));
        assertThat(code.call(answer, "summariesEphemeralResponse")).isEqualTo(Optional.empty());
    }

    @Test
    void theQueryClassChecksItsValuesAndSendsThemInTheSpecsOrder() {
        String query = "ai.corti.client.core.notes.ListNotesRequest";
        Object builder = code.call(code.type(query), "builder");
        assertThatThrownBy(() -> code.call(builder, "pageSize", 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pageSize must be greater than 0, was 0");
        assertThatThrownBy(() -> code.call(builder, "author", "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("author must not be blank");
        assertThatThrownBy(() -> code.call(builder, "sort", code.constant(MODEL + "NotesSortEnum",
                "UNKNOWN_DEFAULT_OPEN_API"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sort must be one of the spec's values, not UNKNOWN_DEFAULT_OPEN_API");

        Object statuses = Array.newInstance(code.type(MODEL + "NotesStatusEnum"), 2);
        Array.set(statuses, 0, code.constant(MODEL + "NotesStatusEnum", "FINAL"));
        Array.set(statuses, 1, code.constant(MODEL + "NotesStatusEnum", "DRAFT"));
        code.call(builder, "author", "Dr. Jane Roe");
        code.call(builder, "status", statuses);
        code.call(builder, "pageSize", 5L);
        code.call(builder, "sort", code.constant(MODEL + "NotesSortEnum", "TITLE"));
        Object built = code.call(builder, "build");
        // The first page's index is left to the server's default; later pages name theirs.
        assertThat(code.call(built, "toQuery", 1L).toString())
                .isEqualTo("[sort=title, pageSize=5, status=final, status=draft, author=Dr. Jane Roe]");
        assertThat(code.call(built, "toQuery", 3L).toString())
                .isEqualTo("[sort=title, pageSize=5, index=3, status=final, status=draft, author=Dr. Jane Roe]");
        // Text can identify a patient: toString() never shows it.
        assertThat(built.toString()).isEqualTo(
                "ListNotesRequest[sort=title, pageSize=5, index=null, status=[final, draft], author=***]");
        assertThat(code.call(code.call(code.type(query), "all"), "toQuery", 1L)).isEqualTo(List.of());
    }

    @Test
    void thePagedListingFetchesThePagesItIsAskedFor() {
        Object pipeline = pipeline();
        Object client = code.create("ai.corti.client.reactive.CortiReactiveClient", pipeline);
        Object listing = code.call(code.call(client, "notes"), "list");
        assertThat(Reflect.field(listing, "firstIndex")).isEqualTo(1L);
        Object fetcher = Reflect.field(listing, "fetcher");
        ((Mono<?>) code.call(fetcher, "fetch", 2L)).block(java.time.Duration.ofSeconds(5));
        assertThat(onlyRequest(pipeline)).isEqualTo("GET /notes/ [index=2] {} null");

        Object query = code.call(code.call(code.call(code.type("ai.corti.client.core.notes.ListNotesRequest"),
                "builder"), "index", 4L), "build");
        Object blocking = code.create("ai.corti.client.blocking.CortiClient", pipeline());
        assertThat(Reflect.field(code.call(code.call(blocking, "notes"), "list", query), "firstIndex")).isEqualTo(4L);
    }

    @Test
    void theFacadesConvertEachCallShapeToTheCanonicalOne() {
        Object pipeline = pipeline();
        Object reactive = code.call(code.create("ai.corti.client.reactive.CortiReactiveClient", pipeline), "notes");
        code.call(reactive, "get", ID.toString());
        assertThat(onlyRequest(pipeline)).isEqualTo("GET /notes/<" + ID + "> [] {} null");
        assertThat(Reflect.field(pipeline, "options").toString()).doesNotContain("null");
        assertThatThrownBy(() -> code.call(reactive, "get", "not-a-uuid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("id must be a UUID");

        pipeline = pipeline();
        Object created = code.create(MODEL + "NoteAttachmentsCreateResponse");
        setAnswer(pipeline, code.create("ai.corti.client.core.CortiResponse", 201, null, created));
        Object attachments = code.call(code.create("ai.corti.client.blocking.CortiClient", pipeline),
                "noteAttachments");
        assertThat(code.call(attachments, "upload", ID.toString(), new byte[3])).isSameAs(created);
        assertThat(onlyRequest(pipeline)).isEqualTo("POST /notes/<" + ID + ">/attachments/ [] {} "
                + "application/octet-stream bytes:3");

        pipeline = pipeline();
        attachments = code.call(code.create("ai.corti.client.blocking.CortiClient", pipeline), "noteAttachments");
        assertThat(code.call(attachments, "download", ID, "x", new ByteArrayOutputStream())).isEqualTo(0L);
        assertThat(code.call(attachments, "download", ID, "y", Path.of("target", "unused"))).isEqualTo(0L);
        assertThat(sent(pipeline)).hasSize(2);

        // An optional header left out is not sent.
        pipeline = pipeline();
        Object summaries = code.call(code.create("ai.corti.client.reactive.CortiReactiveClient", pipeline),
                "summaries");
        code.call(summaries, "generate", code.call(code.create(MODEL + "SummariesGenerateRequest"), "noteIds",
                List.of(ID)));
        assertThat(onlyRequest(pipeline)).startsWith("POST /summaries/ [] {} ");
    }

    @Test
    void theRawViewAnswersWithStatusAndHeaders() {
        Object pipeline = pipeline();
        Object response = code.create("ai.corti.client.core.CortiResponse", 200, null,
                code.call(code.create(MODEL + "NotesGetResponse"), "title", "t"));
        setAnswer(pipeline, response);
        Object raw = code.call(code.call(code.create("ai.corti.client.blocking.CortiClient", pipeline), "notes"),
                "withRawResponse");
        assertThat(code.call(raw, "get", ID)).isSameAs(response);
        Object blocking = code.call(code.create("ai.corti.client.blocking.CortiClient", pipeline), "notes");
        assertThat(code.call(blocking, "get", ID)).isSameAs(code.call(response, "value"));
    }

    private static void setAnswer(Object pipeline, Object response) {
        try {
            pipeline.getClass().getField("answer").set(pipeline, response);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object validNote() {
        Object note = code.create(MODEL + "NotesCreateRequest");
        code.call(note, "title", "Follow-up");
        code.call(note, "status", code.constant(MODEL + "NotesStatusEnum", "DRAFT"));
        code.call(note, "createdAt", java.time.OffsetDateTime.parse("2026-01-02T03:04:05Z"));
        return note;
    }
}
