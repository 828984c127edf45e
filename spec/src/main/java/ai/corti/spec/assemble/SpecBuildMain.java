package ai.corti.spec.assemble;

import ai.corti.spec.normalize.InvalidSpecException;
import ai.corti.spec.normalize.SpecYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step of {@code corti-spec} ({@code process-classes}): assembles the published inputs with the
 * overlay, writes the normalised document that goes into the jar, and prints what it did. A document that
 * cannot be used fails the build with every problem listed.
 *
 * <pre>
 * SpecBuildMain &lt;inputs folder or file&gt; &lt;overlay.yaml&gt; &lt;output.yaml&gt; [&lt;report.txt&gt;]
 * </pre>
 */
public final class SpecBuildMain {

    private static final String PREFIX = "[corti-spec] ";

    private SpecBuildMain() {
    }

    /**
     * Entry point.
     *
     * @param args the inputs (a folder, or one document or page), the overlay, the output, and optionally a
     *             file for the full report (every normaliser change included)
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: SpecBuildMain <inputs folder or file> <overlay.yaml> <output.yaml> [<report.txt>]");
        }
        Path output = Path.of(args[2]);
        SpecAssembler.Assembly assembly;
        try {
            assembly = build(Path.of(args[0]), Path.of(args[1]), output);
        } catch (InvalidSpecException e) {
            System.err.println(PREFIX + e.getMessage());
            throw e;
        }
        assembly.report().forEach(line -> System.out.println(PREFIX + line));
        System.out.println(PREFIX + "normalised (" + assembly.changes().size() + " changes) -> " + output);
        if (args.length == 4) {
            List<String> full = new ArrayList<>(assembly.report());
            full.addAll(assembly.details());
            full.add("normaliser changes:");
            assembly.changes().forEach(change -> full.add("  " + change));
            Path report = Path.of(args[3]);
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.write(report, full);
        }
    }

    /**
     * Assembles {@code inputs} with {@code overlay} and writes the result.
     *
     * @param inputs  the inputs folder, or one published document or page
     * @param overlay our overlay file
     * @param output  where to write the normalised document (parent folders are created)
     * @return the assembly
     * @throws IOException when a file cannot be read or written
     * @throws InvalidSpecException when an input, the overlay or the result is not usable; nothing is written
     */
    public static SpecAssembler.Assembly build(Path inputs, Path overlay, Path output) throws IOException {
        SpecAssembler.Assembly assembly = SpecAssembler.assemble(inputs, Overlay.read(overlay));
        Files.createDirectories(output.toAbsolutePath().getParent());
        SpecYaml.mapper().writeValue(output.toFile(), assembly.document());
        return assembly;
    }
}
