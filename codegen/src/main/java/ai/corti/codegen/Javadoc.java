package ai.corti.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the spec's prose (Markdown-ish, any characters) into safe Javadoc lines. */
final class Javadoc {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
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
        List<String> lines = new ArrayList<>();
        String escaped = inline(text);
        if (escaped.isEmpty()) {
            return lines;
        }
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
