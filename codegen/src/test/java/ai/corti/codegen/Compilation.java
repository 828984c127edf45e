package ai.corti.codegen;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles what the generator wrote with the JDK's compiler, in-process: first the engine stubs (see
 * {@code src/test/resources/engine/README.md}) with the generated models, then the SDK's own generated code against
 * them (with stand-ins for the hand-written clients that extend it, {@code src/test/resources/facades}), held to the
 * build's rules (every lint, every doclint group, as the javadoc jar is) with warnings as errors.
 */
final class Compilation {

    /** The libraries generated code names: Reactor (and Reactive Streams), Jackson, its nullable module, Jakarta. */
    private static final List<String> LIBRARY_CLASSES = List.of("reactor.core.publisher.Flux",
            "org.reactivestreams.Publisher", "com.fasterxml.jackson.core.type.TypeReference",
            "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.annotation.JsonProperty",
            "org.openapitools.jackson.nullable.JsonNullable", "jakarta.annotation.Nullable");

    private static final Map<GeneratedCode, Compilation> COMPILED = new ConcurrentHashMap<>();

    /** The classes folder: engine stubs, models and generated code. */
    final Path classes;

    private Compilation(Path classes) {
        this.classes = classes;
    }

    /**
     * Compiles everything generated into a folder of its own under the output folder, once per generation.
     *
     * @param code what the generator wrote
     * @return the compiled classes
     * @throws AssertionError naming every error and warning when it does not compile cleanly
     */
    static Compilation of(GeneratedCode code) {
        return COMPILED.computeIfAbsent(code, Compilation::compile);
    }

    private static Compilation compile(GeneratedCode code) {
        Path classes = code.output.resolve("classes");
        Path sources = code.output.resolve(GeneratedCode.SOURCES);
        List<Path> models = new ArrayList<>();
        List<Path> sdk = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p ->
                    (sources.relativize(p).startsWith(Path.of("ai/corti/client/model")) ? models : sdk).add(p));
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> base = new ArrayList<>(javaFiles("engine"));
        base.addAll(models);
        sdk.addAll(javaFiles("facades"));
        javac(base, classes, List.of("-proc:none", "-nowarn"));
        javac(sdk, classes, List.of("-proc:none", "-Xlint:all,-processing,-serial,-options",
                "-Xdoclint:all/protected", "-Werror"));
        return new Compilation(classes);
    }

    /**
     * Loads the compiled classes in a class loader of their own (child of the test's, for Reactor and Jackson).
     *
     * @return the loader; closing it is left to the garbage collector, as the tests share it
     */
    ClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compilation.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void javac(List<Path> files, Path classes, List<String> rules) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(rules);
        options.addAll(List.of("--release", "17", "-encoding", "UTF-8", "-d", classes.toString(),
                "-classpath", classes + File.pathSeparator + libraries()));
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Boolean ok = javac.getTask(out, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            List<String> problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                    .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : Path.of(d.getSource().toUri())
                            .getFileName() + ":" + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT))
                    .toList();
            if (!Boolean.TRUE.equals(ok) || !problems.isEmpty()) {
                throw new AssertionError("the generated code does not compile cleanly:\n"
                        + String.join("\n", problems) + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(String resourceFolder) {
        Path root = resource(resourceFolder);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String libraries() {
        return LIBRARY_CLASSES.stream().map(Compilation::jarOf).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static String jarOf(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("the test classpath has no " + className, e);
        }
    }

    private static Path resource(String name) {
        URL url = Compilation.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing from the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
