package ai.corti.it.readme;

import java.util.ArrayList;
import java.util.List;

/** Cuts the README's snippets out of the source files that compile them. */
final class Snippets {

    private Snippets() {
    }

    /**
     * Returns the text between each start marker line and the end marker, dedented as the README shows it.
     *
     * @param source the source file
     * @param start  the start marker (the rest of its line names the snippet)
     * @param end    the end marker
     * @return the snippets, in order
     */
    static List<String> between(String source, String start, String end) {
        List<String> snippets = new ArrayList<>();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(start) && !lines.get(i).trim().equals(end)) {
                int indent = lines.get(i).indexOf(start);
                StringBuilder snippet = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).trim().equals(end); i++) {
                    String line = lines.get(i);
                    snippet.append(line.length() > indent ? line.substring(indent) : line.strip()).append('\n');
                }
                snippets.add(snippet.toString().strip());
            }
        }
        if (snippets.isEmpty()) {
            throw new IllegalStateException("no snippet marked " + start + " in the source");
        }
        return snippets;
    }
}
