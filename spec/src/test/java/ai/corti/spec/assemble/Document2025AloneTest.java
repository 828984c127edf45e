package ai.corti.spec.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.spec.normalize.SpecTree;
import ai.corti.spec.normalize.SpecValidator;
import ai.corti.spec.normalize.SpecYaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user who drops in a complete published document gets a usable one: the build machinery (inputs, overlay,
 * assembly, normaliser, validation) run on Corti's 2025 complete document alone, with our overlay. The result
 * is written to {@code target/document-2025-alone/corti.yaml}, for code generation to be checked on it too.
 */
class Document2025AloneTest {

    static final Path DOCUMENT = Path.of("src/main/openapi/01-document-2025-06/swagger-spec.json");
    static final Path OVERLAY = Path.of("src/main/overlay/corti-overlay.yaml");
    static final Path OUTPUT = Path.of("target/document-2025-alone/corti.yaml");

    private static SpecAssembler.Assembly assembly;
    private static JsonNode written;

    @BeforeAll
    static void assemble() throws Exception {
        assembly = SpecBuildMain.build(DOCUMENT, OVERLAY, OUTPUT);
        written = SpecYaml.mapper().readTree(OUTPUT.toFile());
    }

    @Test
    void theWrittenDocumentValidatesAsTheBuildRequires() {
        new SpecValidator().validateNormalised("corti.yaml", written);
        assertThat(written).isEqualTo(assembly.document());
    }

    @Test
    void everyPublicOperationIsKeptWithItsOperationIdAndResource() {
        List<String> operations = new ArrayList<>();
        SpecTree.forEachOperation(written, (path, method, operation) -> operations.add(
                operation.get("operationId").asText() + " " + operation.at("/tags/0").asText()));

        assertThat(operations).containsExactlyInAnyOrder(
                "interactions_list Interactions", "interactions_create Interactions", "interactions_get Interactions",
                "interactions_update Interactions", "interactions_delete Interactions",
                "recordings_list Recordings", "recordings_upload Recordings", "recordings_get Recordings",
                "recordings_delete Recordings",
                "transcripts_list Transcripts", "transcripts_create Transcripts", "transcripts_get Transcripts",
                "transcripts_delete Transcripts",
                "facts_fact_groups_list Facts", "facts_list Facts", "facts_create Facts", "facts_batch_update Facts",
                "facts_update Facts",
                "documents_list Documents", "documents_create Documents", "documents_get Documents",
                "documents_update Documents", "documents_delete Documents",
                "templates_section_list Templates", "templates_list Templates", "templates_get Templates");
    }

    @Test
    void nonPublicPathsAndUnusedComponentsAreGone() {
        assertThat(written.get("paths").fieldNames()).toIterable()
                .noneMatch(path -> path.startsWith("/private/") || path.equals("/swagger/")
                        || path.startsWith("/tools/") || path.equals("/interactions/{id}/codes/"));
        // Used by the 2025 interactions operations, so kept; the private models' schemas are not.
        assertThat(written.at("/components/schemas").fieldNames()).toIterable()
                .contains("ResponseInteraction")
                .doesNotContain("RequestAlign", "ResponseGuidelines", "ResponseQuestionPrompts", "MentionData");
    }

    @Test
    void itsServersAreItsOwn() {
        assertThat(written.at("/servers/0/variables/environment/default").asText()).isEqualTo("beta-eu");
    }
}
