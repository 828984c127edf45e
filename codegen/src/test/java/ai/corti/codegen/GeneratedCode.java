package ai.corti.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * What the corti-java generator writes for a fixture, run in-process the way the build runs it: with the settings of
 * the parent pom's {@code generate-sdk} execution ({@link GenerateSdk}), client-core's model templates included, so
 * that the models compile as the SDK's do.
 * Generation takes about a second, so each fixture is generated once per test JVM and shared.
 */
final class GeneratedCode {

    /** The folder the generated Java sources are under, relative to the output folder (generate-sdk's sourceFolder). */
    static final String SOURCES = "src/main/java";

    private static final Path CODEGEN = Path.of(System.getProperty("corti.codegen.basedir", "."));
    private static final Map<String, GeneratedCode> BY_FIXTURE = new ConcurrentHashMap<>();

    /** The output folder. */
    final Path output;
    /** What the generator read from the spec. */
    final Sdk sdk;
    /** Every generated Java file by its path below {@link #SOURCES}, e.g. {@code ai/corti/client/model/Note.java}. */
    final Map<String, String> files;

    private GeneratedCode(Path output, Sdk sdk, Map<String, String> files) {
        this.output = output;
        this.sdk = sdk;
        this.files = files;
    }

    /**
     * The code generated from a fixture under {@code src/test/resources/fixtures/}, generated on first use into
     * {@code target/generated-fixtures/<fixture>} (left there to be read when a test fails).
     *
     * @param fixture the file name, e.g. {@code small.yaml}
     * @return the generated code
     */
    static GeneratedCode of(String fixture) {
        return BY_FIXTURE.computeIfAbsent(fixture, f -> generate(Fixtures.path(f),
                CODEGEN.resolve("target/generated-fixtures").resolve(f.replaceFirst("\\.ya?ml$", "")), "all", ""));
    }

    /**
     * Runs the generator.
     *
     * @param spec     the OpenAPI document
     * @param output   the output folder
     * @param layer    the {@code cortiLayer}, or {@code null} to leave it out
     * @param extended the {@code cortiExtended} resources, separated by spaces
     * @return what it wrote
     */
    static GeneratedCode generate(Path spec, Path output, String layer, String extended) {
        CodegenConfigurator config = new CodegenConfigurator()
                .setInputSpec(spec.toString())
                .setOutputDir(output.toString());
        GenerateSdk.applyTo(config);
        if (layer != null) {
            config.addAdditionalProperty(CortiJavaCodegen.LAYER, layer);
        }
        if (!extended.isBlank()) {
            config.addAdditionalProperty(CortiJavaCodegen.EXTENDED, extended);
        }
        ClientOptInput input = config.toClientOptInput();
        new DefaultGenerator().opts(input).generate();
        return new GeneratedCode(output, ((CortiJavaCodegen) input.getConfig()).sdk(), read(output.resolve(SOURCES)));
    }

    private static Map<String, String> read(Path sources) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(sources.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sources, e);
        }
        return files;
    }

    /**
     * One generated file.
     *
     * @param className the fully qualified class name, e.g. {@code ai.corti.client.reactive.ReactiveNotesClient}
     * @return its source
     * @throws AssertionError when it was not generated, listing what was
     */
    String source(String className) {
        String source = files.get(className.replace('.', '/') + ".java");
        if (source == null) {
            throw new AssertionError(className + " was not generated; the generated classes: " + files.keySet());
        }
        return source;
    }

    /**
     * One operation as the generator read it.
     *
     * @param operationId its operationId
     * @return the operation
     * @throws AssertionError when the spec has no such operation, listing those it has
     */
    Operation operation(String operationId) {
        return sdk.resources.stream().flatMap(r -> r.operations.stream()).filter(o -> o.operationId.equals(operationId))
                .findFirst().orElseThrow(() -> new AssertionError("no operation " + operationId + " in "
                        + sdk.operationIds));
    }
}
