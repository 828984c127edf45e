package ai.corti.spec.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PathParameterRule} and {@link ProseConstraintRule} on small documents. */
class ParameterRulesTest {

    private static ObjectNode yaml(String text) throws Exception {
        return (ObjectNode) SpecYaml.mapper().readTree(text);
    }

    @Test
    void aPlainStringPathParameterTakesTheSchemaOfTheSameParameterElsewhere() throws Exception {
        ObjectNode doc = yaml("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /interactions/{id}:
                    get:
                      operationId: interactions_get
                      parameters:
                        - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/UUID'}}
                      responses: {'200': {description: ok}}
                    delete:
                      operationId: interactions_delete
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      responses: {'204': {description: gone}}
                  /interactions/{id}/documents/{documentId}:
                    delete:
                      operationId: documents_delete
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                        - {name: documentId, in: path, required: true, schema: {type: string}}
                      responses: {'204': {description: gone}}
                components:
                  schemas:
                    UUID: {type: string, format: uuid}
                """);
        List<String> changes = new java.util.ArrayList<>();

        new PathParameterRule().apply(doc, changes);

        assertThat(doc.at("/paths/~1interactions~1{id}/delete/parameters/0/schema/$ref").asText())
                .isEqualTo("#/components/schemas/UUID");
        assertThat(doc.at("/paths/~1interactions~1{id}~1documents~1{documentId}/delete/parameters/0/schema/$ref")
                .asText()).as("same place in a longer path").isEqualTo("#/components/schemas/UUID");
        assertThat(doc.at("/paths/~1interactions~1{id}~1documents~1{documentId}/delete/parameters/1/schema/type")
                .asText()).as("nothing more precise is known of documentId").isEqualTo("string");
        assertThat(changes).hasSize(2).allMatch(change -> change.contains("plain string path parameter 'id'"));
    }

    @Test
    void proseDefaultsAndBoundsOfIntegerQueryParametersBecomeKeywords() throws Exception {
        ObjectNode doc = yaml("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /things/:
                    get:
                      operationId: things_list
                      parameters:
                        - name: pageSize
                          in: query
                          description: Items per page. Must be greater than 0. Default is 10.
                          schema: {type: integer, format: int64}
                        - name: index
                          in: query
                          description: Page number. Must be greater than 0. Default is 1.
                          schema: {type: integer, default: 3, minimum: 0}
                        - name: note
                          in: query
                          description: Default is 10.
                          schema: {type: string}
                      responses: {'200': {description: ok}}
                """);
        List<String> changes = new java.util.ArrayList<>();

        new ProseConstraintRule().apply(doc, changes);

        assertThat(doc.at("/paths/~1things~1/get/parameters/0/schema/default").asLong()).isEqualTo(10);
        assertThat(doc.at("/paths/~1things~1/get/parameters/0/schema/minimum").asLong()).isEqualTo(1);
        assertThat(doc.at("/paths/~1things~1/get/parameters/1/schema/default").asLong()).as("kept").isEqualTo(3);
        assertThat(doc.at("/paths/~1things~1/get/parameters/1/schema/minimum").asLong()).as("kept").isZero();
        assertThat(doc.at("/paths/~1things~1/get/parameters/2/schema").has("default")).as("not an integer").isFalse();
        assertThat(changes).hasSize(2);
    }

    @Test
    void anOperationWithAnAsyncFlagAlsoAnswers202WithItsCreatedBody() throws Exception {
        ObjectNode doc = yaml("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /things/:
                    post:
                      operationId: things_create
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/CreateThing'}
                      responses:
                        '201':
                          description: created
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                  /others/:
                    post:
                      operationId: others_create
                      requestBody:
                        content:
                          application/json:
                            schema: {type: object, properties: {name: {type: string}}}
                      responses: {'201': {description: created}}
                components:
                  schemas:
                    CreateThing: {type: object, properties: {async: {type: boolean}}}
                    Thing: {type: object, properties: {id: {type: string}}}
                """);
        List<String> changes = new java.util.ArrayList<>();

        new AsyncAnswerRule().apply(doc, changes);

        assertThat(doc.at("/paths/~1things~1/post/responses/202/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Thing");
        assertThat(doc.at("/paths/~1things~1/post/responses/202/headers").has("Location")).isTrue();
        assertThat(doc.at("/paths/~1others~1/post/responses").has("202")).as("no async flag").isFalse();
        assertThat(changes).containsExactly("paths./things/.post.responses: 202 added (the request has an async flag)");
    }
}
