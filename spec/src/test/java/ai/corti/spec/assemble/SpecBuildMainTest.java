package ai.corti.spec.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.spec.normalize.InvalidSpecException;
import ai.corti.spec.normalize.SpecYaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecBuildMainTest {

    private static final String OVERLAY = """
            operationIds:
              /things/:
                get: things_list
            exclude: [/private/*]
            """;

    @Test
    void assemblesAFolderIntoOneNormalisedDocumentAndAReport(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("in/01-old"));
        Files.createDirectories(dir.resolve("in/02-new"));
        Files.writeString(dir.resolve("in/01-old/doc.json"), """
                {"openapi": "3.0.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/things/": {"get": {"tags": ["things"], "responses": {"200": {"description": "ok",
                             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Old"}}}}}}},
                           "/private/v2/x/": {"get": {"tags": ["x"], "responses": {"200": {"description": "ok"}}}}},
                 "components": {"schemas": {"Old": {"type": "object"}, "Unused": {"type": "string"}}}}
                """);
        Files.writeString(dir.resolve("in/02-new/things_get.txt"), """
                # Get thing
                ````yaml /api-reference/auto-generated-openapi.yml get /things/{id}
                openapi: 3.0.0
                info: {title: t, version: '2'}
                paths:
                  /things/{id}:
                    get:
                      operationId: things_get
                      tags: [Things]
                      responses: {'200': {description: ok, content: {text/plain: {schema: {type: string, format: binary}}}}}
                ````
                """);
        Files.writeString(dir.resolve("overlay.yaml"), OVERLAY);

        SpecBuildMain.main(new String[] {dir.resolve("in").toString(), dir.resolve("overlay.yaml").toString(),
                dir.resolve("out/corti.yaml").toString(), dir.resolve("report.txt").toString()});

        JsonNode out = SpecYaml.mapper().readTree(dir.resolve("out/corti.yaml").toFile());
        assertThat(out.get("paths").fieldNames()).toIterable().containsExactly("/things/", "/things/{id}");
        assertThat(out.at("/paths/~1things~1/get/operationId").asText()).isEqualTo("things_list");
        assertThat(out.at("/paths/~1things~1/get/tags/0").asText()).isEqualTo("Things");
        assertThat(out.at("/paths/~1things~1{id}/get/responses/200/content").fieldNames()).toIterable()
                .containsExactly("application/octet-stream");
        assertThat(out.at("/components/schemas").fieldNames()).toIterable().containsExactly("Old");
        assertThat(out.at("/info/version").asText()).isEqualTo("2");
        assertThat(Files.readAllLines(dir.resolve("report.txt"))).contains(
                "  things_list (GET /things/): 01-old/doc.json",
                "  things_get (GET /things/{id}): 02-new/things_get.txt",
                "  schemas.Unused");
    }

    @Test
    void brokenYamlFailsTheBuildWithItsPositionAndWritesNothing(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("bad.yaml");
        Files.writeString(source, "openapi: 3.0.0\npaths: [unclosed\n");
        Files.writeString(dir.resolve("overlay.yaml"), OVERLAY);

        assertThatThrownBy(() -> SpecBuildMain.build(source, dir.resolve("overlay.yaml"), dir.resolve("out.yaml")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("line");
        assertThat(dir.resolve("out.yaml")).doesNotExist();
    }

    @Test
    void anOperationIdThatDoesNotMatchItsTagFailsTheBuildNamingIt(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("doc.yaml");
        Files.writeString(source, """
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /documents/:
                    post: {operationId: documents_generate, tags: [Guided Documents], responses: {}}
                """);
        Files.writeString(dir.resolve("overlay.yaml"), OVERLAY);

        assertThatThrownBy(() -> SpecBuildMain.build(source, dir.resolve("overlay.yaml"), dir.resolve("out.yaml")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("paths./documents/.post: operationId 'documents_generate' does not start with "
                        + "'guided_documents_'");
        assertThat(dir.resolve("out.yaml")).doesNotExist();
    }
}
