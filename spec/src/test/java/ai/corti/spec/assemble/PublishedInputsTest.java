package ai.corti.spec.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.spec.normalize.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedInputsTest {

    private static final String PAGE = """
            # source: https://docs.corti.ai/api-reference/things/get-thing.md
            > ## Documentation Index

            # Get Thing

            ```bash
            curl https://api.eu.corti.app/v2/things/
            ```

            ## OpenAPI

            ````yaml /api-reference/auto-generated-openapi.yml get /things/
            openapi: 3.0.0
            info: {title: Corti API, version: 2.0.0}
            paths:
              /things/:
                get: {operationId: things_get, responses: {'200': {description: ok}}}
            ````

            Built with Mintlify.
            """;

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void inputsAreOrderedNameByNameFoldersAndFilesAlike(@TempDir Path dir) throws Exception {
        write(dir.resolve("02-pages/b.txt"), PAGE);
        write(dir.resolve("02-pages/a.md"), PAGE);
        write(dir.resolve("01-document/spec.json"), "{}");
        write(dir.resolve("01-document-b/spec.yaml"), "openapi: 3.0.0");
        write(dir.resolve("10-later.yml"), "openapi: 3.0.0");
        write(dir.resolve(".hidden/notes.txt"), "not an input");
        write(dir.resolve("02-pages/.DS_Store"), "not an input");

        assertThat(PublishedInputs.list(dir)).extracting(Path::toString).containsExactly(
                "01-document/spec.json", "01-document-b/spec.yaml", "02-pages/a.md", "02-pages/b.txt", "10-later.yml");
    }

    @Test
    void oneFileCanBeTheWholeInput(@TempDir Path dir) throws Exception {
        write(dir.resolve("swagger-spec.json"), "{}");

        assertThat(PublishedInputs.list(dir.resolve("swagger-spec.json"))).extracting(Path::toString)
                .containsExactly("swagger-spec.json");
    }

    @Test
    void aFileTheBuildCannotReadIsNamed(@TempDir Path dir) throws Exception {
        write(dir.resolve("01-document/spec.json"), "{}");
        write(dir.resolve("01-document/notes.docx"), "?");

        assertThatThrownBy(() -> PublishedInputs.list(dir))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("notes.docx")
                .hasMessageContaining("reference page (.txt, .md)");
    }

    @Test
    void anEmptyFolderIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> PublishedInputs.list(dir)).hasMessageContaining("no published document or page found");
    }

    @Test
    void aReferencePageYieldsItsOpenApiBlock(@TempDir Path dir) throws Exception {
        write(dir.resolve("things_get.txt"), PAGE);

        assertThat(PublishedInputs.read(dir.resolve("things_get.txt"), "things_get.txt")
                .at("/paths/~1things~1/get/operationId").asText()).isEqualTo("things_get");
    }

    @Test
    void aPageWithoutAnOpenApiBlockIsAnError(@TempDir Path dir) throws Exception {
        write(dir.resolve("001_curl.txt"), "PATCH\n/\ninteractions\n```bash\ncurl -X PATCH\n```\n");

        assertThatThrownBy(() -> PublishedInputs.read(dir.resolve("001_curl.txt"), "03-seeds/001_curl.txt"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("03-seeds/001_curl.txt")
                .hasMessageContaining("no ```yaml block holding an OpenAPI document");
    }

    @Test
    void brokenYamlInAPageIsReportedAtItsLineInThePage(@TempDir Path dir) throws Exception {
        write(dir.resolve("bad.txt"), "intro\n````yaml\nopenapi: 3.0.0\npaths: [unclosed\n````\n");

        assertThatThrownBy(() -> PublishedInputs.read(dir.resolve("bad.txt"), "bad.txt"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("bad.txt")
                .hasMessageContaining("not valid YAML")
                .hasMessageMatching("(?s).*at line [45],.*");
    }

    @Test
    void anUnclosedFenceIsAnError(@TempDir Path dir) throws Exception {
        write(dir.resolve("cut.txt"), "intro\n````yaml\nopenapi: 3.0.0\n");

        assertThatThrownBy(() -> PublishedInputs.read(dir.resolve("cut.txt"), "cut.txt"))
                .hasMessageContaining("line 2: the ````yaml block is never closed");
    }

    @Test
    void aDocumentWithoutOpenApiKeyIsRefused(@TempDir Path dir) throws Exception {
        write(dir.resolve("other.yaml"), "asyncapi: 3.0.0\n");

        assertThatThrownBy(() -> PublishedInputs.read(dir.resolve("other.yaml"), "other.yaml"))
                .hasMessageContaining("other.yaml")
                .hasMessageContaining("not an OpenAPI document");
    }
}
