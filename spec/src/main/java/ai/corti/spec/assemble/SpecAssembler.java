package ai.corti.spec.assemble;

import ai.corti.spec.normalize.InvalidSpecException;
import ai.corti.spec.normalize.SpecNormalizer;
import ai.corti.spec.normalize.SpecTree;
import ai.corti.spec.normalize.SpecValidator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the one Corti document from the published texts: read them in order, fold them (later wins per
 * operation and per component), apply our overlay (leave out non-public paths, supply missing operationIds),
 * keep the components the operations use, validate, normalise, validate again.
 */
public final class SpecAssembler {

    private SpecAssembler() {
    }

    /**
     * What the assembly produced.
     *
     * @param document the normalised document
     * @param report   short information for the build output: the inputs, where the operations came from,
     *                 component conflicts, what the overlay did, how much was dropped
     * @param details  the long form, for the report file: which text each operation came from, every dropped
     *                 component
     * @param changes  the normaliser's changes, one line each
     */
    public record Assembly(ObjectNode document, List<String> report, List<String> details, List<String> changes) {

        /**
         * Copies the lists.
         *
         * @param document the normalised document
         * @param report   short information for the build output
         * @param details  the long form, for the report file
         * @param changes  the normaliser's changes
         */
        public Assembly {
            report = List.copyOf(report);
            details = List.copyOf(details);
            changes = List.copyOf(changes);
        }
    }

    /**
     * Assembles the inputs under a folder (or one file).
     *
     * @param inputs  the inputs folder, or a single published document or page
     * @param overlay our overlay
     * @return the assembly
     * @throws IOException when an input cannot be read
     * @throws InvalidSpecException when an input, or the result, is not usable,
     *         listing every problem with its location
     */
    public static Assembly assemble(Path inputs, Overlay overlay) throws IOException {
        Path base = Files.isRegularFile(inputs) ? inputs.toAbsolutePath().getParent() : inputs;
        SpecMerger merger = new SpecMerger();
        List<Path> files = PublishedInputs.list(inputs);
        for (Path file : files) {
            String name = file.toString().replace('\\', '/');
            merger.add(name, PublishedInputs.read(base.resolve(file), name));
        }
        ObjectNode root = merger.result();
        List<String> report = new ArrayList<>();
        List<String> details = new ArrayList<>();
        report.add(files.size() + " published inputs, applied in this order (later wins): " + groups(files));
        report.addAll(overlay.apply(root));
        List<Path> winners = new ArrayList<>();
        details.add("where each operation comes from:");
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            String source = merger.operationSources().get(method.toUpperCase(Locale.ROOT) + " " + path);
            winners.add(Path.of(source));
            details.add("  " + operation.path("operationId").asText() + " (" + method.toUpperCase(Locale.ROOT) + " "
                    + path + "): " + source);
        });
        report.add(winners.size() + " operations, taken from " + groups(winners));
        if (!merger.conflicts().isEmpty()) {
            report.add(merger.conflicts().size() + " components have different texts under one name (information; "
                    + "the later text wins):");
            merger.conflicts().forEach(conflict -> report.add("  " + conflict));
        }
        List<String> dropped = ComponentClosure.prune(root);
        if (!dropped.isEmpty()) {
            report.add("dropped " + dropped.size() + " components no kept operation uses (e.g. "
                    + String.join(", ", dropped.subList(0, Math.min(5, dropped.size()))) + ")");
            details.add("dropped components:");
            dropped.forEach(name -> details.add("  " + name));
        }
        String source = inputs.getFileName().toString();
        SpecValidator validator = new SpecValidator();
        validator.validate(source + " (assembled)", root);
        List<String> changes = new SpecNormalizer().normalize(root);
        validator.validateNormalised(source + " (assembled, normalised)", root);
        return new Assembly(root, report, details, changes);
    }

    /** {@code 01-a/x, 02-b/y, 02-b/z} -> {@code 01-a (1), 02-b (2)}: the folders, in order, with their file counts. */
    private static String groups(List<Path> files) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Path file : files) {
            counts.merge(file.getNameCount() > 1 ? file.getName(0).toString() : file.toString(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((group, count) -> parts.add(group + " (" + count + ")"));
        return String.join(", ", parts);
    }
}
