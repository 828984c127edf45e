package ai.corti.client.core.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Micrometer is an optional dependency: without it on the classpath the client works and nothing of it is loaded (a
 * builder method naming its types must not fail a client that never calls it). A fresh JVM makes one call and logs
 * every class it loads; the control run, with Micrometer and an observation registry, shows the log would show them.
 */
class NoMicrometerLoadedTest {

    private static List<String> classesLoadedBy(String argument, boolean withMicrometer)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire's full test classpath, with or without every Micrometer jar (and the tracing libraries, which
        // bring context-propagation: with it present Reactor itself loads Micrometer's accessors).
        String classpath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> withMicrometer || !(entry.contains("micrometer") || entry.contains("opentelemetry")
                        || entry.contains("context-propagation") || entry.contains("HdrHistogram")
                        || entry.contains("LatencyUtils")))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classpath.contains("micrometer-observation")).isEqualTo(withMicrometer);
        Process process = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp", classpath,
                PlainClientMain.class.getName(), argument).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(output, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("the run ended normally").contains("DONE");
        assertThat(lines).as("the class log works")
                .anyMatch(l -> l.contains(" ai.corti.client.core.internal.pipeline.HttpPipeline "));
        return lines;
    }

    @Test
    @Timeout(120)
    void withoutMicrometerOnTheClasspathTheClientWorksAndLoadsNoneOfIt() throws Exception {
        assertThat(classesLoadedBy("plain", false)).filteredOn(line -> line.contains(" io.micrometer.")).isEmpty();
    }

    @Test
    @Timeout(120)
    void withMicrometerAndAnObservationRegistryItsClassesLoad() throws Exception {
        assertThat(classesLoadedBy("observe", true)).anyMatch(line -> line.contains(" io.micrometer.observation."));
    }
}
