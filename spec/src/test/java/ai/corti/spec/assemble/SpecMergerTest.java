package ai.corti.spec.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.spec.normalize.SpecYaml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SpecMergerTest {

    private static ObjectNode yaml(String text) throws Exception {
        return (ObjectNode) SpecYaml.mapper().readTree(text);
    }

    private static final String OLD = """
            openapi: 3.0.0
            info: {title: Corti API, version: 2.0.0}
            servers: [{url: 'https://api.{environment}.corti.app/v2/', variables: {environment: {default: beta-eu}}}]
            paths:
              /things/:
                parameters: [{name: trace, in: header, schema: {type: string}}]
                get: {summary: old list, responses: {'200': {description: old}}}
                delete: {summary: old delete, responses: {'204': {description: gone}}}
            components:
              schemas:
                Error: {type: object, properties: {details: {type: string}}}
                Old: {type: string}
            """;

    private static final String NEW = """
            openapi: 3.0.0
            info: {title: Corti API, version: 2.1.0}
            servers: [{url: 'https://api.{environment}.corti.app/v2/', variables: {environment: {default: eu}}}]
            paths:
              /things/:
                get: {operationId: things_list, summary: new list, responses: {'200': {description: new}}}
              /new/:
                post: {operationId: new_create, responses: {'201': {description: made}}}
            components:
              schemas:
                Error: {type: object, properties: {detail: {type: string}}}
                Old: {type: string}
            """;

    @Test
    void theLaterTextWinsPerOperationAndKeepsTheOthers() throws Exception {
        SpecMerger merger = new SpecMerger();
        merger.add("01/old.json", yaml(OLD));
        merger.add("02/new.txt", yaml(NEW));
        JsonNode merged = merger.result();

        assertThat(merged.at("/paths/~1things~1/get/summary").asText()).isEqualTo("new list");
        assertThat(merged.at("/paths/~1things~1/delete/summary").asText()).isEqualTo("old delete");
        assertThat(merged.at("/paths/~1things~1/parameters/0/name").asText()).isEqualTo("trace");
        assertThat(merged.at("/paths/~1new~1/post/operationId").asText()).isEqualTo("new_create");
        assertThat(merger.operationSources()).containsEntry("GET /things/", "02/new.txt")
                .containsEntry("DELETE /things/", "01/old.json")
                .containsEntry("POST /new/", "02/new.txt");
    }

    @Test
    void theLaterTextWinsPerComponentAndADifferentTextIsReported() throws Exception {
        SpecMerger merger = new SpecMerger();
        merger.add("01/old.json", yaml(OLD));
        merger.add("02/new.txt", yaml(NEW));

        assertThat(merger.result().at("/components/schemas/Error/properties").fieldNames()).toIterable()
                .containsExactly("detail");
        assertThat(merger.conflicts()).containsExactly(
                "components.schemas.Error: 02/new.txt differs from 01/old.json (the later wins)");
    }

    @Test
    void topLevelKeysComeFromTheLaterText() throws Exception {
        SpecMerger merger = new SpecMerger();
        merger.add("01/old.json", yaml(OLD));
        merger.add("02/new.txt", yaml(NEW));

        assertThat(merger.result().at("/servers/0/variables/environment/default").asText()).isEqualTo("eu");
        assertThat(merger.result().at("/info/version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void theInputsAreNotModified() throws Exception {
        ObjectNode old = yaml(OLD);
        ObjectNode copy = old.deepCopy();
        SpecMerger merger = new SpecMerger();
        merger.add("01/old.json", old);
        ((ObjectNode) merger.result().at("/paths/~1things~1/get")).put("operationId", "things_list");

        assertThat(old).isEqualTo(copy);
    }
}
