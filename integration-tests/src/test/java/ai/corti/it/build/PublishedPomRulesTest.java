package ai.corti.it.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The checks on what gets published can fail. The build itself shows that the real POMs pass the rules in
 * {@code .mvn/published-pom-rules.xml}; here copies of the real parent and BOM with one required element cut
 * out are built by a nested Maven (offline, {@code validate} only), and each must fail naming what is missing,
 * while an unchanged copy in the same place passes. One nested build runs them all, to pay Maven's start once.
 *
 * <p>Also checked without Maven: the BOM lists every published module, and pins the same enforcer version
 * as the parent (the BOM has no parent to inherit it from).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PublishedPomRulesTest {

    /** Nested Maven normally takes a few seconds; this is a deadline for a stuck one, not an expectation. */
    private static final long MAVEN_DEADLINE_SECONDS = 150;

    private static Path root;
    private static Map<String, String> failures;
    private static String mavenOutput;

    @BeforeAll
    static void buildBrokenCopies() throws Exception {
        root = Path.of(System.getProperty("corti.root", "..")).toAbsolutePath().normalize();
        Path work = Path.of("target", "published-pom-rules").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);

        String parent = read(root.resolve("pom.xml"));
        String bom = read(root.resolve("bom/pom.xml"));
        // The copies are built alone: no modules, and each its own artifactId so one reactor can hold them all.
        Map<String, String> copies = new LinkedHashMap<>();
        copies.put("parent-intact", parent);
        copies.put("parent-no-licenses", cut(parent, "licenses"));
        copies.put("parent-no-scm", cut(parent, "scm"));
        copies.put("parent-no-developers", cut(parent, "developers"));
        copies.put("parent-no-url", cutProjectUrl(parent));
        copies.put("bom-intact", bom);
        copies.put("bom-no-licenses", cut(bom, "licenses"));

        StringBuilder modules = new StringBuilder();
        for (Map.Entry<String, String> copy : copies.entrySet()) {
            String pom = renameArtifact(cutIfPresent(copy.getValue(), "modules"), copy.getKey());
            Files.createDirectories(work.resolve(copy.getKey()));
            Files.writeString(work.resolve(copy.getKey()).resolve("pom.xml"), pom, StandardCharsets.UTF_8);
            modules.append("    <module>").append(copy.getKey()).append("</module>\n");
        }
        Files.writeString(work.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>ai.corti.it</groupId>
                  <artifactId>published-pom-rules</artifactId>
                  <version>0</version>
                  <packaging>pom</packaging>
                  <modules>
                %s  </modules>
                </project>
                """.formatted(modules), StandardCharsets.UTF_8);

        mavenOutput = runMaven(work);
        failures = failedProjects(mavenOutput);
    }

    @Test
    void unchangedCopiesPassSoAFailureBelowIsTheCutElement() {
        assertThat(failures).as("nested Maven output:%n%s", mavenOutput)
                .doesNotContainKeys("parent-intact", "bom-intact");
        assertThat(mavenOutput).as("the reactor summary").containsPattern("copy parent-intact [^\\n]* SUCCESS")
                .containsPattern("copy bom-intact [^\\n]* SUCCESS");
    }

    @Test
    void aParentWithoutLicenceFails() {
        assertThat(failures.get("parent-no-licenses")).as(mavenOutput).contains("needs a licence");
    }

    @Test
    void aParentWithoutScmFails() {
        assertThat(failures.get("parent-no-scm")).as(mavenOutput).contains("needs an scm url");
    }

    @Test
    void aParentWithoutDevelopersFails() {
        assertThat(failures.get("parent-no-developers")).as(mavenOutput).contains("needs a developer");
    }

    @Test
    void aParentWithoutProjectUrlFails() {
        assertThat(failures.get("parent-no-url")).as(mavenOutput).contains("needs a project url");
    }

    @Test
    void aBomWithoutLicenceFails() {
        assertThat(failures.get("bom-no-licenses")).as(mavenOutput).contains("needs a licence");
    }

    @Test
    void theBomListsEveryPublishedModule() throws Exception {
        List<String> published = new ArrayList<>();
        for (String module : texts(parse(root.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
            Element pom = parse(root.resolve(module).resolve("pom.xml")).getDocumentElement();
            String packaging = text(pom, "packaging");
            boolean skipped = "true".equals(text(element(pom, "properties"), "corti.publish.skip"));
            if (!skipped && !"bom".equals(module) && !"pom".equals(packaging)) {
                published.add(text(pom, "artifactId"));
            }
        }
        Element bom = parse(root.resolve("bom/pom.xml")).getDocumentElement();
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            managed.add(text((Element) dependencies.item(i), "artifactId"));
        }

        assertThat(published).contains("corti-client-core", "corti-client-blocking", "corti-emulator");
        assertThat(managed).as("the BOM's entries").containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void theBomPinsTheParentsEnforcerVersion() throws Exception {
        String property = "maven-enforcer-plugin.version";
        String parents = text(element(parse(root.resolve("pom.xml")).getDocumentElement(), "properties"), property);
        String boms = text(element(parse(root.resolve("bom/pom.xml")).getDocumentElement(), "properties"), property);

        assertThat(parents).isNotBlank();
        assertThat(boms).as("bom/pom.xml " + property).isEqualTo(parents);
    }

    // --- nested Maven -------------------------------------------------------------------------------------

    private static String runMaven(Path work) throws IOException, InterruptedException {
        String mavenHome = System.getProperty("maven.home");
        assertThat(mavenHome).as("system property maven.home (set by the surefire configuration)").isNotBlank();
        Path log = work.resolve("maven.log");
        // Offline: the outer build has already resolved the enforcer plugin, and this must not touch the network.
        Process maven = new ProcessBuilder(Path.of(mavenHome, "bin", "mvn").toString(),
                "-B", "-o", "--fail-at-end", "-f", work.resolve("pom.xml").toString(), "validate")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!maven.waitFor(MAVEN_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            maven.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("nested Maven did not finish in " + MAVEN_DEADLINE_SECONDS + " s:\n" + read(log));
        }
        return read(log);
    }

    /** Maps each failed project's artifactId to the text of its failure, from "Failed to execute goal ... on project X". */
    private static Map<String, String> failedProjects(String output) {
        Map<String, String> failed = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("Failed to execute goal .*? on project ([\\w.-]+):(.*?)(?=\\[ERROR] Failed to execute goal|\\z)",
                Pattern.DOTALL).matcher(output);
        while (matcher.find()) {
            failed.put(matcher.group(1), matcher.group(2));
        }
        return failed;
    }

    // --- POM text ----------------------------------------------------------------------------------------

    /** Removes the first element with this name and its content (the top-level one in our POMs). */
    private static String cut(String pom, String element) {
        String cutPom = cutIfPresent(pom, element);
        if (cutPom.equals(pom)) {
            throw new IllegalArgumentException("no <" + element + "> to cut");
        }
        return cutPom;
    }

    private static String cutIfPresent(String pom, String element) {
        Matcher matcher = Pattern.compile("\\n\\s*<" + element + "(\\s[^>]*)?>.*?</" + element + ">", Pattern.DOTALL)
                .matcher(pom);
        return matcher.find() ? pom.substring(0, matcher.start()) + pom.substring(matcher.end()) : pom;
    }

    /** Removes the project's own {@code <url>}: the one indented at the top level, not a licence's or the scm's. */
    private static String cutProjectUrl(String pom) {
        String cutPom = pom.replaceFirst("\\n  <url>[^<]*</url>", "");
        if (cutPom.equals(pom)) {
            throw new IllegalArgumentException("no top-level <url> to cut");
        }
        return cutPom;
    }

    /** Gives the copy its own artifactId and a name that tells it apart in the reactor summary. */
    private static String renameArtifact(String pom, String artifactId) {
        return pom.replaceFirst("<artifactId>corti-(parent|bom)</artifactId>", "<artifactId>" + artifactId + "</artifactId>")
                .replaceFirst("<name>[^<]*</name>", "<name>copy " + artifactId + "</name>");
    }

    // --- XML ---------------------------------------------------------------------------------------------

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The trimmed text of a direct child element, or {@code null} when there is none. */
    private static String text(Element parent, String name) {
        Element element = element(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    /** A direct child element (never a nested one: a plugin's artifactId is not the project's), or {@code null}. */
    private static Element element(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<String> texts(Element parent, String container, String name) {
        List<String> texts = new ArrayList<>();
        Element list = element(parent, container);
        for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                texts.add(element.getTextContent().trim());
            }
        }
        return texts;
    }

    // --- files -------------------------------------------------------------------------------------------

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
