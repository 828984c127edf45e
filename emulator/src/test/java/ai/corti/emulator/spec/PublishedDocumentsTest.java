package ai.corti.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The validator loads Corti's published documents for the whole lifecycle, quirks and all, so the spec can grow
 * without touching it: the complete 2025 document (36 operations, no operationIds, {@code $ref}s with siblings,
 * {@code items: {}} on a string, a binary upload, {@code text/plain} and empty answers, a {@code oneOf}), and the
 * 2026 guided-documents page ({@code oneOf} request bodies over {@code allOf} compositions, a discriminator whose
 * mapping values are written as objects, recursive output schemas, a 200/201 pair with different bodies). Both
 * are copied, unchanged, from {@code shared/corti-api/} into the test resources.
 */
@Timeout(60)
class PublishedDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    /** Shared: compiling its 110 schemas twice is the slow part, and the tests only read it. */
    private static final SpecSchemas DOCUMENT_2025 = load("/corti-api/document-2025/swagger-spec.json");

    @Test
    void everyRequestAndResponseSchemaOfThe2025DocumentCompilesInBothModes() {
        SpecSchemas spec = DOCUMENT_2025;
        List<String> bodies = bodySchemaPointers(spec.document());

        assertThat(operations(spec.document())).hasSize(36);
        assertThat(bodies).hasSizeGreaterThan(150)
                .contains("/paths/~1interactions~1{id}~1recordings~1/post/requestBody/content/application~1octet-stream/schema",
                        "/paths/~1interactions~1{id}~1recordings~1{recordingId}/get/responses/200/content/text~1plain/schema");
        for (SchemaValidator.Mode mode : SchemaValidator.Mode.values()) {
            assertThat(spec.validator(mode).compiledSchemas()).as(mode.name()).containsAll(bodies)
                    .contains("/components/schemas/DocumentContextData");
        }
    }

    @Test
    void the2025DocumentValidatesItsOneOfAndIgnoresRefSiblings() throws IOException {
        SpecSchemas spec = DOCUMENT_2025;
        SchemaValidator validator = spec.validator(SchemaValidator.Mode.REQUEST);
        JsonNode documentCreate = spec.document()
                .at("/paths/~1interactions~1{id}~1documents~1/post/requestBody/content/application~1json/schema");
        JsonNode interactionCreate = spec.document()
                .at("/paths/~1interactions~1/post/requestBody/content/application~1json/schema");

        assertThat(texts(validator.validate(JSON.readTree("{\"context\":[{\"type\":\"string\",\"data\":\"Cough.\"}],"
                + "\"templateKey\":\"k\",\"outputLanguage\":\"en\"}"), documentCreate, ""))).isEmpty();
        assertThat(texts(validator.validate(JSON.readTree("{\"context\":[{\"type\":\"string\",\"data\":42}],"
                + "\"templateKey\":\"k\",\"outputLanguage\":\"en\"}"), documentCreate, ""))).containsExactly(
                "context[0].data: must match exactly one of: Facts, Transcript, Text (it matched none)");
        assertThat(texts(validator.validate(JSON.readTree("{\"context\":[{\"type\":\"facts\",\"data\":[{\"text\":\"t\"}]}],"
                + "\"templateKey\":\"k\",\"outputLanguage\":\"en\"}"), documentCreate, ""))).containsExactly(
                "context[0].data: must match exactly one of: Facts, Transcript, Text (it matched none; closest: Facts)",
                "context[0].data[0].source: is required");
        // assignedUserId is {type, format, items: {}, $ref: UUID}: only the $ref counts, so a UUID string is fine.
        assertThat(texts(validator.validate(JSON.readTree("{\"assignedUserId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\","
                + "\"encounter\":{\"identifier\":\"e\",\"status\":\"planned\",\"type\":\"consultation\","
                + "\"period\":{\"startedAt\":\"2025-01-01T00:00:00Z\"}}}"), interactionCreate, ""))).isEmpty();
    }

    @Test
    void theGuidedDocumentsPageCompilesAndItsDiscriminatedRecursiveSchemasValidate() throws IOException {
        SpecSchemas spec = load("/corti-api/pages-2026/guided_documents_generate.yaml");
        SchemaValidator request = spec.validator(SchemaValidator.Mode.REQUEST);
        SchemaValidator response = spec.validator(SchemaValidator.Mode.RESPONSE);
        String valid = "{\"outputLanguage\":\"en\",\"templateRef\":{\"templateId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\"},"
                + "\"context\":[{\"type\":\"text\",\"text\":\"Patient reports a cough.\"}]}";

        assertThat(request.compiledSchemas()).containsAll(bodySchemaPointers(spec.document()));
        assertThat(spec.responseSchema("guided_documents_generate", 200)).isPresent();
        assertThat(spec.responseSchema("guided_documents_generate", 201)).isPresent();
        assertThat(texts(request.validate(JSON.readTree(valid), "GuidedDocumentsGenerateRequest"))).isEmpty();
        // The discriminator (mapping written as objects) picks the text context, so only its error is reported.
        assertThat(texts(request.validate(JSON.readTree(valid.replace("Patient reports a cough.", "")),
                "GuidedDocumentsGenerateRequest"))).containsExactly(
                "body: must match exactly one of: GuidedDocumentsGenerateByTemplateRef, GuidedDocumentsGenerateByAssembly, "
                        + "GuidedDocumentsGenerateByDynamic (it matched none; closest: GuidedDocumentsGenerateByTemplateRef)",
                "context[0].text: must be at least 1 characters long (was 0)");
        assertThat(texts(request.validate(JSON.readTree(valid.replace("\"type\":\"text\"", "\"type\":\"audio\"")),
                "GuidedDocumentsGenerateRequest"))).contains("context[0].type: must be one of text, transcript, facts (was 'audio')");

        // GuidedOutputSchema nests itself through object fields and array items, to any depth.
        String deep = "{\"type\":\"object\",\"fields\":[{\"key\":\"meds\",\"description\":\"d\",\"value\":"
                + "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"fields\":[{\"key\":\"dose\",\"description\":\"d\","
                + "\"value\":{\"type\":\"number\"}}]}}}]}";
        assertThat(texts(request.validate(JSON.readTree(deep), "GuidedOutputSchema"))).isEmpty();
        assertThat(texts(response.validate(JSON.readTree(deep), "GuidedOutputSchema"))).isEmpty();
        assertThat(texts(request.validate(JSON.readTree(deep.replace("\"number\"", "\"decimal\"")), "GuidedOutputSchema")))
                .contains("fields[0].value.items.fields[0].value.type: must be one of string, number, boolean, object, array "
                        + "(was 'decimal')");
    }

    /** Every request and response body schema of every operation, as the validator's pointers. */
    private static List<String> bodySchemaPointers(JsonNode document) {
        List<String> pointers = new ArrayList<>();
        for (String operation : operations(document)) {
            JsonNode op = document.at(operation);
            for (Map.Entry<String, JsonNode> media : JsonFields.of(op.path("requestBody").path("content"))) {
                if (media.getValue().has("schema")) {
                    pointers.add(operation + "/requestBody/content/" + escape(media.getKey()) + "/schema");
                }
            }
            for (Map.Entry<String, JsonNode> status : JsonFields.of(op.path("responses"))) {
                for (Map.Entry<String, JsonNode> media : JsonFields.of(status.getValue().path("content"))) {
                    if (media.getValue().has("schema")) {
                        pointers.add(operation + "/responses/" + status.getKey() + "/content/" + escape(media.getKey())
                                + "/schema");
                    }
                }
            }
        }
        return pointers;
    }

    private static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : JsonFields.of(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> method : JsonFields.of(path.getValue())) {
                if (HTTP_METHODS.contains(method.getKey())) {
                    operations.add("/paths/" + escape(path.getKey()) + "/" + method.getKey());
                }
            }
        }
        return operations;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> texts(List<SchemaViolation> violations) {
        return violations.stream().map(SchemaViolation::toString).toList();
    }

    private static SpecSchemas load(String resource) {
        try (InputStream in = PublishedDocumentsTest.class.getResourceAsStream(resource)) {
            return SpecSchemas.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
