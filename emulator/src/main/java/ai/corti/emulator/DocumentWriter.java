package ai.corti.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a document's sections from its context, deterministically: each piece of context ({@link ContextItem})
 * goes to the first section whose fact groups include its group, else to the first whose cue words it contains,
 * else to the first catch-all section (one with neither groups nor cues), else to the first section. Questions are
 * left out, as a note does not repeat the clinician's questions. A section's text is its pieces as sentences, one
 * per line, or {@link #NOTHING} when none landed there.
 */
final class DocumentWriter {

    /** The text of a section nothing was found for. */
    static final String NOTHING = "No relevant information was found in the context.";

    /**
     * What belongs in a section.
     *
     * @param groups fact group keys
     * @param cues   lower-case words or phrases
     */
    record Rule(List<String> groups, List<String> cues) {

        boolean catchAll() {
            return groups.isEmpty() && cues.isEmpty();
        }
    }

    private DocumentWriter() {
    }

    /**
     * Places the context in sections.
     *
     * @param rules what belongs in each section, in the document's order
     * @param items the context
     * @return per section, the pieces placed in it, in context order
     */
    static List<List<ContextItem>> place(List<Rule> rules, List<ContextItem> items) {
        List<List<ContextItem>> placed = new ArrayList<>();
        rules.forEach(rule -> placed.add(new ArrayList<>()));
        if (rules.isEmpty()) {
            return placed;
        }
        for (ContextItem item : items) {
            if (item.isQuestion() || item.text().isBlank()) {
                continue;
            }
            placed.get(sectionOf(rules, item)).add(item);
        }
        return placed;
    }

    /**
     * Writes a section's text.
     *
     * @param items the pieces placed in it
     * @return the text
     */
    static String text(List<ContextItem> items) {
        if (items.isEmpty()) {
            return NOTHING;
        }
        List<String> sentences = new ArrayList<>();
        items.forEach(item -> sentences.add(item.asSentence()));
        return String.join("\n", sentences);
    }

    private static int sectionOf(List<Rule> rules, ContextItem item) {
        if (item.group() != null) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).groups().contains(item.group())) {
                    return i;
                }
            }
        }
        String lower = item.lower();
        for (int i = 0; i < rules.size(); i++) {
            for (String cue : rules.get(i).cues()) {
                if (lower.contains(cue)) {
                    return i;
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).catchAll()) {
                return i;
            }
        }
        return 0;
    }
}
