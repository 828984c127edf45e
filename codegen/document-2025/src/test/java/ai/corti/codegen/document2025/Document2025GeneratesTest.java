package ai.corti.codegen.document2025;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.reactive.CortiReactiveClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * That this module compiles is most of the check; this test adds that nothing of the 2025 document went missing on the
 * way: every operation it holds is a public method of both facades, under the accessor its tag names.
 */
class Document2025GeneratesTest {

    @Test
    void everyOperationOfTheDocumentIsAMethodOnBothFacades() throws Exception {
        JsonNode document = new YAMLMapper().readTree(Path.of(System.getProperty("corti.document")).toFile());
        List<String> operationIds = new ArrayList<>();
        document.get("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("operationId")) {
                operationIds.add(operation.get("operationId").asText());
            }
        }));
        assertThat(operationIds).hasSize(26).contains("interactions_delete", "recordings_upload", "transcripts_create",
                "facts_batch_update", "documents_update", "templates_section_list");

        for (String operationId : operationIds) {
            String tag = operationId.substring(0, operationId.indexOf('_'));
            String method = camel(operationId.substring(tag.length() + 1));
            for (Class<?> facade : List.of(CortiClient.class, CortiReactiveClient.class)) {
                Class<?> resource = facade.getMethod(tag).getReturnType();
                assertThat(Arrays.stream(resource.getMethods())
                        .filter(m -> Modifier.isPublic(m.getModifiers()))
                        .map(Method::getName))
                        .as("%s: %s.%s()", operationId, resource.getSimpleName(), method)
                        .contains(method);
            }
        }
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String word : snake.split("_")) {
            out.append(out.length() == 0 ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
        }
        return out.toString();
    }
}
