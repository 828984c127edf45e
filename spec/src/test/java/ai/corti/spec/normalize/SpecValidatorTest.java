package ai.corti.spec.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecValidatorTest {

    private static JsonNode yaml(String text) throws Exception {
        return SpecNormalizerMain.yamlMapper().readTree(text);
    }

    @Test
    void everyProblemIsListedWithItsLocation() throws Exception {
        JsonNode doc = yaml("""
                openapi: 3.1.0
                paths:
                  /a:
                    get:
                      responses: {'200': {$ref: '#/components/responses/Missing'}}
                  /b:
                    post: {operationId: dup, responses: {}}
                    put: {operationId: dup, responses: {}}
                """);

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> new SpecValidator().validate("test.yaml", doc));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "openapi: expected an OpenAPI 3.0.x document, found '3.1.0'",
                "info: missing",
                "paths./a.get: missing operationId",
                "paths./b.put: operationId 'dup' already used by paths./b.post",
                "paths./a.get.responses.200: $ref '#/components/responses/Missing' points to nothing");
        assertThat(e).hasMessageStartingWith("Invalid OpenAPI document test.yaml:");
    }

    @Test
    void externalRefsAreRejected() throws Exception {
        JsonNode doc = yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /a:
                    get:
                      operationId: a
                      responses: {'200': {$ref: 'other.yaml#/x'}}
                """);

        assertThatThrownBy(() -> new SpecValidator().validate("test.yaml", doc))
                .hasMessageContaining("$ref 'other.yaml#/x' is not a local reference");
    }

    @Test
    void brokenYamlFailsTheBuildStepWithItsPosition(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("bad.yaml");
        Files.writeString(source, "openapi: 3.0.0\npaths: [unclosed\n");

        assertThatThrownBy(() -> SpecNormalizerMain.normalizeFile(source, dir.resolve("out.yaml")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("line");
        assertThat(dir.resolve("out.yaml")).doesNotExist();
    }
}
