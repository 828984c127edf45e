package ai.corti.spec.assemble;

import ai.corti.spec.normalize.InvalidSpecException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Corti API reference page as published: Markdown with the slice of the OpenAPI document the page uses
 * between fences, {@code ````yaml /api-reference/auto-generated-openapi.yml get /path} ... {@code ````}.
 */
final class ReferencePage {

    /** An opening fence: three or more backticks, then {@code yaml}. */
    private static final Pattern OPENING = Pattern.compile("^(`{3,})yaml\\b.*$");

    private ReferencePage() {
    }

    /**
     * Returns the first fenced YAML block of the page that holds an OpenAPI document.
     *
     * @param page the page's text
     * @param name the page's name, for messages
     * @return the parsed block
     * @throws InvalidSpecException when the page has no such block, or it is not valid YAML
     */
    static JsonNode openApiBlock(String page, String name) {
        String[] lines = page.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher opening = OPENING.matcher(lines[i]);
            if (!opening.matches()) {
                continue;
            }
            String fence = opening.group(1);
            StringBuilder block = new StringBuilder();
            int end = i + 1;
            while (end < lines.length && !lines[end].trim().equals(fence)) {
                block.append(lines[end]).append('\n');
                end++;
            }
            if (end == lines.length) {
                throw new InvalidSpecException(name, List.of("line " + (i + 1) + ": the " + fence + "yaml block is never closed"));
            }
            JsonNode tree = PublishedInputs.parse(block.toString(), name, i + 1);
            if (tree.isObject() && tree.has("openapi")) {
                return tree;
            }
            i = end;
        }
        throw new InvalidSpecException(name, List.of("no ```yaml block holding an OpenAPI document: a reference page "
                + "without its OpenAPI slice cannot be assembled"));
    }
}
