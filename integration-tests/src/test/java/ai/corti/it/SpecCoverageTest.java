package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.spec.CortiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation in the packaged spec has a method on both facades. When a regenerated spec brings a
 * new operation, this fails and names it, instead of the SDK silently lacking it.
 *
 * <p>Convention: operationId {@code <resource>_<verb>} maps to {@code client.<resource>().<verb>(..)},
 * both in camelCase (e.g. {@code interactions_create} to {@code interactions().create(..)}).
 */
class SpecCoverageTest {

    private static final List<Class<?>> FACADES = List.of(CortiClient.class, CortiReactiveClient.class);

    @Test
    void everyOperationIdHasAMethodOnBothFacades() throws Exception {
        List<String> operationIds = operationIds();

        assertThat(operationIds).contains("interactions_create", "interactions_get", "interactions_list",
                "interactions_update");
        assertThat(missing(operationIds)).as("operations in the spec without a facade method").isEmpty();
    }

    @Test
    void anOperationWithoutAMethodIsNamed() {
        assertThat(missing(List.of("interactions_archive", "recordings_list", "interactions_get")))
                .containsExactly(
                        "interactions_archive: CortiClient.interactions().archive(..) is missing",
                        "interactions_archive: CortiReactiveClient.interactions().archive(..) is missing",
                        "recordings_list: CortiClient.recordings() is missing",
                        "recordings_list: CortiReactiveClient.recordings() is missing");
    }

    static List<String> operationIds() throws Exception {
        JsonNode spec;
        try (InputStream in = CortiSpec.open()) {
            spec = new YAMLMapper().readTree(in);
        }
        List<String> ids = new ArrayList<>();
        // Iterating an object node walks its values; properties() would need Jackson 2.15 (see compat-floor).
        for (JsonNode pathItem : spec.get("paths")) {
            for (JsonNode operation : pathItem) {
                JsonNode id = operation.get("operationId");
                if (id != null) {
                    ids.add(id.asText());
                }
            }
        }
        return ids;
    }

    static List<String> missing(List<String> operationIds) {
        List<String> missing = new ArrayList<>();
        for (String operationId : operationIds) {
            int split = operationId.indexOf('_');
            String resource = camel(operationId.substring(0, split));
            String verb = camel(operationId.substring(split + 1));
            for (Class<?> facade : FACADES) {
                Method accessor = publicMethod(facade, resource);
                if (accessor == null) {
                    missing.add(operationId + ": " + facade.getSimpleName() + "." + resource + "() is missing");
                } else if (publicMethod(accessor.getReturnType(), verb) == null) {
                    missing.add(operationId + ": " + facade.getSimpleName() + "." + resource + "()." + verb
                            + "(..) is missing");
                }
            }
        }
        return missing;
    }

    private static Method publicMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
                .findFirst().orElse(null);
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return out.toString();
    }
}
