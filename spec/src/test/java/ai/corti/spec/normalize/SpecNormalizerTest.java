package ai.corti.spec.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecNormalizerTest {

    private static final ObjectMapper YAML = SpecYaml.mapper();

    private static ObjectNode yaml(String text) throws Exception {
        return (ObjectNode) YAML.readTree(text);
    }

    private static ObjectNode document(String schemas) throws Exception {
        return yaml("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /things/:
                    get:
                      operationId: things_list
                      responses: {'200': {description: ok}}
                components:
                  schemas:
                """ + schemas.indent(4));
    }

    @Test
    void refWithTypeFormatItemsAndDescriptionBecomesAPlainRef() throws Exception {
        ObjectNode doc = document("""
                UUID: {type: string, format: uuid}
                Thing:
                  type: object
                  properties:
                    id:
                      $ref: '#/components/schemas/UUID'
                      type: string
                      format: uuid
                      description: the id
                      items: {}
                """);

        new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/components/schemas/Thing/properties/id"))
                .isEqualTo(yaml("$ref: '#/components/schemas/UUID'"));
    }

    @Test
    void nullableBesideRefBecomesAnyOfTheRefOrOnlyNull() throws Exception {
        ObjectNode doc = document("""
                Gender: {type: string, enum: [male, female]}
                Period: {type: object, properties: {start: {type: string}}}
                Patient:
                  type: object
                  properties:
                    gender:
                      $ref: '#/components/schemas/Gender'
                      description: patient gender
                      nullable: true
                    period:
                      $ref: '#/components/schemas/Period'
                      nullable: true
                """);

        new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/components/schemas/Patient/properties/gender")).isEqualTo(yaml("""
                anyOf:
                  - $ref: '#/components/schemas/Gender'
                  - {type: string, nullable: true, enum: [null]}
                description: patient gender
                """));
        // The null-only branch takes the referenced schema's type.
        assertThat(doc.at("/components/schemas/Patient/properties/period")).isEqualTo(yaml("""
                anyOf:
                  - $ref: '#/components/schemas/Period'
                  - {type: object, nullable: true, enum: [null]}
                """));
    }

    @Test
    void itemsOnANonArraySchemaIsRemovedButKeptOnArrays() throws Exception {
        ObjectNode doc = document("""
                UUID: {type: string, items: {}, format: uuid, example: f47ac10b-58cc-4372-a567-0e02b2c3d479}
                Ids: {type: array, items: {$ref: '#/components/schemas/UUID'}}
                """);

        new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/components/schemas/UUID")).isEqualTo(
                yaml("{type: string, format: uuid, example: f47ac10b-58cc-4372-a567-0e02b2c3d479}"));
        assertThat(doc.at("/components/schemas/Ids")).isEqualTo(
                yaml("{type: array, items: {$ref: '#/components/schemas/UUID'}}"));
    }

    @Test
    void inlineQueryEnumIsLiftedIntoANamedComponent() throws Exception {
        ObjectNode doc = yaml("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /things/:
                    get:
                      operationId: things_list
                      parameters:
                        - name: sort
                          in: query
                          schema: {type: string, default: createdAt, enum: [id, createdAt]}
                      responses: {'200': {description: ok}}
                """);

        new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/paths/~1things~1/get/parameters/0/schema"))
                .isEqualTo(yaml("$ref: '#/components/schemas/ThingsListSortEnum'"));
        assertThat(doc.at("/components/schemas/ThingsListSortEnum"))
                .isEqualTo(yaml("{type: string, default: createdAt, enum: [id, createdAt]}"));
    }

    @Test
    void examplesAndExtensionsAreNotRewritten() throws Exception {
        ObjectNode doc = document("""
                Thing:
                  type: string
                  example: {$ref: not-a-schema, type: object, items: {}}
                  x-vendor: {type: string, items: {}}
                """);
        JsonNode before = doc.deepCopy();

        new SpecNormalizer().normalize(doc);

        assertThat(doc).isEqualTo(before);
    }

    @Test
    void aNameClashWhenLiftingAnEnumFailsClearly() throws Exception {
        ObjectNode doc = yaml("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /things/:
                    get:
                      operationId: things_list
                      parameters:
                        - {name: sort, in: query, schema: {type: string, enum: [a]}}
                      responses: {'200': {description: ok}}
                components:
                  schemas:
                    ThingsListSortEnum: {type: string, enum: [b]}
                """);

        assertThatThrownBy(() -> new SpecNormalizer().normalize(doc))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("ThingsListSortEnum")
                .hasMessageContaining("parameters[0]");
    }

    @Test
    void pascalAndSnakeCaseOfNames() {
        assertThat(SpecTree.pascal("interactions_list")).isEqualTo("InteractionsList");
        assertThat(SpecTree.pascal("encounter-status")).isEqualTo("EncounterStatus");
        assertThat(SpecTree.pascal("sort")).isEqualTo("Sort");
        assertThat(SpecTree.snake("GuidedDocuments")).isEqualTo("guided_documents");
        assertThat(SpecTree.snake("Facts")).isEqualTo("facts");
    }

    @Test
    void inlineEnumsOfArrayQueryParametersAndComponentParametersAreLiftedToo() throws Exception {
        ObjectNode doc = yaml("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /things/:
                    get:
                      operationId: things_list
                      parameters:
                        - {$ref: '#/components/parameters/Order'}
                        - name: status
                          in: query
                          schema: {type: array, items: {type: string, enum: [open, closed]}}
                        - name: X-Mode
                          in: header
                          schema: {type: string, enum: [none]}
                      responses: {'200': {description: ok}}
                components:
                  parameters:
                    Order: {name: order, in: query, schema: {type: string, enum: [asc, desc]}}
                """);

        new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/paths/~1things~1/get/parameters/1/schema"))
                .isEqualTo(yaml("{type: array, items: {$ref: '#/components/schemas/ThingsListStatusEnum'}}"));
        assertThat(doc.at("/components/schemas/ThingsListStatusEnum")).isEqualTo(yaml("{type: string, enum: [open, closed]}"));
        assertThat(doc.at("/components/parameters/Order/schema")).isEqualTo(yaml("$ref: '#/components/schemas/OrderEnum'"));
        assertThat(doc.at("/components/schemas/OrderEnum")).isEqualTo(yaml("{type: string, enum: [asc, desc]}"));
        // Only query parameters: a header's enum stays where it is.
        assertThat(doc.at("/paths/~1things~1/get/parameters/2/schema")).isEqualTo(yaml("{type: string, enum: [none]}"));
    }

    @Test
    void discriminatorMappingValuesWrittenAsObjectsBecomeReferenceStrings() throws Exception {
        ObjectNode doc = document("""
                Text: {type: object, properties: {type: {type: string}}}
                Facts: {type: object, properties: {type: {type: string}}}
                Context:
                  oneOf: [{$ref: '#/components/schemas/Text'}, {$ref: '#/components/schemas/Facts'}]
                  discriminator:
                    propertyName: type
                    mapping:
                      text: {$ref: '#/components/schemas/Text'}
                      facts: '#/components/schemas/Facts'
                """);

        List<String> changes = new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/components/schemas/Context/discriminator")).isEqualTo(yaml("""
                propertyName: type
                mapping: {text: '#/components/schemas/Text', facts: '#/components/schemas/Facts'}
                """));
        assertThat(changes).contains("components.schemas.Context.discriminator.mapping: values [text] written as {$ref} "
                + "-> reference strings");
    }

    @Test
    void multiLineStringDefaultsMoveToAnExtensionAndOneLineDefaultsStay() throws Exception {
        ObjectNode doc = document("""
                Node:
                  type: object
                  properties:
                    itemFormat: {type: string, default: "- {item}\\n", example: "- {item}\\n"}
                    sort: {type: string, default: createdAt}
                    default: {type: string, nullable: true}
                """);

        new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/components/schemas/Node/properties/itemFormat"))
                .isEqualTo(yaml("{type: string, example: \"- {item}\\n\", x-corti-default: \"- {item}\\n\"}"));
        assertThat(doc.at("/components/schemas/Node/properties/sort")).isEqualTo(yaml("{type: string, default: createdAt}"));
        assertThat(doc.at("/components/schemas/Node/properties/default")).isEqualTo(yaml("{type: string, nullable: true}"));
    }

    @Test
    void binaryBodiesUnderATextMediaTypeBecomeOctetStreams() throws Exception {
        ObjectNode doc = yaml("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /audio:
                    get:
                      operationId: audio_get
                      responses:
                        '200':
                          description: the audio
                          content:
                            text/plain: {schema: {type: string, format: binary}}
                            audio/wav: {schema: {type: string, format: binary}}
                        '404':
                          description: problem
                          content:
                            application/problem+json: {schema: {type: object}}
                    post:
                      operationId: audio_upload
                      requestBody:
                        content:
                          application/octet-stream: {schema: {type: string, format: binary, title: Recording}}
                      responses:
                        '200':
                          description: echo
                          content:
                            application/octet-stream: {schema: {type: string, format: binary}}
                """);
        JsonNode uploadBefore = doc.at("/paths/~1audio/post").deepCopy();

        List<String> changes = new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/paths/~1audio/get/responses/200")).isEqualTo(yaml("""
                description: the audio
                content:
                  application/octet-stream: {schema: {type: string, format: binary}}
                """));
        assertThat(doc.at("/paths/~1audio/get/responses/404/content/application~1problem+json")).isNotNull()
                .isEqualTo(yaml("{schema: {type: object}}"));
        assertThat(doc.at("/paths/~1audio/post")).isEqualTo(uploadBefore);
        assertThat(changes).containsOnlyOnce("paths./audio.get.responses.200.content: binary body declared as "
                + "[text/plain, audio/wav] -> application/octet-stream");
    }

    @Test
    void tagsBecomeOnePascalCaseResourceNameAndThePublishedTagIsKept() throws Exception {
        ObjectNode doc = yaml("""
                openapi: 3.0.0
                info: {title: t, version: '1'}
                tags:
                  - {name: Guided Documents, description: Structured documents}
                  - {name: Languages}
                paths:
                  /documents/:
                    post: {operationId: guided_documents_generate, tags: [Guided Documents], responses: {}}
                  /interactions/{id}/documents/:
                    get: {operationId: documents_list, tags: [Documents (Classic)], responses: {}}
                    post: {operationId: documents_create, tags: [documents, extra], responses: {}}
                """);

        new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/paths/~1documents~1/post/tags")).isEqualTo(YAML.readTree("[GuidedDocuments]"));
        assertThat(doc.at("/paths/~1documents~1/post/x-corti-published-tag").asText()).isEqualTo("Guided Documents");
        assertThat(doc.at("/paths/~1interactions~1{id}~1documents~1/get/tags")).isEqualTo(YAML.readTree("[Documents]"));
        assertThat(doc.at("/paths/~1interactions~1{id}~1documents~1/get/x-corti-published-tag").asText())
                .isEqualTo("Documents (Classic)");
        assertThat(doc.at("/paths/~1interactions~1{id}~1documents~1/post/tags")).isEqualTo(YAML.readTree("[Documents]"));
        assertThat(doc.get("tags")).isEqualTo(YAML.readTree("""
                - {name: GuidedDocuments, description: Structured documents}
                - {name: Documents}
                """));
        new SpecValidator().validateNormalised("test.yaml", doc);
    }
}
