package ai.corti.spec.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    private static JsonNode yaml(String text) throws Exception {
        return SpecYaml.mapper().readTree(text);
    }

    @Test
    void everyProblemIsListedWithItsLocation() throws Exception {
        JsonNode doc = yaml("""
                openapi: 3.1.0
                paths:
                  /a:
                    get:
                      responses: {'200': {$ref: '#/components/responses/Missing'}}
                  /b:
                    post: {operationId: dup, responses: {}}
                    put: {operationId: dup, responses: {}}
                """);

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> new SpecValidator().validate("test.yaml", doc));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "openapi: expected an OpenAPI 3.0.x document, found '3.1.0'",
                "info: missing",
                "paths./a.get: missing operationId",
                "paths./b.put: operationId 'dup' already used by paths./b.post",
                "paths./a.get.responses.200: $ref '#/components/responses/Missing' points to nothing");
        assertThat(e).hasMessageStartingWith("Invalid OpenAPI document test.yaml:");
    }

    @Test
    void externalRefsAreRejected() throws Exception {
        JsonNode doc = yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /a:
                    get:
                      operationId: a
                      responses: {'200': {$ref: 'other.yaml#/x'}}
                """);

        assertThatThrownBy(() -> new SpecValidator().validate("test.yaml", doc))
                .hasMessageContaining("$ref 'other.yaml#/x' is not a local reference");
    }

    @Test
    void afterNormalisingEachOperationHasOneTagThatPrefixesItsOperationId() throws Exception {
        JsonNode doc = yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /documents/:
                    post: {operationId: guided_documents_generate, tags: [GuidedDocuments], responses: {}}
                    get: {operationId: documents_list, tags: [GuidedDocuments], responses: {}}
                  /facts/:
                    get: {operationId: facts_list, tags: [Facts, Other], responses: {}}
                    post: {operationId: facts_create, tags: [Guided Facts], responses: {}}
                    patch: {operationId: factsBatchUpdate, tags: [Facts], responses: {}}
                """);

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> new SpecValidator().validateNormalised("test.yaml", doc));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "paths./documents/.get: operationId 'documents_list' does not start with 'guided_documents_', "
                        + "the snake_case of its tag 'GuidedDocuments'",
                "paths./facts/.get (facts_list): expected exactly one tag, found [\"Facts\",\"Other\"]",
                "paths./facts/.post (facts_create): tag 'Guided Facts' is not PascalCase",
                "paths./facts/.patch: operationId 'factsBatchUpdate' is not snake_case");
    }

    @Test
    void afterNormalisingDiscriminatorMappingsAreResolvingStrings() throws Exception {
        JsonNode doc = yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /a:
                    get: {operationId: a_get, tags: [A], responses: {}}
                components:
                  schemas:
                    Text: {type: object}
                    Node:
                      oneOf: [{$ref: '#/components/schemas/Text'}]
                      discriminator:
                        propertyName: type
                        mapping:
                          text: '#/components/schemas/Text'
                          object: {$ref: '#/components/schemas/Text'}
                          gone: '#/components/schemas/Gone'
                """);

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> new SpecValidator().validateNormalised("test.yaml", doc));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "components.schemas.Node.discriminator.mapping.object: must be a reference string",
                "components.schemas.Node.discriminator.mapping.gone: '#/components/schemas/Gone' points to nothing");
    }
}
