package ai.corti.spec;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.spec.normalize.SpecTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document on the classpath is the assembled, normalised one: every operation of the lifecycle, the
 * newest text of each, and none of the published quirks left.
 */
class PackagedSpecTest {

    private static JsonNode spec;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = CortiSpec.open()) {
            spec = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void theResourceIsTheOneCortiDocument() {
        assertThat(CortiSpec.RESOURCE).isEqualTo("openapi/corti.yaml");
        assertThat(CortiSpec.url().getPath()).endsWith("/openapi/corti.yaml");
    }

    @Test
    void all31OperationsArePresentWithTheirPublishedPaths() {
        List<String> operations = new ArrayList<>();
        SpecTree.forEachOperation(spec, (path, method, operation) -> operations.add(
                method.toUpperCase() + " " + path + " " + operation.get("operationId").asText()));

        assertThat(operations).containsExactlyInAnyOrder(
                "GET /interactions/ interactions_list",
                "POST /interactions/ interactions_create",
                "GET /interactions/{id} interactions_get",
                "PATCH /interactions/{id} interactions_update",
                "DELETE /interactions/{id} interactions_delete",
                "GET /interactions/{id}/recordings/ recordings_list",
                "POST /interactions/{id}/recordings/ recordings_upload",
                "GET /interactions/{id}/recordings/{recordingId} recordings_get",
                "DELETE /interactions/{id}/recordings/{recordingId} recordings_delete",
                "GET /interactions/{id}/transcripts/ transcripts_list",
                "POST /interactions/{id}/transcripts/ transcripts_create",
                "GET /interactions/{id}/transcripts/{transcriptId} transcripts_get",
                "DELETE /interactions/{id}/transcripts/{transcriptId} transcripts_delete",
                "GET /interactions/{id}/transcripts/{transcriptId}/status transcripts_get_status",
                "GET /interactions/{id}/facts/ facts_list",
                "POST /interactions/{id}/facts/ facts_create",
                "PATCH /interactions/{id}/facts/ facts_batch_update",
                "PATCH /interactions/{id}/facts/{factId} facts_update",
                "GET /factgroups/ facts_fact_groups_list",
                "GET /interactions/{id}/documents/ documents_list",
                "POST /interactions/{id}/documents/ documents_create",
                "GET /interactions/{id}/documents/{documentId} documents_get",
                "PATCH /interactions/{id}/documents/{documentId} documents_update",
                "DELETE /interactions/{id}/documents/{documentId} documents_delete",
                "GET /templates/ templates_list",
                "GET /templates/{key} templates_get",
                "GET /templateSections/ templates_section_list",
                "POST /documents/ guided_documents_generate",
                "GET /documents/templates/ guided_templates_list",
                "GET /documents/sections/ guided_sections_list",
                "POST /tools/coding/ codes_predict");
    }

    @Test
    void serversComeFromTheNewestInput() {
        assertThat(spec.at("/servers/0/url").asText()).isEqualTo("https://api.{environment}.corti.app/v2/");
        assertThat(spec.at("/servers/0/variables/environment/default").asText()).isEqualTo("eu");
    }

    @Test
    void eachOperationHasOneResourceTagAndKeepsThePublishedOne() {
        List<String> tags = new ArrayList<>();
        SpecTree.forEachOperation(spec, (path, method, operation) -> {
            assertThat(operation.get("tags")).as(path + " " + method).hasSize(1);
            tags.add(operation.get("operationId").asText() + " " + operation.at("/tags/0").asText() + " <- "
                    + operation.get("x-corti-published-tag").asText());
        });
        assertThat(tags).contains(
                "interactions_delete Interactions <- interactions",
                "documents_list Documents <- Documents (Classic)",
                "documents_create Documents <- documents",
                "templates_get Templates <- templates",
                "guided_documents_generate GuidedDocuments <- Guided Documents",
                "guided_templates_list GuidedTemplates <- Guided Templates",
                "facts_fact_groups_list Facts <- Facts");
        assertThat(spec.get("tags")).extracting(tag -> tag.get("name").asText()).containsExactly("Interactions",
                "Recordings", "Transcripts", "Facts", "Documents", "Templates", "Codes", "GuidedDocuments",
                "GuidedSections", "GuidedTemplates");
    }

    @Test
    void componentsAreWhatTheOperationsUse() {
        assertThat(spec.at("/components/schemas").fieldNames()).toIterable()
                .contains("InteractionsGetResponse", "GuidedOutputSchema", "ResponseDocumentRead", "RecordingsListResponse")
                .doesNotContain("ResponseInteraction", "V2EncounterStatusEnum", "RequestAlign", "ResponseInteractions");
    }

    @Test
    void errorResponseHasTheNewerShape() {
        assertThat(spec.at("/components/schemas/ErrorResponse/required")).extracting(JsonNode::asText)
                .containsExactly("requestid", "status", "type", "detail");
        assertThat(spec.at("/components/schemas/ErrorResponse/properties").has("validationErrors")).isTrue();
    }

    @Test
    void noRefCarriesSiblings() {
        List<String> offenders = new ArrayList<>();
        SpecTree.walk(spec, "", (node, where) -> {
            if (node.has("$ref") && node.size() > 1) {
                offenders.add(where);
            }
        });
        assertThat(offenders).isEmpty();
    }

    @Test
    void noNonArraySchemaHasItems() {
        List<String> offenders = new ArrayList<>();
        SpecTree.walk(spec, "", (node, where) -> {
            if (node.has("items") && node.path("type").isTextual() && !node.get("type").asText().equals("array")) {
                offenders.add(where);
            }
        });
        assertThat(offenders).isEmpty();
        assertThat(spec.at("/components/schemas/UUID/format").asText()).isEqualTo("uuid");
    }

    @Test
    void patientGenderIsTheEnumOrNullInAFormStrictValidatorsRead() {
        JsonNode gender = spec.at("/components/schemas/InteractionsPatient/properties/gender");
        assertThat(gender.at("/anyOf/0/$ref").asText()).isEqualTo("#/components/schemas/InteractionsGenderEnum");
        assertThat(gender.at("/anyOf/1/nullable").asBoolean()).isTrue();
        assertThat(gender.at("/anyOf/1/enum")).hasSize(1);
        assertThat(gender.at("/anyOf/1/enum/0").isNull()).isTrue();
        assertThat(gender.has("allOf")).isFalse();
    }

    @Test
    void sortValuesAreLiftedIntoANamedEnum() {
        assertThat(spec.at("/components/schemas/InteractionsListSortEnum/enum"))
                .extracting(JsonNode::asText)
                .containsExactly("id", "assignedUserId", "patient", "createdAt", "endedAt", "updatedAt");
    }

    @Test
    void interactionsGetHasTheReconstructedResponses() {
        JsonNode get = spec.at("/paths/~1interactions~1{id}/get");
        assertThat(get.get("responses").fieldNames()).toIterable().containsExactly("200", "403", "404", "504");
        assertThat(get.at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/InteractionsGetResponse");
    }

    @Test
    void recordingAudioIsAnOctetStream() {
        JsonNode ok = spec.at("/paths/~1interactions~1{id}~1recordings~1{recordingId}/get/responses/200/content");
        assertThat(ok.fieldNames()).toIterable().containsExactly("application/octet-stream");
        assertThat(ok.at("/application~1octet-stream/schema/format").asText()).isEqualTo("binary");
        assertThat(spec.at("/paths/~1interactions~1{id}~1recordings~1/post/requestBody/content").fieldNames())
                .toIterable().containsExactly("application/octet-stream");
    }

    @Test
    void guidedDocumentsGenerateKeepsItsMeaning() {
        JsonNode generate = spec.at("/paths/~1documents~1/post");
        // Two answers with different bodies, chosen by the X-Corti-Retention-Policy header: both kept as published.
        assertThat(generate.at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/GuidedDocumentsCreateEphemeralResponse");
        assertThat(generate.at("/responses/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/GuidedDocumentsCreateResponse");
        // oneOf without a discriminator: the three variants, told apart by which of their properties is present.
        JsonNode request = spec.at("/components/schemas/GuidedDocumentsGenerateRequest");
        assertThat(request.has("discriminator")).isFalse();
        assertThat(request.get("oneOf")).extracting(variant -> variant.get("$ref").asText()).containsExactly(
                "#/components/schemas/GuidedDocumentsGenerateByTemplateRef",
                "#/components/schemas/GuidedDocumentsGenerateByAssembly",
                "#/components/schemas/GuidedDocumentsGenerateByDynamic");
        // Discriminator mappings are reference strings.
        assertThat(spec.at("/components/schemas/GuidedOutputSchema/discriminator/mapping/array").asText())
                .isEqualTo("#/components/schemas/GuidedArrayNode");
        assertThat(spec.at("/components/schemas/GuidedDocumentContext/discriminator/mapping/text").asText())
                .isEqualTo("#/components/schemas/CommonTextContext");
        // The recursive output schema stays recursive: an array node's items are output schemas again.
        assertThat(spec.at("/components/schemas/GuidedArrayNode/properties/items/allOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/GuidedOutputSchema");
        // The multi-line default is kept for readers, out of the generator's way.
        assertThat(spec.at("/components/schemas/GuidedArrayNode/properties/itemFormat").has("default")).isFalse();
        assertThat(spec.at("/components/schemas/GuidedArrayNode/properties/itemFormat/x-corti-default").asText())
                .isEqualTo("- {item}\n");
    }
}
