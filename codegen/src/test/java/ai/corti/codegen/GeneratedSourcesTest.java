package ai.corti.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What corti-java writes for the fixture {@code small.yaml}, read as text: which files, which public methods with
 * which signatures on each layer, the checks, the Javadoc, and the layout (imports, blank lines, line lengths).
 * {@link GeneratedCodeRunsTest} compiles the same files and runs them.
 */
class GeneratedSourcesTest {

    private static final GeneratedCode SMALL = GeneratedCode.of("small.yaml");
    private static final Pattern PUBLIC_METHOD = Pattern.compile(
            "(?m)^ {4}(?: {4})?public (?:static )?(?:final )?(\\S+(?:<[^(]*>)?) (\\w+)\\(([^)]*)\\) \\{$");

    @Test
    void everyLayerGetsItsFilesAndTheModelsAreOpenapiGeneratorsOwn() {
        assertThat(SMALL.files.keySet().stream().filter(f -> !f.startsWith("ai/corti/client/model/"))).containsExactly(
                "ai/corti/client/blocking/AbstractCortiClient.java",
                "ai/corti/client/blocking/NoteAttachmentsClient.java",
                "ai/corti/client/blocking/NotesClient.java",
                "ai/corti/client/blocking/SummariesClient.java",
                "ai/corti/client/core/internal/operations/NoteAttachmentsOperations.java",
                "ai/corti/client/core/internal/operations/NotesOperations.java",
                "ai/corti/client/core/internal/operations/OperationIds.java",
                "ai/corti/client/core/internal/operations/SummariesOperations.java",
                "ai/corti/client/core/internal/validation/RequestValidation.java",
                "ai/corti/client/core/notes/ListNotesRequest.java",
                "ai/corti/client/core/summaries/GenerateSummariesResult.java",
                "ai/corti/client/reactive/AbstractCortiReactiveClient.java",
                "ai/corti/client/reactive/ReactiveNoteAttachmentsClient.java",
                "ai/corti/client/reactive/ReactiveNotesClient.java",
                "ai/corti/client/reactive/ReactiveSummariesClient.java");
        assertThat(SMALL.files).containsKeys("ai/corti/client/model/NotesCreateRequest.java",
                "ai/corti/client/model/NotesStatusEnum.java");
    }

    @Test
    void theCoreHasOneMethodPerOperationAndThePagingPartsOfAListing() {
        assertThat(methods("ai.corti.client.core.internal.operations.NotesOperations")).containsExactly(
                "HttpPipeline pipeline()",
                "Mono<CortiResponse<NotesGetResponse>> batchUpdate(UUID id, NotesUpdateRequest request, "
                        + "RequestOptions options)",
                "Mono<CortiResponse<NotesGetResponse>> create(String requestSource, NotesCreateRequest request, "
                        + "RequestOptions options)",
                "Mono<CortiResponse<Void>> delete(UUID id, RequestOptions options)",
                "Mono<CortiResponse<NotesGetResponse>> get(UUID id, RequestOptions options)",
                "Mono<CortiResponse<NotesListResponse>> listPage(ListNotesRequest query, long pageIndex, "
                        + "RequestOptions options)",
                "PageFetcher<NotesGetResponse> pages(ListNotesRequest query, RequestOptions options)",
                "long firstIndex(ListNotesRequest query)",
                "Mono<CortiResponse<List<NotesLabel>>> noteLabelsList(UUID id, RequestOptions options)");
        assertThat(methods("ai.corti.client.core.internal.operations.NoteAttachmentsOperations")).containsExactly(
                "HttpPipeline pipeline()",
                "Flux<ByteBuffer> download(UUID id, String attachmentId, RequestOptions options)",
                "Mono<CortiResponse<NoteAttachmentsCreateResponse>> upload(UUID id, BinaryContent content, "
                        + "RequestOptions options)");
        assertThat(methods("ai.corti.client.core.internal.operations.SummariesOperations")).containsExactly(
                "HttpPipeline pipeline()",
                "Mono<CortiResponse<GenerateSummariesResult>> generate(String retentionPolicy, "
                        + "SummariesGenerateRequest request, RequestOptions options)");
    }

    @Test
    void eachFacadeHasEveryCallShapeAndARawView() {
        List<String> reactive = methods("ai.corti.client.reactive.ReactiveNotesClient");
        assertThat(reactive).contains(
                "RawReactiveNotesClient withRawResponse()",
                "Mono<NotesGetResponse> get(UUID id)",
                "Mono<NotesGetResponse> get(String id, RequestOptions options)",
                "Mono<Void> delete(UUID id)",
                "PagedFlux<NotesGetResponse> list()",
                "PagedFlux<NotesGetResponse> list(ListNotesRequest query)",
                "Mono<List<NotesLabel>> noteLabelsList(String id)",
                "Mono<NotesGetResponse> create(String requestSource, NotesCreateRequest request)",
                "Mono<NotesGetResponse> batchUpdate(UUID id, NotesUpdateRequest request)",
                // The raw view, nested.
                "Mono<CortiResponse<NotesListResponse>> listPage(ListNotesRequest query, long pageIndex)",
                "Mono<CortiResponse<Void>> delete(UUID id, RequestOptions options)");
        // Each variant once, none other: the facade is exactly the variants the operations make.
        int variants = SMALL.sdk.resources.stream().filter(r -> r.name.equals("Notes"))
                .flatMap(r -> r.operations.stream())
                .mapToInt(o -> o.reactiveVariants().size() + o.reactiveRawVariants().size()).sum();
        assertThat(reactive).hasSize(variants + 1).doesNotHaveDuplicates();

        assertThat(methods("ai.corti.client.blocking.NotesClient")).contains(
                "RawNotesClient withRawResponse()",
                "NotesGetResponse get(UUID id)",
                "void delete(String id)",
                "PagedIterable<NotesGetResponse> list(RequestOptions options)",
                "CortiResponse<NotesListResponse> listPage(ListNotesRequest query, long pageIndex)");
        assertThat(methods("ai.corti.client.blocking.NoteAttachmentsClient")).contains(
                "long download(UUID id, String attachmentId, Path target)",
                "long download(String id, String attachmentId, OutputStream out, RequestOptions options)",
                "NoteAttachmentsCreateResponse upload(UUID id, InputStream stream, long length)");
        assertThat(methods("ai.corti.client.reactive.ReactiveNoteAttachmentsClient")).contains(
                "Flux<ByteBuffer> download(UUID id, String attachmentId)",
                "Mono<NoteAttachmentsCreateResponse> upload(String id, Flux<ByteBuffer> chunks, long length)");
    }

    @Test
    void theAccessorsNameEveryResource() {
        assertThat(methods("ai.corti.client.reactive.AbstractCortiReactiveClient")).containsExactly(
                "ReactiveNoteAttachmentsClient noteAttachments()",
                "ReactiveNotesClient notes()",
                "ReactiveSummariesClient summaries()");
        assertThat(methods("ai.corti.client.blocking.AbstractCortiClient")).containsExactly(
                "NoteAttachmentsClient noteAttachments()", "NotesClient notes()", "SummariesClient summaries()");
        assertThat(SMALL.source("ai.corti.client.core.internal.operations.OperationIds")).contains("""
                    public static final List<String> ALL = List.of(
                            "note_attachments_download",
                            "note_attachments_upload",
                """, """
                            "summaries_generate"
                    );
                """);
    }

    @Test
    void requestBodiesAreValidatedAsTheSpecDeclares() {
        String validation = SMALL.source("ai.corti.client.core.internal.validation.RequestValidation");
        assertThat(methods("ai.corti.client.core.internal.validation.RequestValidation")).containsExactlyInAnyOrder(
                "void validate(NotesCreateRequest value, String name, String path)",
                "void validate(NotesLabel value, String name, String path)",
                "void validate(NotesUpdateRequest value, String name, String path)",
                "void validate(SummariesGenerateRequest value, String name, String path)");
        assertThat(validation).contains("""
                    static void checkNotesCreateRequest(NotesCreateRequest value, String path) {
                        RequestChecks.requireText(value.getTitle(), path, "title");
                        RequestChecks.length(value.getTitle(), 1, 200, path, "title");
                        RequestChecks.require(value.getStatus(), path, "status");
                """, """
                        RequestChecks.pattern(value.getCode(), "^[A-Z]{3}-[0-9]+$", path, "code");
                        RequestChecks.range(value.getPriority(), (double) 1, false, (double) 5, false, path, "priority");
                """);
        // A read-only field is the server's: never checked.
        assertThat(validation).doesNotContain("getId()");
        // Every body is checked before the request is built.
        assertThat(SMALL.source("ai.corti.client.core.internal.operations.NotesOperations")).contains("""
                    public Mono<CortiResponse<NotesGetResponse>> create(String requestSource, NotesCreateRequest request, RequestOptions options) {
                        OperationSupport.require(requestSource, "requestSource");
                        OperationSupport.headerValue(requestSource, "requestSource");
                        RequestValidation.validate(request, "request", "");
                        return pipeline.execute(new ApiRequest("POST", "/notes/", List.of(), OperationSupport.headers(\
                "X-Corti-Request-Source", requestSource), request, "notes_create"), \
                ResponseReader.json(NotesGetResponse.class), \
                OperationSupport.options(options));
                """);
    }

    @Test
    void theQueryClassChecksEachValueWhenSet() {
        String query = SMALL.source("ai.corti.client.core.notes.ListNotesRequest");
        assertThat(query).contains("public static final long DEFAULT_PAGE_SIZE = 25;", """
                        public Builder pageSize(long pageSize) {
                            if (pageSize < 1) {
                                throw new IllegalArgumentException("pageSize must be greater than 0, was " + pageSize);
                            }
                """, """
                        public Builder status(NotesStatusEnum... status) {
                """, """
                        public Builder author(String author) {
                            Objects.requireNonNull(author, "author must not be null");
                            if (author.isBlank()) {
                """);
        assertThat(methods("ai.corti.client.core.notes.ListNotesRequest")).contains(
                "Builder builder()", "ListNotesRequest all()", "Optional<NotesSortEnum> sort()",
                "OptionalLong pageSize()", "List<NotesStatusEnum> status()", "Optional<String> author()",
                "List<Map.Entry<String, String>> toQuery(long pageIndex)", "ListNotesRequest build()");
    }

    @Test
    void javadocIsTakenFromTheSummaryAndTheDescription() {
        assertThat(SMALL.source("ai.corti.client.reactive.ReactiveNotesClient")).contains("""
                    /**
                     * Get Note.
                     *
                     * <p>Returns one note.
                     *
                     * @param id the unique identifier of the note. Must be a valid UUID
                     * @return the answer, lazily: nothing is sent until it is subscribed
                     * @throws IllegalArgumentException when an argument is invalid (named in the message); nothing is sent
                     */
                    public Mono<NotesGetResponse> get(UUID id) {
                """);
        assertThat(SMALL.source("ai.corti.client.blocking.NotesClient")).contains("""
                     * Delete Note.
                     *
                     * <p>Deletes a note and its attachments.
                     *
                     * @param id the unique identifier of the note, as text; must be a UUID
                     * @throws IllegalArgumentException when an argument is invalid (named in the message); nothing is sent
                     */
                    public void delete(String id) {
                """);
        // The core names the operation and its HTTP request.
        assertThat(SMALL.source("ai.corti.client.core.internal.operations.NotesOperations")).contains("""
                     * Get Note.
                     * ({@code notes_get}: {@code GET /notes/{id}})
                """);
        // The spec's characters cannot end the comment, add a tag, or become HTML.
        assertThat(SMALL.source("ai.corti.client.blocking.NotesClient")).contains("""
                     * <p>Creates a note. Its {@code text} is stored as given &amp; shown &lt;b&gt;verbatim&lt;/b&gt;; see
                     * &#64;authors. A {@code *&#47;} ends nothing.
                """);
        assertThat(SMALL.source("ai.corti.client.core.summaries.GenerateSummariesResult")).contains(
                "Returns the answer of status 201: Generated and stored.", "@return one of 200, 201");
    }

    @Test
    void importsAreSortedUniqueAndUsed() {
        for (Map.Entry<String, String> file : sdkFiles()) {
            List<String> imports = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^import ([\\w.]+(?:\\.\\*)?);$").matcher(file.getValue());
            while (m.find()) {
                imports.add(m.group(1));
            }
            assertThat(imports).as(file.getKey()).isSorted().doesNotHaveDuplicates();
            String code = file.getValue().replaceAll("(?m)^import .*$", "");
            for (String name : imports) {
                String simple = name.substring(name.lastIndexOf('.') + 1);
                if (!simple.equals("*")) {
                    assertThat(code).as("%s uses %s", file.getKey(), name).containsPattern("\\b" + simple + "\\b");
                }
            }
        }
        // A download's ByteBuffer and the template's own are one import.
        assertThat(SMALL.source("ai.corti.client.reactive.ReactiveNoteAttachmentsClient"))
                .containsOnlyOnce("import java.nio.ByteBuffer;");
        // The blocking notes client streams nothing: no stream or file types.
        assertThat(SMALL.source("ai.corti.client.blocking.NotesClient")).doesNotContain("import java.io.",
                "import java.nio.file.Path;", "import ai.corti.client.core.internal.Downloads;");
    }

    @Test
    void theLayoutIsTheHandWrittenCodes() {
        for (Map.Entry<String, String> file : sdkFiles()) {
            String source = file.getValue();
            assertThat(source).as(file.getKey())
                    .doesNotContainPattern("(?m)[ \\t]+$")
                    .doesNotContain("\n\n\n")
                    // Only a type's opening brace is followed by an empty line.
                    .doesNotContainPattern("(?m)^(?!\\s*(?:\\w+ )*(?:class|interface|enum|record) ).*\\{\\n\\n")
                    .doesNotContainPattern("\\n\\n\\s*}")
                    // A constructor's modifiers never leave a stray space.
                    .doesNotContainPattern("(?m)^ {5}\\w")
                    .endsWith("}\n");
            assertThat(source.lines().filter(l -> l.trim().startsWith("*")))
                    .as("%s: Javadoc lines", file.getKey())
                    .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Layout.WIDTH));
            // A type's body opens with an empty line, as in the hand-written code.
            assertThat(source).as(file.getKey()).doesNotContainPattern("(?m)^\\s*public [\\w ]*class \\w+ \\{\\n(?!\\n)");
        }
    }

    /** The public methods of a generated class (its nested classes' too), as {@code ReturnType name(declaration)}. */
    private static List<String> methods(String className) {
        Set<String> methods = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        Matcher m = PUBLIC_METHOD.matcher(SMALL.source(className));
        while (m.find()) {
            String method = m.group(1) + " " + m.group(2) + "(" + m.group(3) + ")";
            methods.add(method);
            all.add(method);
        }
        assertThat(all).as("%s declares a method twice", className).hasSameSizeAs(methods);
        return all;
    }

    private static List<Map.Entry<String, String>> sdkFiles() {
        return SMALL.files.entrySet().stream().filter(e -> !e.getKey().startsWith("ai/corti/client/model/")).toList();
    }
}
