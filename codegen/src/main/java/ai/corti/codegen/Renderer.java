package ai.corti.codegen;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders the templates under {@code corti-java/} on the classpath into Java source files. Strict: a template that
 * names something the view does not have fails the build, naming it, instead of writing an empty string.
 */
final class Renderer {

    private static final String ROOT = "corti-java/";

    private final Path sourceRoot;
    private final Mustache.Compiler compiler;

    /**
     * Creates a renderer.
     *
     * @param sourceRoot the source folder files are written under (by package)
     */
    Renderer(Path sourceRoot) {
        this.sourceRoot = sourceRoot;
        this.compiler = Mustache.compiler()
                .escapeHTML(false)
                .strictSections(false)
                .withLoader(name -> reader(name + ".mustache"));
    }

    /**
     * Renders one template into one file.
     *
     * @param template   the template, e.g. {@code core/Operations}
     * @param context    what it reads
     * @param javaPackage the file's package
     * @param className  the file's class
     */
    void render(String template, Object context, String javaPackage, String className) {
        Template compiled = compiler.compile(reader(template + ".mustache"));
        String source = compiled.execute(context);
        Path file = sourceRoot.resolve(javaPackage.replace('.', '/')).resolve(className + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Layout.tidy(source), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Renders a template with several named values.
     *
     * @param template    the template
     * @param values      the names it reads
     * @param javaPackage the file's package
     * @param className   the file's class
     */
    void render(String template, Map<String, Object> values, String javaPackage, String className) {
        render(template, (Object) values, javaPackage, className);
    }

    private static Reader reader(String name) {
        InputStream in = Renderer.class.getClassLoader().getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException("template " + ROOT + name + " is missing from the code generator");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
