package ai.corti.client.core.streams;

/**
 * A term the server replaces in the final text, e.g. {@code BID} by {@code twice daily}. Matching is case
 * insensitive.
 *
 * @param find    the word or phrase to replace; not blank
 * @param replace what to put instead; may be empty
 */
public record Replacement(String find, String replace) {

    /**
     * Validates the replacement.
     *
     * @param find    the word or phrase to replace; not blank
     * @param replace what to put instead; may be empty
     * @throws IllegalArgumentException when {@code find} is blank or either is null
     */
    public Replacement {
        if (find == null || find.isBlank()) {
            throw new IllegalArgumentException("replacement 'find' must not be blank");
        }
        if (replace == null) {
            throw new IllegalArgumentException("replacement 'replace' must not be null (use \"\" to remove the term)");
        }
    }
}
