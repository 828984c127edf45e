package ai.corti.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The validator: the library behind it enforces every keyword OpenAPI 3.0 has (on {@code keywords.yaml}, a small
 * document that uses them all), the OpenAPI 3.0 layer gets {@code nullable}, boolean exclusive bounds,
 * {@code $ref} siblings, {@code readOnly}/{@code writeOnly} and discriminator mappings right, answers may not carry
 * undeclared properties, and each violation names its field. Then the same on the packaged document.
 */
@Timeout(30)
class SchemaValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpecSchemas KEYWORDS = load("/openapi/keywords.yaml");
    private static final String UUID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

    private final SpecSchemas spec = SpecSchemas.shared();
    private final SchemaValidator request = spec.validator(SchemaValidator.Mode.REQUEST);
    private final SchemaValidator response = spec.validator(SchemaValidator.Mode.RESPONSE);

    // ---- every keyword, on keywords.yaml

    @Test
    void aValueUsingEveryKeywordCorrectlyIsValidBothWays() {
        String full = "{\"name\":\"abc\",\"count\":4,\"ratio\":0.5,\"big\":12,\"tags\":[\"x\",\"y\"],"
                + "\"labels\":{\"k\":\"v\"},\"closed\":{\"a\":\"b\"},\"id\":\"" + UUID + "\","
                + "\"when\":\"2023-11-07T05:31:56Z\",\"kind\":\"a\",\"notBlank\":\"x\",\"either\":3,"
                + "\"exactlyOne\":\"Dr Who\",\"context\":{\"type\":\"facts\",\"facts\":[\"f\"]},"
                + "\"tree\":{\"name\":\"root\",\"children\":[{\"name\":\"leaf\",\"children\":[]}]},\"flag\":true}";

        assertThat(everything(SchemaValidator.Mode.REQUEST, full)).isEmpty();
        assertThat(everything(SchemaValidator.Mode.RESPONSE, full)).isEmpty();
    }

    @Test
    void stringKeywordsNameTheFieldAndSayWhatWasExpected() {
        assertThat(everything("{\"name\":\"a\"}")).containsExactly("name: must be at least 2 characters long (was 1)");
        assertThat(everything("{\"name\":\"abcdef\"}")).containsExactly("name: must be at most 5 characters long (was 6)");
        assertThat(everything("{\"name\":\"AB\"}")).containsExactly("name: must match the pattern ^[a-z]+$ (was 'AB')");
        assertThat(everything("{\"name\":\"abc\",\"notBlank\":\"\"}")).containsExactly("notBlank: must not match the schema in 'not'");
        assertThat(everything("{\"name\":\"abc\",\"id\":\"nope\"}"))
                .containsExactly("id: must be a UUID, e.g. f47ac10b-58cc-4372-a567-0e02b2c3d479 (was 'nope')");
        assertThat(everything("{\"name\":\"abc\",\"when\":\"2023-11-07T05:31:60Z\"}"))
                .containsExactly("when: must be an RFC 3339 date-time, e.g. 2023-11-07T05:31:56Z (was '2023-11-07T05:31:60Z')");
    }

    @Test
    void numberKeywordsIncludingOpenApi30sBooleanExclusiveBounds() {
        assertThat(everything("{\"name\":\"abc\",\"count\":0}")).containsExactly("count: must be at least 1 (was 0)");
        assertThat(everything("{\"name\":\"abc\",\"count\":12}")).containsExactly("count: must be at most 10 (was 12)");
        assertThat(everything("{\"name\":\"abc\",\"count\":3}")).containsExactly("count: must be a multiple of 2 (was 3)");
        assertThat(everything("{\"name\":\"abc\",\"count\":1.5}")).contains("count: must be an integer (was 1.5)");
        assertThat(everything("{\"name\":\"abc\",\"ratio\":0}")).containsExactly("ratio: must be greater than 0 (was 0)");
        assertThat(everything("{\"name\":\"abc\",\"ratio\":1}")).containsExactly("ratio: must be less than 1 (was 1)");
        assertThat(everything("{\"name\":\"abc\",\"big\":123456789012345678901234}"))
                .containsExactly("big: must fit a 64-bit integer (was 123456789012345678901234)");
    }

    @Test
    void arrayAndObjectKeywords() {
        assertThat(everything("{\"name\":\"abc\",\"tags\":[]}")).containsExactly("tags: must have at least 1 items (had 0)");
        assertThat(everything("{\"name\":\"abc\",\"tags\":[\"a\",\"b\",\"c\",\"d\"]}"))
                .containsExactly("tags: must have at most 3 items (had 4)");
        assertThat(everything("{\"name\":\"abc\",\"tags\":[\"a\",\"a\"]}")).containsExactly("tags: must not contain duplicate items");
        assertThat(everything("{\"name\":\"abc\",\"tags\":[\"a\",7]}")).containsExactly("tags[1]: must be a string (was 7)");
        assertThat(everything("{\"name\":\"abc\",\"labels\":{}}")).containsExactly("labels: must have at least 1 properties (had 0)");
        assertThat(everything("{\"name\":\"abc\",\"labels\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}"))
                .containsExactly("labels: must have at most 2 properties (had 3)");
        assertThat(everything("{\"name\":\"abc\",\"labels\":{\"a\":1}}")).containsExactly("labels.a: must be a string (was 1)");
        assertThat(everything("{\"name\":\"abc\",\"closed\":{\"b\":\"x\"}}")).containsExactly("closed.b: is not a known property");
        assertThat(everything("{}")).containsExactly("name: is required");
        assertThat(everything("[]")).containsExactly("body: must be an object (was [])");
    }

    @Test
    void nullableIsOpenApi30sIncludingTheAllOfWrapperAndNullIsRefusedElsewhere() {
        assertThat(everything("{\"name\":\"abc\",\"when\":null,\"kind\":null}")).isEmpty();
        assertThat(everything("{\"name\":\"abc\",\"kind\":\"c\"}")).containsExactly("kind: must be one of a, b (was 'c')");
        assertThat(everything("{\"name\":null}")).containsExactly("name: must not be null");
    }

    @Test
    void siblingsOfARefAreIgnoredAsOpenApi30Says() {
        // The sibling says integer; the referenced schema (a uuid string) is what counts.
        assertThat(everything("{\"name\":\"abc\",\"id\":\"" + UUID + "\"}")).isEmpty();
        assertThat(everything("{\"name\":\"abc\",\"id\":7}")).containsExactly("id: must be a string (was 7)");
    }

    @Test
    void aDiscriminatorPicksTheBranchWhoseErrorsAreReported() {
        assertThat(everything("{\"name\":\"abc\",\"context\":{\"type\":\"text\"}}"))
                .containsExactly("context.text: is required");
        assertThat(everything("{\"name\":\"abc\",\"context\":{\"type\":\"facts\",\"facts\":[1]}}"))
                .containsExactly("context.facts[0]: must be a string (was 1)");
        assertThat(everything("{\"name\":\"abc\",\"context\":{\"type\":\"bogus\"}}"))
                .containsExactly("context.type: must be one of text, facts (was 'bogus')");
        assertThat(everything("{\"name\":\"abc\",\"context\":5}"))
                .containsExactly("context: must match exactly one of: TextContext, FactsContext (it matched none)");
    }

    @Test
    void oneOfMeansExactlyOneAndAnyOfAtLeastOne() {
        assertThat(everything("{\"name\":\"abc\",\"exactlyOne\":\"Dr\"}"))
                .containsExactly("exactlyOne: must match exactly one of: Short, Doctor (it matched 2: Short, Doctor)");
        assertThat(everything("{\"name\":\"abc\",\"exactlyOne\":\"Professor\"}"))
                .containsExactly("exactlyOne: must match exactly one of: Short, Doctor (it matched none)");
        assertThat(everything("{\"name\":\"abc\",\"either\":true}"))
                .containsExactly("either: must match at least one of: alternative 1, alternative 2 (it matched none)");
    }

    @Test
    void recursiveReferencesAreFollowedToAnyDepth() {
        assertThat(everything("{\"name\":\"abc\",\"tree\":{\"name\":\"r\",\"children\":[{\"name\":\"a\",\"children\":"
                + "[{\"children\":[]}]}]}}")).containsExactly("tree.children[0].children[0].name: is required");
    }

    @Test
    void readOnlyIsRequiredOnlyInAnswersAndWriteOnlyOnlyInRequests() {
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.REQUEST, "Stamped", "{\"secret\":\"s\",\"name\":\"n\"}"))
                .isEmpty();
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.REQUEST, "Stamped", "{\"name\":\"n\"}"))
                .containsExactly("secret: is required");
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.RESPONSE, "Stamped", "{\"id\":\"i\",\"name\":\"n\"}"))
                .isEmpty();
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.RESPONSE, "Stamped", "{\"name\":\"n\"}"))
                .containsExactly("id: is required");
    }

    @Test
    void answersMayNotCarryUndeclaredPropertiesEvenThroughAllOf() {
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.RESPONSE, "Everything", "{\"name\":\"abc\",\"zz\":1}"))
                .containsExactly("zz: is not a property in the spec");
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.REQUEST, "Everything", "{\"name\":\"abc\",\"zz\":1}"))
                .isEmpty();
        // Derived = allOf [Base, {extra}]: each member declares part of the object, neither may close it alone.
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.RESPONSE, "Derived", "{\"id\":\"i\",\"extra\":\"e\"}"))
                .isEmpty();
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.RESPONSE, "Derived",
                "{\"id\":\"i\",\"extra\":\"e\",\"zz\":1}")).containsExactly("zz: is not a property in the spec");
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.RESPONSE, "Base", "{\"id\":\"i\",\"extra\":\"e\"}"))
                .containsExactly("extra: is not a property in the spec");
        assertThat(violations(KEYWORDS, SchemaValidator.Mode.RESPONSE, "Everything",
                "{\"name\":\"abc\",\"tree\":{\"name\":\"r\",\"children\":[{\"name\":\"a\",\"zz\":1}]}}"))
                .containsExactly("tree.children[0].zz: is not a property in the spec");
    }

    @Test
    void everySchemaOfTheDocumentIsCompiledUpFrontIncludingBinaryBodiesAndParameters() {
        List<String> compiled = KEYWORDS.validator(SchemaValidator.Mode.REQUEST).compiledSchemas();

        assertThat(compiled).contains("/components/schemas/Everything", "/components/schemas/Node",
                "/paths/~1things~1{id}/get/parameters/1/schema",
                "/paths/~1things~1{id}/get/responses/200/content/application~1json/schema",
                "/paths/~1things~1/post/requestBody/content/application~1octet-stream/schema");
        JsonNode limit = KEYWORDS.parameterSchema("things_get", "limit").orElseThrow();
        assertThat(KEYWORDS.validator(SchemaValidator.Mode.REQUEST).validate(JSON.valueToTree(99), limit, "limit"))
                .extracting(SchemaViolation::toString).containsExactly("limit: must be at most 50 (was 99)");
    }

    @Test
    void aDocumentWithADanglingReferenceIsRefusedNamingThePlace() {
        SpecSchemas broken = parse("""
                openapi: 3.0.0
                paths: {}
                components:
                  schemas:
                    Name:
                      type: object
                      properties:
                        other:
                          $ref: '#/components/schemas/Missing'
                """);

        assertThatThrownBy(() -> broken.validator(SchemaValidator.Mode.REQUEST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/components/schemas/Name");
    }

    @Test
    void keywordsBeyondOpenApi30AreEnforcedTooWithAPlainMessage() {
        SpecSchemas newer = parse("""
                openapi: 3.0.0
                paths: {}
                components:
                  schemas:
                    Range:
                      type: object
                      dependentRequired:
                        start:
                          - end
                """);

        assertThat(violations(newer, SchemaValidator.Mode.REQUEST, "Range", "{\"start\":1}"))
                .containsExactly("body: must satisfy dependentRequired: {\"start\":[\"end\"]} (was {\"start\":1})");
        assertThat(violations(newer, SchemaValidator.Mode.REQUEST, "Range", "{\"start\":1,\"end\":2}")).isEmpty();
    }

    @Test
    void onlyTheDocumentsOwnSchemaNodesCanBeValidatedAgainst() {
        JsonNode copy = spec.schema("ErrorResponse").deepCopy();

        assertThatThrownBy(() -> request.validate(JSON.createObjectNode(), copy, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a schema of this OpenAPI document");
    }

    // ---- the packaged document

    @Test
    void theSeedExampleOfTheReferencePageIsAValidResponse() throws Exception {
        JsonNode example = JSON.readTree("""
                {"id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","assignedUserId":"3c90c3cc-0d44-4b50-8888-8dd25736052a",
                 "encounter":{"identifier":"<string>","status":"planned","type":"first_consultation",
                   "period":{"startedAt":"2023-11-07T05:31:56Z","endedAt":"2023-11-07T05:31:56Z"},"title":"<string>"},
                 "patient":{"identifier":"<string>","name":"<string>","gender":"male",
                   "birthDate":"2023-11-07T05:31:56Z","pronouns":"<string>"},
                 "endedAt":"2023-11-07T05:31:56Z","createdAt":"2023-11-07T05:31:56Z","updatedAt":"2023-11-07T05:31:56Z",
                 "websocketUrl":"<string>","lastUpdated":"2023-11-07T05:31:56Z"}""");

        assertThat(response.validate(example, "InteractionsGetResponse")).isEmpty();
    }

    @Test
    void responsesMayNotCarryUndeclaredFieldsOrNonUtcTimes() throws Exception {
        JsonNode created = JSON.readTree("{\"interactionId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\","
                + "\"websocketUrl\":\"ws://x\",\"extra\":1}");
        JsonNode period = JSON.readTree("{\"startedAt\":\"2023-11-07T06:31:56+01:00\"}");

        assertThat(response.validate(created, "InteractionsCreateResponse"))
                .containsExactly(new SchemaViolation("extra", "is not a property in the spec"));
        assertThat(request.validate(created, "InteractionsCreateResponse")).isEmpty();
        assertThat(response.validate(period, "InteractionsEncounterPeriod"))
                .containsExactly(new SchemaViolation("startedAt", "must be in UTC, ending in Z (was '2023-11-07T06:31:56+01:00')"));
        assertThat(request.validate(period, "InteractionsEncounterPeriod")).isEmpty();
    }

    @Test
    void nullableThroughAllOfAcceptsNullAndStillChecksTheEnum() throws Exception {
        assertThat(request.validate(JSON.readTree("{\"identifier\":\"p\",\"gender\":null}"), "InteractionsPatient"))
                .isEmpty();
        assertThat(request.validate(JSON.readTree("{\"identifier\":\"p\",\"gender\":\"robot\"}"), "InteractionsPatient"))
                .containsExactly(new SchemaViolation("gender", "must be one of male, female, unknown, other (was 'robot')"));
    }

    @Test
    void arraysAndMapsAreCheckedItemByItem() throws Exception {
        JsonNode problem = JSON.readTree("{\"requestid\":\"r\",\"status\":400,\"type\":\"t\",\"detail\":\"d\","
                + "\"validationErrors\":[{\"a\":\"ok\"},{\"b\":3}]}");
        JsonNode page = JSON.readTree("{\"interactions\":[{\"id\":\"nope\"}]}");

        assertThat(response.validate(problem, "ErrorResponse")).extracting(SchemaViolation::field)
                .containsExactly("validationErrors[1].b");
        assertThat(response.validate(page, "InteractionsListResponse")).extracting(SchemaViolation::field)
                .contains("interactions[0].id", "interactions[0].encounter");
    }

    @Test
    void dateTimesAndUuidsFollowTheirRfcs() {
        assertThat(SchemaValidator.isDateTime("2023-11-07T05:31:56Z")).isTrue();
        assertThat(SchemaValidator.isDateTime("2023-11-07T05:31:56.123456+05:30")).isTrue();
        assertThat(SchemaValidator.isDateTime("2023-11-07")).isFalse();
        assertThat(SchemaValidator.isDateTime("2023-13-07T05:31:56Z")).isFalse();
        assertThat(SchemaValidator.isDateTime("+19850-03-14T00:00:00Z")).isFalse();
        assertThat(SchemaValidator.isUuid("F47AC10B-58CC-4372-A567-0E02B2C3D479")).isTrue();
        assertThat(SchemaValidator.isUuid("1-1-1-1-1")).isFalse();
    }

    @Test
    void keywordsTheOldEngineRefusedNowLoadAndAreEnforced() {
        ObjectNode document = spec.document().deepCopy();
        ((ObjectNode) document.at("/components/schemas/InteractionsPatient/properties/identifier"))
                .put("maxLength", 3).put("x-vendor", "ignored");
        SpecSchemas stricter = SpecSchemas.of(document);

        assertThat(stricter.validator(SchemaValidator.Mode.REQUEST)
                .validate(JSON.createObjectNode().put("identifier", "abcd"), "InteractionsPatient"))
                .containsExactly(new SchemaViolation("identifier", "must be at most 3 characters long (was 4)"));
        assertThat(request.validate(JSON.createObjectNode().put("identifier", "abcd"), "InteractionsPatient"))
                .as("the packaged document is untouched").isEmpty();
    }

    @Test
    void thePackagedDocumentLoadsAndAnswersLookUps() {
        assertThat(spec.enumValues("CommonSortingDirectionEnum")).containsExactly("asc", "desc");
        assertThat(spec.parameterSchema("interactions_list", "sort")).hasValueSatisfying(
                schema -> assertThat(spec.resolve(schema).path("default").asText()).isEqualTo("createdAt"));
        assertThat(spec.parameter("interactions_get", "Tenant-Name")).hasValueSatisfying(
                parameter -> assertThat(parameter.path("required").asBoolean()).isTrue());
        assertThat(spec.responseSchema("interactions_create", 201)).isPresent();
        assertThat(spec.responseSchema("interactions_get", 401)).isEmpty();
        assertThat(spec.requestSchema("interactions_update")).isPresent();
        assertThat(List.of("interactions_create", "interactions_get", "interactions_list", "interactions_update"))
                .allSatisfy(id -> assertThat(spec.operation(id)).isNotNull());
        assertThat(spec.validator(SchemaValidator.Mode.REQUEST)).isSameAs(request);
    }

    private static List<String> everything(String json) {
        return everything(SchemaValidator.Mode.REQUEST, json);
    }

    private static List<String> everything(SchemaValidator.Mode mode, String json) {
        return violations(KEYWORDS, mode, "Everything", json);
    }

    private static List<String> violations(SpecSchemas spec, SchemaValidator.Mode mode, String schema, String json) {
        try {
            return spec.validator(mode).validate(JSON.readTree(json), schema).stream()
                    .map(SchemaViolation::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SpecSchemas load(String resource) {
        try (InputStream in = SchemaValidatorTest.class.getResourceAsStream(resource)) {
            return SpecSchemas.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SpecSchemas parse(String yaml) {
        try {
            return SpecSchemas.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
