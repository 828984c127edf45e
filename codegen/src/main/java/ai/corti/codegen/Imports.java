package ai.corti.codegen;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settles a rendered file's imports: once each, sorted into one block, and only those the code uses. Templates import
 * every type some operation might need (a download's {@code ByteBuffer}, a listing's {@code PagedFlux}) plus the types
 * of the resource's models; deciding here, from the finished text, spares them a condition per import.
 */
final class Imports {

    private static final Pattern IMPORT = Pattern.compile("(?m)^import ([\\w.]+(?:\\.\\*)?);\\n");
    /** Comments as the templates write them: from the start of a line (a string literal may hold {@code //}). */
    private static final Pattern COMMENT = Pattern.compile("(?ms)^[ \\t]*/\\*.*?\\*/|^[ \\t]*//[^\\n]*");

    private Imports() {
    }

    /**
     * Rewrites the imports of a Java source.
     *
     * @param source a compilation unit whose imports are one {@code import a.b.C;} per line, none static
     * @return the source with its imports deduplicated, sorted into one block where the first one was, without those
     *         whose simple name the code never mentions (wildcards are kept)
     */
    static String tidy(String source) {
        Matcher imports = IMPORT.matcher(source);
        if (!imports.find()) {
            return source;
        }
        int start = imports.start();
        TreeSet<String> names = new TreeSet<>();
        StringBuilder rest = new StringBuilder(source.length());
        int last = 0;
        do {
            names.add(imports.group(1));
            rest.append(source, last, imports.start());
            last = imports.end();
        } while (imports.find());
        rest.append(source, last, source.length());
        String body = rest.substring(start);
        String code = COMMENT.matcher(body).replaceAll(" ");
        StringBuilder block = new StringBuilder();
        for (String name : names) {
            if (name.endsWith(".*") || used(name.substring(name.lastIndexOf('.') + 1), code, body)) {
                block.append("import ").append(name).append(";\n");
            }
        }
        return rest.substring(0, start) + block + body;
    }

    /**
     * Whether the code names a type: outside comments, or in a Javadoc {@code @link} (which resolves through the
     * imports). A qualified mention ({@code java.util.function.Function}) needs no import and does not count.
     */
    private static boolean used(String simpleName, String code, String body) {
        String name = "(?<![\\w.])" + Pattern.quote(simpleName) + "\\b";
        return Pattern.compile(name).matcher(code).find()
                || Pattern.compile("\\{@link(?:plain)? " + name).matcher(body).find();
    }
}
