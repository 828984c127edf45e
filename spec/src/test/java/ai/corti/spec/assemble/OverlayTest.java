package ai.corti.spec.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.corti.spec.normalize.InvalidSpecException;
import ai.corti.spec.normalize.SpecYaml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayTest {

    private static JsonNode yaml(String text) throws Exception {
        return SpecYaml.mapper().readTree(text);
    }

    private static final String DOCUMENT = """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            paths:
              /interactions/{id}:
                get: {operationId: interactions_get, responses: {}}
                delete: {responses: {}}
              /interactions/{id}/codes/:
                get: {responses: {}}
              /interactions/{id}/codes/{codeId}:
                get: {responses: {}}
              /private/v2/align/:
                post: {responses: {}}
              /swagger/:
                get: {responses: {}}
            """;

    @Test
    void excludedPathsGoAndMissingOperationIdsAreSupplied() throws Exception {
        Overlay overlay = Overlay.parse(yaml("""
                operationIds:
                  /interactions/{id}:
                    get: interactions_fetch
                    delete: interactions_delete
                  /not/there/:
                    get: nothing_get
                exclude:
                  - /private/*
                  - /swagger/
                  - /interactions/{id}/codes/
                """), "overlay.yaml");
        ObjectNode root = (ObjectNode) yaml(DOCUMENT);

        List<String> report = overlay.apply(root);

        assertThat(root.get("paths").fieldNames()).toIterable()
                .containsExactly("/interactions/{id}", "/interactions/{id}/codes/{codeId}");
        assertThat(root.at("/paths/~1interactions~1{id}/delete/operationId").asText()).isEqualTo("interactions_delete");
        assertThat(root.at("/paths/~1interactions~1{id}/get/operationId").asText()).isEqualTo("interactions_get");
        assertThat(report).containsExactly(
                "left out 3 paths that are not public API: [/interactions/{id}/codes/, /private/v2/align/, /swagger/]",
                "GET /interactions/{id}: the published operationId 'interactions_get' is kept, the overlay's "
                        + "'interactions_fetch' is not used",
                "supplied 1 operationIds: [interactions_delete]");
    }

    @Test
    void everyMistakeInTheOverlayIsListed() throws Exception {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> Overlay.parse(yaml("""
                operationIds:
                  /a/:
                    fetch: a_get
                    get: {id: a_get}
                  b/: {get: b_get}
                exclude: [/ok/, private/*, 3]
                excludes: []
                """), "corti-overlay.yaml"));

        assertThat(e.getMessage()).startsWith("Invalid OpenAPI document corti-overlay.yaml:");
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "excludes: unknown key (expected one of [operationIds, exclude])",
                "operationIds./a/.fetch: not an HTTP method",
                "operationIds./a/.get: expected an operationId",
                "operationIds.b/: expected a path mapping methods to operationIds",
                "exclude[1]: expected a path starting with '/'",
                "exclude[2]: expected a path starting with '/'");
    }
}
