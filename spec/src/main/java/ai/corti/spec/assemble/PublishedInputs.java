package ai.corti.spec.assemble;

import ai.corti.spec.normalize.InvalidSpecException;
import ai.corti.spec.normalize.SpecYaml;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The published texts the build assembles, kept as published: complete OpenAPI documents ({@code .json},
 * {@code .yaml}, {@code .yml}) and reference pages ({@code .txt}, {@code .md}) whose OpenAPI slice sits
 * between {@code ```yaml} fences.
 *
 * <p>The order is the file tree's, compared name by name ({@code 01-a/x} before {@code 01-a-b/y} before
 * {@code 02/z}): later inputs win. Folders are named with a two-digit prefix in publication order, so a newly
 * published text goes into a new folder with the next number. Hidden files and folders ({@code .name}) are
 * skipped.
 */
public final class PublishedInputs {

    private static final Comparator<Path> NAME_BY_NAME = (a, b) -> {
        for (int i = 0; i < Math.min(a.getNameCount(), b.getNameCount()); i++) {
            int order = a.getName(i).toString().compareTo(b.getName(i).toString());
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    };

    private PublishedInputs() {
    }

    /**
     * Lists the inputs under a folder in the order they are applied, or the one file given.
     *
     * @param folderOrFile the inputs folder, or a single document or page
     * @return the files, earliest first, as paths relative to {@code folderOrFile}'s folder
     * @throws IOException when the folder cannot be listed
     * @throws InvalidSpecException when a file has an extension the build cannot read, or there is no input
     */
    public static List<Path> list(Path folderOrFile) throws IOException {
        if (Files.isRegularFile(folderOrFile)) {
            checkReadable(folderOrFile.getFileName());
            return List.of(folderOrFile.getFileName());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folderOrFile)) {
            files = walk.filter(Files::isRegularFile)
                    .map(folderOrFile::relativize)
                    .filter(relative -> !isHidden(relative))
                    .sorted(NAME_BY_NAME)
                    .toList();
        }
        if (files.isEmpty()) {
            throw new InvalidSpecException(folderOrFile.toString(), List.of("no published document or page found"));
        }
        files.forEach(PublishedInputs::checkReadable);
        return files;
    }

    /**
     * Reads one input as an OpenAPI document.
     *
     * @param file the document or reference page
     * @param name how to name it in messages, e.g. {@code 04-pages-2026/recordings_get.txt}
     * @return the document tree
     * @throws IOException when the file cannot be read
     * @throws InvalidSpecException when it does not hold an OpenAPI document
     */
    public static ObjectNode read(Path file, String name) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode document = isPage(file) ? ReferencePage.openApiBlock(text, name) : parse(text, name, 0);
        if (!document.isObject() || !document.has("openapi")) {
            throw new InvalidSpecException(name, List.of("(root): not an OpenAPI document (no 'openapi' key)"));
        }
        return (ObjectNode) document;
    }

    /**
     * Parses YAML (or JSON) text, naming the input and the line on error.
     *
     * @param text       the text
     * @param name       the input's name, for messages
     * @param lineOffset added to the parser's line numbers (a page's block does not start on line 1)
     * @return the tree
     */
    static JsonNode parse(String text, String name, int lineOffset) {
        try {
            JsonNode tree = SpecYaml.mapper().readTree(text);
            return tree == null ? SpecYaml.mapper().nullNode() : tree;
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(name, List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + (e.getLocation().getLineNr() + lineOffset)
                    + ", column " + e.getLocation().getColumnNr())));
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".md");
    }

    private static void checkReadable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml") || isPage(file))) {
            throw new InvalidSpecException(file.toString(), List.of("not a document (.json, .yaml, .yml) or a "
                    + "reference page (.txt, .md); move it out of the inputs folder"));
        }
    }
}
