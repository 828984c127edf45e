package ai.corti.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the spec's prose (Markdown-ish, any characters) into safe Javadoc lines. */
final class Javadoc {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** A component of Corti's documentation site, e.g. {@code <Note>}: HTML tags are lower case, these are not. */
    private static final String COMPONENT = "</?[A-Z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>";
    /** A Markdown link to a web page, once escaped: {@code [here](https://docs.corti.ai/...)}. */
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]+)]\\((https?://[^\\s()\"]+)\\)");
    private static final int WIDTH = 108;

    private Javadoc() {
    }

    /**
     * Escapes text for Javadoc: HTML-significant characters become entities, {@code `code`} becomes
     * <code>{&#64;code code}</code>, {@code @} and comment ends can no longer break the comment.
     *
     * @param text the spec's text, or {@code null}
     * @return one line of safe Javadoc text, whitespace collapsed
     */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        StringBuilder out = new StringBuilder(flat.length() + 16);
        Matcher code = CODE.matcher(flat);
        int last = 0;
        while (code.find()) {
            out.append(escape(flat.substring(last, code.start())));
            out.append("{@code ").append(escape(code.group(1)).replace("{", "&#123;").replace("}", "&#125;"))
                    .append('}');
            last = code.end();
        }
        out.append(escape(flat.substring(last)));
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;").replace("\\u", "\\\\u");
    }

    /**
     * Wraps text into Javadoc paragraph lines (without the leading {@code  * }).
     *
     * @param text the spec's text, or {@code null}
     * @return the lines, empty for no text
     */
    static List<String> lines(String text) {
        String escaped = inline(text);
        return escaped.isEmpty() ? new ArrayList<>() : wrap(escaped);
    }

    /** Wraps escaped text at spaces into lines of at most {@value #WIDTH} characters (longer words stay whole). */
    private static List<String> wrap(String escaped) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : escaped.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * Makes a summary a sentence, so that Javadoc's first sentence ends where the summary does instead of running on
     * into what follows: {@code List Recordings} becomes {@code List Recordings.}.
     *
     * @param text a summary, one line
     * @return the text ending with a full stop (or the question or exclamation mark it had)
     */
    static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || trimmed.matches("(?s).*[.!?]$") ? trimmed : trimmed + ".";
    }

    /**
     * Turns the spec's description into Javadoc paragraphs, each line wrapped, each paragraph opening with
     * {@code <p>} and separated from the next by an empty line. The published texts mix Markdown and HTML written
     * for Corti's documentation site: {@code <br/>} breaks become paragraphs, the site's components
     * ({@code <Note>}, capitalised) are dropped around their text, paragraphs starting with {@code - } become a list,
     * Markdown links become links, and everything else is escaped as {@link #inline(String)} does.
     *
     * @param text the description, or {@code null}
     * @return the lines, empty for no text
     */
    static List<String> paragraphs(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String blocks = text.replaceAll("(?i)<br\\s*/?>", "\n\n").replaceAll(COMPONENT, "\n\n");
        boolean inList = false;
        for (String paragraph : blocks.split("\\n\\s*\\n")) {
            String escaped = LINK.matcher(inline(paragraph)).replaceAll("<a href=\"$2\">$1</a>");
            if (escaped.isEmpty()) {
                continue;
            }
            boolean item = escaped.startsWith("- ");
            if (inList && !item) {
                lines.add("</ul>");
                inList = false;
            }
            if (!inList) {
                if (!lines.isEmpty()) {
                    lines.add("");
                }
                if (item) {
                    lines.add("<ul>");
                }
            }
            lines.addAll(wrap(item ? "<li>" + escaped.substring(2) + "</li>" : "<p>" + escaped));
            inList = item;
        }
        if (inList) {
            lines.add("</ul>");
        }
        return lines;
    }

    /**
     * Whether a description only says what the summary says ({@code Get Document.} under {@code Get Document}):
     * letters and digits compared, case ignored.
     *
     * @param description the description, or {@code null}
     * @param summary     the summary, or {@code null}
     * @return {@code true} when the description adds nothing
     */
    static boolean repeats(String description, String summary) {
        return description == null || summary != null && letters(description).equals(letters(summary));
    }

    private static String letters(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * A Java string literal's content: quotes, backslashes and control characters escaped.
     *
     * @param text any text
     * @return the text, safe between double quotes
     */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
