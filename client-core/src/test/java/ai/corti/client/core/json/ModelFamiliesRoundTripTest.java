package ai.corti.client.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.model.CodesGeneralPredictRequest;
import ai.corti.client.model.CodesGeneralResponse;
import ai.corti.client.model.CommonDocumentIDContext;
import ai.corti.client.model.CommonFactsContext;
import ai.corti.client.model.CommonTextContext;
import ai.corti.client.model.CommonTranscriptContext;
import ai.corti.client.model.DocumentsListResponse;
import ai.corti.client.model.FactsBatchUpdateRequest;
import ai.corti.client.model.FactsBatchUpdateResponse;
import ai.corti.client.model.FactsCreateRequest;
import ai.corti.client.model.FactsCreateResponse;
import ai.corti.client.model.FactsFactGroupsListResponse;
import ai.corti.client.model.FactsListResponse;
import ai.corti.client.model.FactsUpdateRequest;
import ai.corti.client.model.FactsUpdateResponse;
import ai.corti.client.model.GuidedArrayNode;
import ai.corti.client.model.GuidedBoolNode;
import ai.corti.client.model.GuidedDocumentsCreateEphemeralResponse;
import ai.corti.client.model.GuidedDocumentsCreateResponse;
import ai.corti.client.model.GuidedDocumentsGenerateByAssembly;
import ai.corti.client.model.GuidedDocumentsGenerateByDynamic;
import ai.corti.client.model.GuidedDocumentsGenerateByTemplateRef;
import ai.corti.client.model.GuidedDocumentsGenerateRequest;
import ai.corti.client.model.GuidedNumberNode;
import ai.corti.client.model.GuidedObjectNode;
import ai.corti.client.model.GuidedSection;
import ai.corti.client.model.GuidedStringNode;
import ai.corti.client.model.GuidedTemplate;
import ai.corti.client.model.RecordingsCreateResponse;
import ai.corti.client.model.RecordingsListResponse;
import ai.corti.client.model.RequestDocumentCreate;
import ai.corti.client.model.RequestDocumentUpdate;
import ai.corti.client.model.ResponseAllTemplateSections;
import ai.corti.client.model.ResponseAllTemplates;
import ai.corti.client.model.ResponseDocumentRead;
import ai.corti.client.model.TemplateFiltered;
import ai.corti.client.model.TranscriptsCreateRequest;
import ai.corti.client.model.TranscriptsListResponse;
import ai.corti.client.model.TranscriptsResponse;
import ai.corti.client.model.TranscriptsStatusResponse;
import ai.corti.spec.CortiSpec;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each family of the lifecycle, read into its generated model and written back through {@link CortiJson},
 * gives the same JSON: nothing is lost (a misspelt or unmodelled field would be dropped and fail the
 * comparison), nothing is added (an unset list stays absent), nulls that clear stay {@code null}. The examples
 * under {@code src/test/resources/examples} are built from the reference pages' schemas and the property
 * examples they carry; codes_predict's come from the packaged spec itself.
 */
@Timeout(30)
class ModelFamiliesRoundTripTest {

    private static final ObjectMapper MAPPER = CortiJson.mapper();
    private static JsonNode spec;

    @BeforeAll
    static void loadSpec() throws IOException {
        try (InputStream in = CortiSpec.open()) {
            spec = new YAMLMapper().readTree(in);
        }
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                example("guided/generate-by-template-ref.json", GuidedDocumentsGenerateRequest.class),
                example("guided/generate-by-assembly.json", GuidedDocumentsGenerateRequest.class),
                example("guided/generate-by-dynamic.json", GuidedDocumentsGenerateRequest.class),
                example("guided/created.json", GuidedDocumentsCreateResponse.class),
                example("guided/ephemeral.json", GuidedDocumentsCreateEphemeralResponse.class),
                example("guided/templates-list.json", new TypeReference<List<GuidedTemplate>>() { }),
                example("guided/sections-list.json", new TypeReference<List<GuidedSection>>() { }),
                example("documents/list.json", DocumentsListResponse.class),
                example("documents/create.json", RequestDocumentCreate.class),
                example("documents/read.json", ResponseDocumentRead.class),
                example("documents/update.json", RequestDocumentUpdate.class),
                example("facts/list.json", FactsListResponse.class),
                example("facts/create-request.json", FactsCreateRequest.class),
                example("facts/create-response.json", FactsCreateResponse.class),
                example("facts/batch-update-request.json", FactsBatchUpdateRequest.class),
                example("facts/batch-update-response.json", FactsBatchUpdateResponse.class),
                example("facts/update-request.json", FactsUpdateRequest.class),
                example("facts/update-response.json", FactsUpdateResponse.class),
                example("facts/fact-groups.json", FactsFactGroupsListResponse.class),
                example("transcripts/create-request.json", TranscriptsCreateRequest.class),
                example("transcripts/transcript.json", TranscriptsResponse.class),
                example("transcripts/list.json", TranscriptsListResponse.class),
                example("transcripts/status.json", TranscriptsStatusResponse.class),
                example("recordings/list.json", RecordingsListResponse.class),
                example("recordings/created.json", RecordingsCreateResponse.class),
                example("templates/list.json", ResponseAllTemplates.class),
                example("templates/template.json", TemplateFiltered.class),
                example("templates/sections.json", ResponseAllTemplateSections.class));
    }

    private static Arguments example(String resource, Class<?> type) {
        return Arguments.of(resource, MAPPER.constructType(type));
    }

    private static Arguments example(String resource, TypeReference<?> type) {
        return Arguments.of(resource, MAPPER.constructType(type));
    }

    private static JsonNode resource(String name) {
        try (InputStream in = ModelFamiliesRoundTripTest.class.getResourceAsStream("/examples/" + name)) {
            assertThat(in).as(name).isNotNull();
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode roundTrip(JsonNode json, JavaType type) throws IOException {
        Object model = MAPPER.readValue(MAPPER.writeValueAsString(json), type);
        return MAPPER.readTree(MAPPER.writeValueAsString(model));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void readsAndWritesTheSameJson(String resource, JavaType type) throws IOException {
        JsonNode json = resource(resource);

        assertThat(roundTrip(json, type)).isEqualTo(json);
    }

    @Test
    void codesPredictExamplesOfTheSpecRoundTrip() throws IOException {
        JsonNode operation = spec.at("/paths/~1tools~1coding~1/post");
        JsonNode requests = operation.at("/requestBody/content/application~1json/examples");
        JsonNode answers = operation.at("/responses/200/content/application~1json/examples");
        assertThat(requests.size()).isGreaterThanOrEqualTo(2);
        assertThat(answers.size()).isGreaterThanOrEqualTo(1);

        for (JsonNode example : requests) {
            assertThat(roundTrip(example.get("value"), MAPPER.constructType(CodesGeneralPredictRequest.class)))
                    .isEqualTo(example.get("value"));
        }
        for (JsonNode example : answers) {
            assertThat(roundTrip(example.get("value"), MAPPER.constructType(CodesGeneralResponse.class)))
                    .isEqualTo(example.get("value"));
        }
    }

    @Test
    void theGenerateRequestVariantIsDeducedFromItsTemplateProperty() throws IOException {
        assertThat(read("guided/generate-by-template-ref.json", GuidedDocumentsGenerateRequest.class))
                .isInstanceOf(GuidedDocumentsGenerateByTemplateRef.class);
        assertThat(read("guided/generate-by-assembly.json", GuidedDocumentsGenerateRequest.class))
                .isInstanceOf(GuidedDocumentsGenerateByAssembly.class);
        assertThat(read("guided/generate-by-dynamic.json", GuidedDocumentsGenerateRequest.class))
                .isInstanceOf(GuidedDocumentsGenerateByDynamic.class);
    }

    @Test
    void aGenerateRequestWithNoTemplateIsNotGuessed() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"outputLanguage\":\"en\",\"context\":[]}",
                GuidedDocumentsGenerateRequest.class))
                .hasMessageContaining("Cannot deduce unique subtype");
    }

    @Test
    void contextItemsAreTypedByTheirDiscriminator() throws IOException {
        GuidedDocumentsGenerateByTemplateRef request = (GuidedDocumentsGenerateByTemplateRef) read(
                "guided/generate-by-template-ref.json", GuidedDocumentsGenerateRequest.class);

        assertThat(request.getContext()).extracting(Object::getClass).containsExactly(
                CommonTextContext.class, CommonTranscriptContext.class, CommonFactsContext.class);
        assertThat(((CommonFactsContext) request.getContext().get(2)).getFacts()).hasSize(2);
    }

    @Test
    void theRecursiveOutputSchemaIsTypedAtEveryLevel() throws IOException {
        GuidedDocumentsGenerateByDynamic request = (GuidedDocumentsGenerateByDynamic) read(
                "guided/generate-by-dynamic.json", GuidedDocumentsGenerateRequest.class);

        GuidedArrayNode list = (GuidedArrayNode) request.getDynamicTemplate().getGeneration().getSections().get(0)
                .getOutputSchema();
        GuidedObjectNode item = (GuidedObjectNode) list.getItems();
        assertThat(item.getFields()).extracting(field -> field.getValue().getClass().getName()).containsExactly(
                GuidedStringNode.class.getName(), GuidedNumberNode.class.getName(), GuidedBoolNode.class.getName(),
                GuidedArrayNode.class.getName());
        assertThat(((GuidedArrayNode) item.getFields().get(3).getValue()).getItems()).isInstanceOf(GuidedStringNode.class);
        // The multi-line format arrives intact (the spec's default is not baked in with a lost line break).
        assertThat(list.getItemFormat()).isEqualTo("- {item}\n");
    }

    @Test
    void builtInJavaAVariantIsWrittenWithItsDiscriminatorAndNothingUnset() throws IOException {
        GuidedDocumentsGenerateRequest request = new GuidedDocumentsGenerateByTemplateRef()
                .outputLanguage("en")
                .interactionId(UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479"))
                .templateRef(new ai.corti.client.model.GuidedTemplateRef()
                        .templateId(UUID.fromString("6f1c2a3e-8b4d-4e21-9c7a-2d5e8f9a0b1c")));

        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(request))).isEqualTo(MAPPER.readTree("""
                {"outputLanguage":"en","interactionId":"f47ac10b-58cc-4372-a567-0e02b2c3d479",
                 "templateRef":{"templateId":"6f1c2a3e-8b4d-4e21-9c7a-2d5e8f9a0b1c"}}"""));

        GuidedArrayNode node = new GuidedArrayNode().type(GuidedArrayNode.TypeEnum.ARRAY)
                .items(new GuidedStringNode().type(GuidedStringNode.TypeEnum.STRING));
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(node)))
                .isEqualTo(MAPPER.readTree("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
    }

    @Test
    void codeContextsAreTypedByTheirOwnProperties() throws IOException {
        CodesGeneralPredictRequest request = MAPPER.readValue("""
                {"system":["cpt"],"context":[{"type":"text","text":"t"},{"type":"documentId","documentId":"d-1"}]}""",
                CodesGeneralPredictRequest.class);

        assertThat(request.getContext()).extracting(Object::getClass)
                .containsExactly(CommonTextContext.class, CommonDocumentIDContext.class);
    }

    @Test
    void classicDocumentContextDataKeepsEachOfItsShapes() throws IOException {
        RequestDocumentCreate request = read("documents/create.json", RequestDocumentCreate.class);

        assertThat(request.getContext()).extracting(item -> item.getData().getClass().getSimpleName())
                .containsExactly("ArrayList", "LinkedHashMap", "String");
        assertThat(request.getContext().get(1).getData()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) request.getContext().get(1).getData()).get("text")).isEqualTo("It hurts here.");
    }

    private static <T> T read(String resource, Class<T> type) throws IOException {
        return MAPPER.treeToValue(resource(resource), type);
    }
}
