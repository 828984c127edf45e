package ai.corti.spec.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SpecNormalizerTest {

    private static final ObjectMapper YAML = SpecNormalizerMain.yamlMapper();

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
    void nullableBesideRefIsKeptAsAllOfWithNullable() throws Exception {
        ObjectNode doc = document("""
                Gender: {type: string, enum: [male, female]}
                Patient:
                  type: object
                  properties:
                    gender:
                      $ref: '#/components/schemas/Gender'
                      description: patient gender
                      nullable: true
                """);

        new SpecNormalizer().normalize(doc);

        assertThat(doc.at("/components/schemas/Patient/properties/gender")).isEqualTo(yaml("""
                allOf:
                  - $ref: '#/components/schemas/Gender'
                nullable: true
                description: patient gender
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
    void pascalCaseOfOperationAndParameterNames() {
        assertThat(SpecNormalizer.pascal("interactions_list")).isEqualTo("InteractionsList");
        assertThat(SpecNormalizer.pascal("encounter-status")).isEqualTo("EncounterStatus");
        assertThat(SpecNormalizer.pascal("sort")).isEqualTo("Sort");
    }
}
