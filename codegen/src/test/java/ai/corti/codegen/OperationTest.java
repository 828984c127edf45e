package ai.corti.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.codegen.Operation.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The methods one operation becomes: its core method (checks, request, how the answer is read) and every call shape
 * on each facade and raw-response view. These shapes are the SDK's public API; this test pins them per kind of
 * operation of the fixture {@code small.yaml}.
 */
class OperationTest {

    private static final GeneratedCode SMALL = GeneratedCode.of("small.yaml");

    /** Each variant as {@code ReturnType name(declaration) -> body}. */
    private static List<String> variants(String operationId, Style style, boolean raw) {
        return SMALL.operation(operationId).variants(style, raw).stream()
                .map(v -> v.returnType + " " + v.name + "(" + v.declaration + ") -> " + String.join(" ", v.body)
                        .replaceAll("\\s+", " "))
                .toList();
    }

    @Test
    void aGetTakesItsIdAsUuidOrTextWithOrWithoutOptions() {
        assertThat(variants("notes_get", Style.REACTIVE, false)).containsExactly(
                "Mono<NotesGetResponse> get(UUID id, RequestOptions options) -> "
                        + "return operations.get(id, options).map(CortiResponse::value);",
                "Mono<NotesGetResponse> get(UUID id) -> return get(id, RequestOptions.DEFAULT);",
                "Mono<NotesGetResponse> get(String id, RequestOptions options) -> "
                        + "return get(OperationSupport.uuid(id, \"id\"), options);",
                "Mono<NotesGetResponse> get(String id) -> "
                        + "return get(OperationSupport.uuid(id, \"id\"), RequestOptions.DEFAULT);");
        assertThat(variants("notes_get", Style.BLOCKING, false)).containsExactly(
                "NotesGetResponse get(UUID id, RequestOptions options) -> "
                        + "return Blocking.await(operations.get(id, options)).value();",
                "NotesGetResponse get(UUID id) -> return get(id, RequestOptions.DEFAULT);",
                "NotesGetResponse get(String id, RequestOptions options) -> "
                        + "return get(OperationSupport.uuid(id, \"id\"), options);",
                "NotesGetResponse get(String id) -> "
                        + "return get(OperationSupport.uuid(id, \"id\"), RequestOptions.DEFAULT);");
        // The raw view answers the status and headers too, and takes only the typed id.
        assertThat(variants("notes_get", Style.REACTIVE, true)).containsExactly(
                "Mono<CortiResponse<NotesGetResponse>> get(UUID id, RequestOptions options) -> "
                        + "return operations.get(id, options);",
                "Mono<CortiResponse<NotesGetResponse>> get(UUID id) -> return get(id, RequestOptions.DEFAULT);");
        assertThat(variants("notes_get", Style.BLOCKING, true)).containsExactly(
                "CortiResponse<NotesGetResponse> get(UUID id, RequestOptions options) -> "
                        + "return Blocking.await(operations.get(id, options));",
                "CortiResponse<NotesGetResponse> get(UUID id) -> return get(id, RequestOptions.DEFAULT);");
    }

    @Test
    void aDeleteAnswersNothing() {
        assertThat(variants("notes_delete", Style.REACTIVE, false)).first()
                .isEqualTo("Mono<Void> delete(UUID id, RequestOptions options) -> "
                        + "return operations.delete(id, options).then();");
        assertThat(variants("notes_delete", Style.BLOCKING, false)).containsExactly(
                "void delete(UUID id, RequestOptions options) -> Blocking.await(operations.delete(id, options));",
                "void delete(UUID id) -> delete(id, RequestOptions.DEFAULT);",
                "void delete(String id, RequestOptions options) -> delete(OperationSupport.uuid(id, \"id\"), options);",
                "void delete(String id) -> delete(OperationSupport.uuid(id, \"id\"), RequestOptions.DEFAULT);");
        Variant canonical = SMALL.operation("notes_delete").variants(Style.BLOCKING, false).get(0);
        assertThat(canonical.returns).isNull();
        assertThat(SMALL.operation("notes_delete").variants(Style.REACTIVE, false).get(0).returns)
                .isEqualTo("completes when done, lazily: nothing is sent until it is subscribed");
    }

    @Test
    void aPagedListingIsAPagedFluxOrIterableAndItsRawViewFetchesOnePage() {
        assertThat(variants("notes_list", Style.REACTIVE, false)).containsExactly(
                "PagedFlux<NotesGetResponse> list(ListNotesRequest query, RequestOptions options) -> "
                        + "return new PagedFlux<>(operations.pages(query, options), NotesOperations.firstIndex(query), "
                        + "NotesGetResponse::getId);",
                "PagedFlux<NotesGetResponse> list(ListNotesRequest query) -> return list(query, RequestOptions.DEFAULT);",
                // Every query parameter is optional: the listing can be asked for without any.
                "PagedFlux<NotesGetResponse> list(RequestOptions options) -> return list(ListNotesRequest.all(), options);",
                "PagedFlux<NotesGetResponse> list() -> return list(ListNotesRequest.all(), RequestOptions.DEFAULT);");
        assertThat(variants("notes_list", Style.BLOCKING, false)).first().asString()
                .startsWith("PagedIterable<NotesGetResponse> list(ListNotesRequest query, RequestOptions options) -> "
                        + "return new PagedIterable<>(");
        assertThat(variants("notes_list", Style.BLOCKING, true)).containsExactly(
                "CortiResponse<NotesListResponse> listPage(ListNotesRequest query, long pageIndex, "
                        + "RequestOptions options) -> return Blocking.await(operations.listPage(query, pageIndex, options));",
                "CortiResponse<NotesListResponse> listPage(ListNotesRequest query, long pageIndex) -> "
                        + "return listPage(query, pageIndex, RequestOptions.DEFAULT);");
        assertThat(SMALL.operation("notes_list").variants(Style.REACTIVE, true).get(0).params).containsExactly(
                "query the query parameters ({@link ListNotesRequest#builder()})",
                "pageIndex the page to fetch, from 1",
                "options per-call overrides (timeout, retries, headers)");
    }

    @Test
    void anUploadTakesContentAFileBytesOrAStreamOfEachFacadesKind() {
        assertThat(variants("note_attachments_upload", Style.REACTIVE, false)).extracting(OperationTest::signature)
                .containsExactly(
                        "upload(UUID id, BinaryContent content, RequestOptions options)",
                        "upload(UUID id, BinaryContent content)",
                        "upload(UUID id, Path file, RequestOptions options)",
                        "upload(UUID id, Path file)",
                        "upload(UUID id, byte[] bytes, RequestOptions options)",
                        "upload(UUID id, byte[] bytes)",
                        "upload(UUID id, Flux<ByteBuffer> chunks, long length, RequestOptions options)",
                        "upload(UUID id, Flux<ByteBuffer> chunks, long length)",
                        "upload(String id, BinaryContent content, RequestOptions options)",
                        "upload(String id, BinaryContent content)",
                        "upload(String id, Path file, RequestOptions options)",
                        "upload(String id, Path file)",
                        "upload(String id, byte[] bytes, RequestOptions options)",
                        "upload(String id, byte[] bytes)",
                        "upload(String id, Flux<ByteBuffer> chunks, long length, RequestOptions options)",
                        "upload(String id, Flux<ByteBuffer> chunks, long length)");
        assertThat(variants("note_attachments_upload", Style.BLOCKING, false)).extracting(OperationTest::signature)
                .contains("upload(UUID id, InputStream stream, long length, RequestOptions options)")
                .noneMatch(s -> s.contains("Flux"));
        assertThat(variants("note_attachments_upload", Style.BLOCKING, false)).contains(
                "NoteAttachmentsCreateResponse upload(String id, InputStream stream, long length) -> "
                        + "return upload(OperationSupport.uuid(id, \"id\"), BinaryContent.of(stream, length), "
                        + "RequestOptions.DEFAULT);");
        // The raw view takes the content only.
        assertThat(variants("note_attachments_upload", Style.REACTIVE, true)).extracting(OperationTest::signature)
                .containsExactly("upload(UUID id, BinaryContent content, RequestOptions options)",
                        "upload(UUID id, BinaryContent content)");
    }

    @Test
    void aDownloadStreamsOnTheReactiveFacadeAndWritesToAFileOrStreamOnTheBlockingOne() {
        assertThat(variants("note_attachments_download", Style.REACTIVE, false)).containsExactly(
                "Flux<ByteBuffer> download(UUID id, String attachmentId, RequestOptions options) -> "
                        + "return operations.download(id, attachmentId, options);",
                "Flux<ByteBuffer> download(UUID id, String attachmentId) -> "
                        + "return download(id, attachmentId, RequestOptions.DEFAULT);",
                "Flux<ByteBuffer> download(String id, String attachmentId, RequestOptions options) -> "
                        + "return download(OperationSupport.uuid(id, \"id\"), attachmentId, options);",
                "Flux<ByteBuffer> download(String id, String attachmentId) -> "
                        + "return download(OperationSupport.uuid(id, \"id\"), attachmentId, RequestOptions.DEFAULT);");
        assertThat(variants("note_attachments_download", Style.BLOCKING, false)).contains(
                "long download(UUID id, String attachmentId, Path target, RequestOptions options) -> "
                        + "return Downloads.toFile(operations.download(id, attachmentId, options), target);",
                "long download(UUID id, String attachmentId, OutputStream out, RequestOptions options) -> "
                        + "return Downloads.toStream(operations.download(id, attachmentId, options), out);",
                "long download(String id, String attachmentId, OutputStream out) -> "
                        + "return download(OperationSupport.uuid(id, \"id\"), attachmentId, out, RequestOptions.DEFAULT);")
                .hasSize(8);
        // A stream has no value for a raw view to wrap.
        assertThat(variants("note_attachments_download", Style.REACTIVE, true)).isEmpty();
        assertThat(variants("note_attachments_download", Style.BLOCKING, true)).isEmpty();
    }

    @Test
    void anOptionalHeaderCanBeLeftOutARequiredOneCannot() {
        assertThat(variants("summaries_generate", Style.BLOCKING, false)).containsExactly(
                "GenerateSummariesResult generate(SummariesGenerateRequest request, RequestOptions options) -> "
                        + "return generate(null, request, options);",
                "GenerateSummariesResult generate(SummariesGenerateRequest request) -> "
                        + "return generate(null, request, RequestOptions.DEFAULT);",
                "GenerateSummariesResult generate(String retentionPolicy, SummariesGenerateRequest request, "
                        + "RequestOptions options) -> "
                        + "return Blocking.await(operations.generate(retentionPolicy, request, options)).value();",
                "GenerateSummariesResult generate(String retentionPolicy, SummariesGenerateRequest request) -> "
                        + "return generate(retentionPolicy, request, RequestOptions.DEFAULT);");
        assertThat(variants("notes_create", Style.REACTIVE, false)).extracting(OperationTest::signature)
                .containsExactly("create(String requestSource, NotesCreateRequest request, RequestOptions options)",
                        "create(String requestSource, NotesCreateRequest request)");
        assertThat(SMALL.operation("summaries_generate").variants(Style.BLOCKING, false).get(2).params).containsExactly(
                "retentionPolicy pass {@code none} to get the summary without storing it; {@code null} to leave it out",
                "request the SummariesGenerateRequest",
                "options per-call overrides (timeout, retries, headers)");
    }

    @Test
    void everyVariantIsDocumentedFromTheSpec() {
        for (Style style : Style.values()) {
            for (boolean raw : List.of(false, true)) {
                assertThat(SMALL.operation("notes_batch_update").variants(style, raw)).allSatisfy(v -> {
                    assertThat(v.summary).containsExactly("Update Note.");
                    assertThat(v.description).containsExactly("<p>Changes the fields given; the others stay.");
                    assertThat(v.throwsDocs).containsExactly("IllegalArgumentException when an argument is invalid "
                            + "(named in the message); nothing is sent");
                });
            }
        }
        assertThat(SMALL.operation("notes_batch_update").variants(Style.REACTIVE, false).get(2).params).containsExactly(
                "id the unique identifier of the note, as text; must be a UUID",
                "request the NotesUpdateRequest",
                "options per-call overrides (timeout, retries, headers)");
    }

    @Test
    void aUuidAsTextSaysOnceThatItMustBeOne() {
        assertThat(Operation.asText("the unique identifier of the note. Must be a valid UUID"))
                .isEqualTo("the unique identifier of the note, as text; must be a UUID");
        assertThat(Operation.asText("the note")).isEqualTo("the note, as text; must be a UUID");
    }

    @Test
    void theCoreMethodChecksEveryArgumentBeforeBuildingTheRequest() {
        assertThat(SMALL.operation("notes_create").coreChecks()).containsExactly(
                "OperationSupport.require(requestSource, \"requestSource\");",
                "OperationSupport.headerValue(requestSource, \"requestSource\");",
                "RequestValidation.validate(request, \"request\", \"\");");
        assertThat(SMALL.operation("summaries_generate").coreChecks()).containsExactly(
                "OperationSupport.oneOf(retentionPolicy, \"retentionPolicy\", \"none\");",
                "RequestValidation.validate(request, \"request\", \"\");");
        assertThat(SMALL.operation("note_attachments_download").coreChecks()).containsExactly(
                "OperationSupport.require(id, \"id\");",
                "OperationSupport.requireText(attachmentId, \"attachmentId\");");
        assertThat(SMALL.operation("note_attachments_upload").coreChecks()).containsExactly(
                "OperationSupport.require(id, \"id\");",
                "OperationSupport.require(content, \"content\");");
        assertThat(SMALL.operation("notes_list").coreChecks()).containsExactly(
                "OperationSupport.require(query, \"query\");");
    }

    @Test
    void theRequestCarriesTheMethodEncodedPathQueryHeadersBodyAndOperationId() {
        // ApiRequest.idempotent() decides retries from the method: GET and DELETE are, POST and PATCH are not.
        assertThat(SMALL.operation("notes_get").apiRequest()).isEqualTo("new ApiRequest(\"GET\", \"/notes/\" + "
                + "OperationSupport.segment(id), List.of(), Map.of(), null, \"notes_get\")");
        assertThat(SMALL.operation("notes_delete").apiRequest()).startsWith("new ApiRequest(\"DELETE\", ");
        assertThat(SMALL.operation("notes_batch_update").apiRequest()).isEqualTo("new ApiRequest(\"PATCH\", \"/notes/\" + "
                + "OperationSupport.segment(id), List.of(), Map.of(), request, \"notes_batch_update\")");
        assertThat(SMALL.operation("notes_list").apiRequest())
                .isEqualTo("new ApiRequest(\"GET\", \"/notes/\", query.toQuery(pageIndex), Map.of(), null, \"notes_list\")");
        assertThat(SMALL.operation("notes_create").apiRequest()).isEqualTo("new ApiRequest(\"POST\", \"/notes/\", "
                + "List.of(), OperationSupport.headers(\"X-Corti-Request-Source\", requestSource), request, \"notes_create\")");
        assertThat(SMALL.operation("note_attachments_upload").apiRequest()).isEqualTo("new ApiRequest(\"POST\", "
                + "\"/notes/\" + OperationSupport.segment(id) + \"/attachments/\", List.of(), Map.of(), "
                + "OperationSupport.body(content, \"application/octet-stream\"), \"note_attachments_upload\")");
        assertThat(SMALL.operation("note_attachments_download").pathExpression()).isEqualTo("\"/notes/\" + "
                + "OperationSupport.segment(id) + \"/attachments/\" + OperationSupport.segment(attachmentId)");
    }

    @Test
    void theCoreReadsEachKindOfAnswerItsWay() {
        assertThat(SMALL.operation("note_attachments_download").coreReturnType()).isEqualTo("Flux<ByteBuffer>");
        assertThat(SMALL.operation("note_attachments_download").coreCall()).startsWith("pipeline.download(");
        assertThat(SMALL.operation("notes_delete").coreReturnType()).isEqualTo("Mono<CortiResponse<Void>>");
        assertThat(SMALL.operation("summaries_generate").coreCall()).endsWith(".map(response -> new CortiResponse<>("
                + "response.statusCode(), response.headers(), GenerateSummariesResult.of(response.statusCode(), "
                + "response.value())))");
        assertThat(SMALL.operation("notes_create").coreParams())
                .isEqualTo("String requestSource, NotesCreateRequest request, ");
        assertThat(SMALL.operation("notes_create").coreParamDocs()).containsExactly(
                "requestSource the system the note comes from", "request the NotesCreateRequest");
    }

    private static String signature(String variant) {
        return variant.substring(variant.indexOf(' ') + 1, variant.indexOf(" -> "));
    }
}
