package ai.corti.spec.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.spec.normalize.SpecYaml;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ComponentClosureTest {

    @Test
    void onlyWhatTheOperationsReachSurvives() throws Exception {
        ObjectNode root = (ObjectNode) SpecYaml.mapper().readTree("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                security: [{Bearer: []}]
                paths:
                  /things/{id}:
                    get:
                      operationId: things_get
                      parameters: [{$ref: '#/components/parameters/Id'}]
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                        '400': {$ref: '#/components/responses/Bad'}
                components:
                  parameters:
                    Id: {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/UUID'}}
                    Unused: {name: x, in: query, schema: {type: string}}
                  responses:
                    Bad: {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                  schemas:
                    UUID: {type: string, format: uuid}
                    Thing:
                      type: object
                      properties:
                        node: {$ref: '#/components/schemas/Node'}
                        deep: {$ref: '#/components/schemas/Holder/properties/inner'}
                    Node:
                      oneOf: [{$ref: '#/components/schemas/Leaf'}, {$ref: '#/components/schemas/Node'}]
                      discriminator: {propertyName: type, mapping: {branch: '#/components/schemas/Branch'}}
                    Leaf: {type: object, example: {$ref: '#/components/schemas/OnlyInAnExample'}}
                    Branch: {type: object}
                    Holder: {type: object, properties: {inner: {type: string}}}
                    Error: {type: object}
                    OnlyInAnExample: {type: object}
                    ResponseInteraction: {type: object, properties: {error: {$ref: '#/components/schemas/Error'}}}
                  securitySchemes:
                    Bearer: {type: http, scheme: bearer}
                    Other: {type: http, scheme: basic}
                """);

        assertThat(ComponentClosure.prune(root)).containsExactly("parameters.Unused", "schemas.OnlyInAnExample",
                "schemas.ResponseInteraction", "securitySchemes.Other");
        assertThat(root.at("/components/schemas").fieldNames()).toIterable()
                .containsExactly("UUID", "Thing", "Node", "Leaf", "Branch", "Holder", "Error");
    }
}
