package ai.corti.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One piece of what a document is written from: a fact (with its group), an utterance of a transcript, or a
 * sentence of free text. The emulator's document writers sort these into sections by group or by cue words, so the
 * same context always gives the same document.
 *
 * @param text  the text
 * @param group the fact group's key, or {@code null} when the item is no fact
 */
record ContextItem(String text, String group) {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /** A fact. */
    static ContextItem fact(String text, String group) {
        return new ContextItem(text, group);
    }

    /** Free text, cut into sentences. */
    static List<ContextItem> sentences(String text) {
        List<ContextItem> items = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.trim())) {
            if (!sentence.isBlank()) {
                items.add(new ContextItem(sentence.trim(), null));
            }
        }
        return items;
    }

    /** Whether the item is a question (a clinician asking), which a note does not repeat. */
    boolean isQuestion() {
        return text.trim().endsWith("?");
    }

    /** The text, lower case, for matching cue words. */
    String lower() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The text as a sentence of a note: ending with a full stop. */
    String asSentence() {
        String trimmed = text.trim();
        return trimmed.isEmpty() || ".!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed : trimmed + ".";
    }
}
