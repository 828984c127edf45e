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
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation in the packaged spec has a method on both facades (and on their raw-response views, except
 * downloads, whose stream has no value to wrap). When a newer spec brings an operation, the build generates its
 * methods; this test fails, naming the operation, if it ever does not.
 *
 * <p>Convention: the operation's tag is the resource, its operationId without the tag's snake-case prefix the
 * method, both in camelCase: {@code guided_documents_generate} under {@code GuidedDocuments} is
 * {@code client.guidedDocuments().generate(..)}.
 */
class SpecCoverageTest {

    private static final List<Class<?>> FACADES = List.of(CortiClient.class, CortiReactiveClient.class);

    /** One operation: its id and its tag. */
    record Operation(String operationId, String tag) {
        String accessor() {
            return Character.toLowerCase(tag.charAt(0)) + tag.substring(1);
        }

        String method() {
            return camel(operationId.substring(snake(tag).length() + 1));
        }
    }

    @Test
    void everyOperationHasAMethodOnBothFacades() throws Exception {
        List<Operation> operations = operations();

        assertThat(operations).extracting(Operation::operationId).contains("interactions_create", "interactions_get",
                "interactions_list", "interactions_update", "recordings_upload", "transcripts_get_status",
                "guided_documents_generate", "codes_predict");
        assertThat(operations).as("the assembled spec's operations").hasSizeGreaterThanOrEqualTo(31);
        assertThat(missing(operations)).as("operations in the spec without a facade method").isEmpty();
    }

    @Test
    void anOperationWithoutAMethodIsNamed() {
        assertThat(missing(List.of(new Operation("interactions_archive", "Interactions"),
                new Operation("billing_list", "Billing"), new Operation("interactions_get", "Interactions"))))
                .containsExactly(
                        "interactions_archive: CortiClient.interactions().archive(..) is missing",
                        "interactions_archive: CortiReactiveClient.interactions().archive(..) is missing",
                        "billing_list: CortiClient.billing() is missing",
                        "billing_list: CortiReactiveClient.billing() is missing");
    }

    static List<Operation> operations() throws Exception {
        JsonNode spec;
        try (InputStream in = CortiSpec.open()) {
            spec = new YAMLMapper().readTree(in);
        }
        List<Operation> operations = new ArrayList<>();
        for (Iterator<String> paths = spec.get("paths").fieldNames(); paths.hasNext(); ) {
            JsonNode path = spec.get("paths").get(paths.next());
            for (Iterator<String> methods = path.fieldNames(); methods.hasNext(); ) {
                JsonNode operation = path.get(methods.next());
                if (operation.has("operationId")) {
                    operations.add(new Operation(operation.get("operationId").asText(), operation.at("/tags/0").asText()));
                }
            }
        }
        return operations;
    }

    static List<String> missing(List<Operation> operations) {
        List<String> missing = new ArrayList<>();
        for (Operation op : operations) {
            for (Class<?> facade : FACADES) {
                Method accessor = publicMethod(facade, op.accessor());
                if (accessor == null) {
                    missing.add(op.operationId() + ": " + facade.getSimpleName() + "." + op.accessor() + "() is missing");
                } else if (publicMethod(accessor.getReturnType(), op.method()) == null) {
                    missing.add(op.operationId() + ": " + facade.getSimpleName() + "." + op.accessor() + "()."
                            + op.method() + "(..) is missing");
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

    private static String snake(String pascal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
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
