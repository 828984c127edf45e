package ai.corti.spec.assemble;

import ai.corti.spec.normalize.InvalidSpecException;
import ai.corti.spec.normalize.SpecTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Our one overlay over the published texts ({@code src/main/overlay/corti-overlay.yaml}): what they lack.
 * <ul>
 *   <li>{@code operationIds}: path -> method -> operationId, applied only to operations without one (Corti's
 *       complete document of 2025 has none); a published id always wins;</li>
 *   <li>{@code exclude}: paths that are not public API, each an exact path or a prefix ending in {@code *};
 *       their operations are removed.</li>
 * </ul>
 */
public final class Overlay {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final List<String> KEYS = List.of("operationIds", "exclude");

    private final Map<String, Map<String, String>> operationIds;
    private final List<String> exclude;

    private Overlay(Map<String, Map<String, String>> operationIds, List<String> exclude) {
        this.operationIds = operationIds;
        this.exclude = exclude;
    }

    /**
     * Reads and checks an overlay file.
     *
     * @param file the overlay
     * @return the overlay
     * @throws IOException when it cannot be read
     * @throws InvalidSpecException listing every problem in it
     */
    public static Overlay read(Path file) throws IOException {
        String name = file.getFileName().toString();
        return parse(PublishedInputs.parse(Files.readString(file), name, 0), name);
    }

    /**
     * Checks an overlay tree.
     *
     * @param tree the parsed overlay
     * @param name its name, for messages
     * @return the overlay
     * @throws InvalidSpecException listing every problem in it
     */
    static Overlay parse(JsonNode tree, String name) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> ids = new LinkedHashMap<>();
        List<String> exclude = new ArrayList<>();
        if (!tree.isObject()) {
            throw new InvalidSpecException(name, List.of("(root): expected a mapping"));
        }
        tree.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add(key + ": unknown key (expected one of " + KEYS + ")");
            }
        });
        for (Map.Entry<String, JsonNode> path : tree.path("operationIds").properties()) {
            if (!path.getKey().startsWith("/") || !path.getValue().isObject()) {
                problems.add("operationIds." + path.getKey() + ": expected a path mapping methods to operationIds");
                continue;
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String where = "operationIds." + path.getKey() + "." + method.getKey();
                if (!METHODS.contains(method.getKey())) {
                    problems.add(where + ": not an HTTP method");
                } else if (!method.getValue().isTextual() || method.getValue().asText().isBlank()) {
                    problems.add(where + ": expected an operationId");
                } else {
                    ids.computeIfAbsent(path.getKey(), p -> new LinkedHashMap<>())
                            .put(method.getKey(), method.getValue().asText());
                }
            }
        }
        JsonNode excluded = tree.path("exclude");
        for (int i = 0; i < excluded.size(); i++) {
            JsonNode entry = excluded.get(i);
            if (!entry.isTextual() || !entry.asText().startsWith("/")) {
                problems.add("exclude[" + i + "]: expected a path starting with '/'");
            } else {
                exclude.add(entry.asText());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(name, problems);
        }
        return new Overlay(ids, List.copyOf(exclude));
    }

    /**
     * Applies the overlay in place: removes the excluded paths, then supplies missing operationIds.
     *
     * @param root the merged document
     * @return report lines: what was left out, what was supplied, what the published text overrode
     */
    List<String> apply(ObjectNode root) {
        List<String> report = new ArrayList<>();
        ObjectNode paths = root.withObject("/paths");
        List<String> removed = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (isExcluded(path)) {
                removed.add(path);
            }
        });
        paths.remove(removed);
        if (!removed.isEmpty()) {
            report.add("left out " + removed.size() + " paths that are not public API: " + removed);
        }
        List<String> supplied = new ArrayList<>();
        SpecTree.forEachOperation(root, (path, method, operation) -> {
            String id = operationIds.getOrDefault(path, Map.of()).get(method);
            if (id == null) {
                return;
            }
            String published = operation.path("operationId").asText("");
            if (published.isBlank()) {
                operation.put("operationId", id);
                supplied.add(id);
            } else if (!published.equals(id)) {
                report.add(method.toUpperCase(Locale.ROOT) + " " + path + ": the published operationId '" + published
                        + "' is kept, the overlay's '" + id + "' is not used");
            }
        });
        if (!supplied.isEmpty()) {
            report.add("supplied " + supplied.size() + " operationIds: " + supplied);
        }
        return report;
    }

    private boolean isExcluded(String path) {
        for (String entry : exclude) {
            if (entry.endsWith("*") ? path.startsWith(entry.substring(0, entry.length() - 1)) : path.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
