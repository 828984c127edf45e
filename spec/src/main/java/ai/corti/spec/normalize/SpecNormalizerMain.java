package ai.corti.spec.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step: reads the published document, validates it, normalises it and writes the copy that
 * every other module loads. Run by Maven in the {@code process-classes} phase of {@code corti-spec}.
 */
public final class SpecNormalizerMain {

    private SpecNormalizerMain() {
    }

    /**
     * Entry point.
     *
     * @param args the source document and the path of the normalised copy to write
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SpecNormalizerMain <published.yaml> <normalised.yaml>");
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        List<String> changes = normalizeFile(source, target);
        System.out.println("[corti-spec] normalised " + source.getFileName() + " -> " + target
                + " (" + changes.size() + " changes)");
    }

    /**
     * Validates and normalises {@code source} into {@code target}.
     *
     * @param source the published document
     * @param target where to write the normalised copy (parent folders are created)
     * @return the changes made
     * @throws IOException when a file cannot be read or written
     * @throws InvalidSpecException when the document is not usable, before or after normalising
     */
    public static List<String> normalizeFile(Path source, Path target) throws IOException {
        ObjectMapper yaml = yamlMapper();
        String name = source.getFileName().toString();
        JsonNode root;
        try {
            root = yaml.readTree(source.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(name, List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr())));
        }
        SpecValidator validator = new SpecValidator();
        validator.validate(name, root);
        List<String> changes = new SpecNormalizer().normalize((ObjectNode) root);
        validator.validate(name + " (after normalising)", root);
        Files.createDirectories(target.toAbsolutePath().getParent());
        yaml.writeValue(target.toFile(), root);
        return changes;
    }

    /** The YAML mapper used to read and write documents; keeps key order and quotes only where needed. */
    static ObjectMapper yamlMapper() {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build();
        return new ObjectMapper(factory);
    }
}
