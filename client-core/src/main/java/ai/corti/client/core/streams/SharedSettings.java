package ai.corti.client.core.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The settings both endpoints take (audio format, audio events, replacements, key terms), held by both
 * configuration builders so the rules live in one place. Messages name the field; a key term or replacement
 * is quoted only by its index, as it may be patient data.
 */
final class SharedSettings {

    /** A BCP 47 tag as Corti uses them: {@code en}, {@code en-US}, {@code de-CH}. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final String TOKEN = "[A-Za-z0-9!#$&^_.+-]+";
    /** {@code type/subtype} with optional parameters, e.g. {@code audio/webm;codecs=opus}. */
    private static final Pattern MIME = Pattern.compile(TOKEN + "/" + TOKEN
            + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"[^\"\\r\\n]*\"))*");

    String audioFormat;
    Boolean audioEvents;
    final List<Replacement> replacements = new ArrayList<>();
    final List<String> keyterms = new ArrayList<>();

    void audioFormat(String mimeType) {
        Objects.requireNonNull(mimeType, "audioFormat");
        if (!MIME.matcher(mimeType).matches()) {
            throw new IllegalArgumentException("audioFormat must be a MIME type such as audio/wav or "
                    + "audio/webm;codecs=opus, was '" + mimeType + "'");
        }
        this.audioFormat = mimeType;
    }

    void replacement(Replacement replacement) {
        Objects.requireNonNull(replacement, "replacement");
        if (replacements.size() == StreamLimits.MAX_REPLACEMENTS) {
            throw new IllegalArgumentException("replacements: at most " + StreamLimits.MAX_REPLACEMENTS + " per session");
        }
        replacements.add(replacement);
    }

    void keyterm(String term) {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("keyterms[" + keyterms.size() + "] must not be blank");
        }
        if (term.length() > StreamLimits.MAX_KEYTERM_LENGTH) {
            throw new IllegalArgumentException("keyterms[" + keyterms.size() + "]: at most "
                    + StreamLimits.MAX_KEYTERM_LENGTH + " characters, was " + term.length());
        }
        if (keyterms.size() == StreamLimits.MAX_KEYTERMS) {
            throw new IllegalArgumentException("keyterms: at most " + StreamLimits.MAX_KEYTERMS + " per session");
        }
        keyterms.add(term);
    }

    /** Checks a language tag; {@code field} names it in the message. */
    static String language(String field, String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!LANGUAGE.matcher(tag).matches()) {
            throw new IllegalArgumentException(field + " must be a language tag such as en or en-US, was '" + tag + "'");
        }
        return tag;
    }

    /** Checks a plain identifier-like text (command ids, variable keys). */
    static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
