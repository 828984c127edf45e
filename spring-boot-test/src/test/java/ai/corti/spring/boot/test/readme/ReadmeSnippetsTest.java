package ai.corti.spring.boot.test.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Spring Boot" section shows the snippets this folder compiles and runs, and the properties file
 * {@code ReadmePropertiesTest} binds, exactly: a change to either must reach the other.
 */
class ReadmeSnippetsTest {

    /** Surefire runs in the module's folder; the README is at the root. */
    private static final Path ROOT = Path.of("..");

    @Test
    void theReadmeShowsTheCompiledSnippets() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Path folder = ROOT.resolve("spring-boot-test/src/test/java/ai/corti/spring/boot/test/readme");
        for (String file : List.of("ConsultationService.java", "CortiCustomization.java",
                "ConsultationServiceTest.java")) {
            List<String> snippets = snippets(Files.readString(folder.resolve(file)));
            assertThat(snippets).as("snippets marked in %s", file).isNotEmpty();
            for (String snippet : snippets) {
                assertThat(readme).as("README shows the snippet of %s:%n%s", file, snippet).contains(snippet);
            }
        }
        String properties = Files.readString(
                ROOT.resolve("spring-boot-starter/src/test/resources/readme/application.properties")).strip();
        assertThat(readme).as("README shows readme/application.properties").contains(properties);
    }

    /** The text between each {@code // README:} line and the next {@code // README: end}. */
    private static List<String> snippets(String source) {
        List<String> snippets = new ArrayList<>();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("// README:") && !line.equals("// README: end")) {
                StringBuilder snippet = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).trim().equals("// README: end"); i++) {
                    snippet.append(lines.get(i)).append('\n');
                }
                snippets.add(snippet.toString().strip());
            }
        }
        return snippets;
    }
}
