package ai.corti.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The naming rules: each is public API of the generated SDK, so each is pinned here. */
class NamesTest {

    @ParameterizedTest(name = "{0} under {1} -> {2}")
    @CsvSource({
            "recordings_upload, Recordings, upload",
            "facts_batch_update, Facts, batchUpdate",
            "facts_fact_groups_list, Facts, factGroupsList",
            "guided_documents_generate, GuidedDocuments, generate",
            "templates_section_list, Templates, sectionList",
            "transcripts_get_status, Transcripts, getStatus",
            "interactions_list, Interactions, list"})
    void aMethodIsTheOperationIdWithoutItsResourceInLowerCamelCase(String operationId, String resource, String method) {
        assertThat(Names.method(operationId, resource)).isEqualTo(method);
    }

    @Test
    void anOperationIdOutsideItsResourceIsRefusedNamingBoth() {
        assertThatThrownBy(() -> Names.method("documents_list", "Facts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("operationId 'documents_list' does not start with 'facts_'");
        // The prefix alone names no method.
        assertThatThrownBy(() -> Names.method("facts_", "Facts")).isInstanceOf(IllegalArgumentException.class);
        // A resource's prefix is its whole snake_case name: guided_documents, not guided.
        assertThatThrownBy(() -> Names.method("guidedocuments_generate", "GuidedDocuments"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "GuidedDocuments, guided_documents",
            "Facts, facts",
            "A, a"})
    void snakeCaseOfAResource(String resource, String snake) {
        assertThat(Names.snake(resource)).isEqualTo(snake);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "batch_update, batchUpdate",
            "batch-update, batchUpdate",
            "Batch update, batchUpdate",
            "_leading, leading",
            "trailing_, trailing",
            "fact__groups, factGroups",
            "list, list"})
    void lowerCamelCase(String words, String camel) {
        assertThat(Names.lowerCamel(words)).isEqualTo(camel);
    }

    @Test
    void accessorsAndPackageSegmentsOfAResource() {
        assertThat(Names.accessor("GuidedDocuments")).isEqualTo("guidedDocuments");
        assertThat(Names.accessor("Facts")).isEqualTo("facts");
        assertThat(Names.packageSegment("GuidedDocuments")).isEqualTo("guideddocuments");
        assertThat(Names.upperFirst("batchUpdate")).isEqualTo("BatchUpdate");
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "list, Interactions, ListInteractionsRequest",
            "sectionList, Templates, SectionListTemplatesRequest",
            "get, Documents, GetDocumentsRequest"})
    void queryClassNames(String method, String resource, String queryClass) {
        assertThat(Names.queryClass(method, resource)).isEqualTo(queryClass);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "X-Corti-Retention-Policy, retentionPolicy",
            "x-corti-retention-policy, retentionPolicy",
            "X-Request-Source, requestSource",
            "Idempotency-Key, idempotencyKey",
            "Accept, accept"})
    void headerParametersLoseTheirVendorPrefix(String header, String parameter) {
        assertThat(Names.headerParameter(header)).isEqualTo(parameter);
    }
}
