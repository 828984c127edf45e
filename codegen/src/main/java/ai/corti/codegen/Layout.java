package ai.corti.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of rendering: gives a generated file the layout of the hand-written code, so that templates can stay
 * laid out for reading (a section per line, blank lines between them) without that layout leaking into the output.
 */
final class Layout {

    /** The longest line a Javadoc comment is wrapped to, as in the hand-written code. */
    static final int WIDTH = 120;

    /** A type declaration's opening line, which the hand-written code follows with an empty line. */
    private static final Pattern TYPE_OPENING = Pattern.compile(
            "(?m)^(\\s*(?:(?:public|protected|private|static|final|abstract|sealed) )*(?:class|interface|enum|record) "
                    + "[^\\n]*\\{)\\n(?!\\n|\\s*})");
    /** A Javadoc line: its indentation and star, then the text. */
    private static final Pattern DOC_LINE = Pattern.compile("^(\\s*\\* )(.*)$");
    /** A block tag's head, which continuation lines align after: {@code @param name }, {@code @return }. */
    private static final Pattern BLOCK_TAG = Pattern.compile("^(@(?:param|throws) \\S+ |@return )");

    private Layout() {
    }

    /**
     * Lays out a rendered Java source: no trailing spaces, no runs of empty lines, none right inside braces but one
     * after a type's opening line, Javadoc lines wrapped at {@value #WIDTH}, imports settled by {@link Imports}.
     *
     * @param source the rendered template
     * @return the source as written to disk
     */
    static String tidy(String source) {
        String text = source.replaceAll("(?m)[ \\t]+$", "")
                .replaceAll("\\n{3,}", "\n\n")
                .replaceAll("\\{\\n\\n", "{\n")
                .replaceAll("\\n\\n(\\s*})", "\n$1");
        text = TYPE_OPENING.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "\n\n");
        return Imports.tidy(wrapJavadoc(text));
    }

    /**
     * Wraps Javadoc lines longer than {@value #WIDTH} at spaces; continuation lines keep the star and align after a
     * block tag's head. Preformatted blocks ({@code <pre>}) are left as they are.
     */
    static String wrapJavadoc(String source) {
        List<String> out = new ArrayList<>();
        boolean preformatted = false;
        for (String line : source.split("\n", -1)) {
            Matcher doc = DOC_LINE.matcher(line);
            if (line.contains("<pre>")) {
                preformatted = true;
            }
            if (preformatted || line.length() <= WIDTH || !doc.matches()) {
                out.add(line);
            } else {
                out.addAll(wrap(doc.group(1), doc.group(2)));
            }
            if (line.contains("</pre>")) {
                preformatted = false;
            }
        }
        return String.join("\n", out);
    }

    private static List<String> wrap(String star, String text) {
        Matcher tag = BLOCK_TAG.matcher(text);
        String hang = star + (tag.find() ? " ".repeat(tag.group(1).length()) : "");
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(star);
        int words = 0;
        for (String word : text.split(" ")) {
            if (words > 0 && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(hang);
                words = 0;
            }
            if (words > 0) {
                line.append(' ');
            }
            line.append(word);
            words++;
        }
        lines.add(line.toString());
        return lines;
    }
}
