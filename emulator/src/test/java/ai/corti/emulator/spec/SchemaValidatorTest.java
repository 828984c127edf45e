package ai.corti.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec-driven validator, on the packaged document and on small documents of its own. */
class SchemaValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SpecSchemas spec = SpecSchemas.shared();
    private final SchemaValidator request = new SchemaValidator(spec, SchemaValidator.Mode.REQUEST);
    private final SchemaValidator response = new SchemaValidator(spec, SchemaValidator.Mode.RESPONSE);

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
        assertThat(response.validate(period, "InteractionsEncounterPeriod")).extracting(SchemaViolation::field)
                .containsExactly("startedAt");
        assertThat(request.validate(period, "InteractionsEncounterPeriod")).isEmpty();
    }

    @Test
    void nullableThroughAnyOfAcceptsNullAndStillChecksTheEnum() throws Exception {
        assertThat(request.validate(JSON.readTree("{\"identifier\":\"p\",\"gender\":null}"), "InteractionsPatient"))
                .isEmpty();
        assertThat(request.validate(JSON.readTree("{\"identifier\":\"p\",\"gender\":\"robot\"}"), "InteractionsPatient"))
                .extracting(SchemaViolation::field).containsExactly("gender");
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
    void aDocumentWithAKeywordTheValidatorDoesNotImplementIsRefusedAtLoad() {
        String yaml = """
                openapi: 3.0.0
                paths:
                  /interactions/{id}:
                    get:
                      operationId: interactions_get
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Person'}}}}
                components:
                  schemas:
                    Person:
                      type: object
                      properties:
                        name: {anyOf: [{$ref: '#/components/schemas/Name'}, {type: string, nullable: true, enum: [null]}]}
                    Name:
                      type: string
                      maxLength: 10
                """;

        assertThatThrownBy(() -> SpecSchemas.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("components.schemas.Name.maxLength");
    }

    @Test
    void schemasOfOperationsTheEmulatorDoesNotServeAreNotChecked() throws Exception {
        String yaml = """
                openapi: 3.0.0
                paths:
                  /documents/:
                    post:
                      operationId: guided_documents_generate
                      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Request'}}}}
                      responses: {'200': {description: ok}}
                components:
                  schemas:
                    Request:
                      oneOf: [{$ref: '#/components/schemas/Text'}]
                    Text: {type: string, minLength: 1}
                """;

        assertThat(SpecSchemas.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .schema("Text").path("minLength").asInt()).isEqualTo(1);
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
    }
}
