package ai.corti.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The document on the classpath is the normalised one, and has none of the published quirks left. */
class PackagedSpecTest {

    private static JsonNode spec;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = CortiSpec.open()) {
            spec = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void noRefCarriesSiblingsExceptTheNullableWrapper() {
        List<String> offenders = new ArrayList<>();
        walk(spec, "", (node, where) -> {
            if (node.has("$ref") && node.size() > 1) {
                offenders.add(where);
            }
        });
        assertThat(offenders).isEmpty();
    }

    @Test
    void noNonArraySchemaHasItems() {
        List<String> offenders = new ArrayList<>();
        walk(spec, "", (node, where) -> {
            if (node.has("items") && node.has("type") && !node.get("type").asText().equals("array")) {
                offenders.add(where);
            }
        });
        assertThat(offenders).isEmpty();
        assertThat(spec.at("/components/schemas/UUID/format").asText()).isEqualTo("uuid");
    }

    @Test
    void patientGenderStaysNullable() {
        JsonNode gender = spec.at("/components/schemas/InteractionsPatient/properties/gender");
        assertThat(gender.get("nullable").asBoolean()).isTrue();
        assertThat(gender.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/InteractionsGenderEnum");
    }

    @Test
    void allFourOperationsArePresentWithThePublishedPaths() {
        List<String> operations = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                op -> operations.add(op.getKey().toUpperCase() + " " + path.getKey() + " "
                        + op.getValue().get("operationId").asText())));
        assertThat(operations).containsExactlyInAnyOrder(
                "GET /interactions/ interactions_list",
                "POST /interactions/ interactions_create",
                "GET /interactions/{id} interactions_get",
                "PATCH /interactions/{id} interactions_update");
        assertThat(spec.at("/servers/0/url").asText()).isEqualTo("https://api.{environment}.corti.app/v2/");
    }

    @Test
    void sortValuesAreLiftedIntoANamedEnum() {
        assertThat(spec.at("/components/schemas/InteractionsListSortEnum/enum"))
                .extracting(JsonNode::asText)
                .containsExactly("id", "assignedUserId", "patient", "createdAt", "endedAt", "updatedAt");
    }

    @Test
    void getHasTheReconstructedResponses() {
        JsonNode get = spec.at("/paths/~1interactions~1{id}/get");
        assertThat(get.get("responses").fieldNames()).toIterable().containsExactly("200", "403", "404", "504");
        assertThat(get.at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/InteractionsGetResponse");
    }

    private interface Visitor {
        void visit(JsonNode node, String where);
    }

    private static void walk(JsonNode node, String where, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(node, where);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("example")) {
                    walk(field.getValue(), where + "/" + field.getKey(), visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visitor);
            }
        }
    }
}
