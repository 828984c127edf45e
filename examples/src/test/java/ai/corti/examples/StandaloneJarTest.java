package ai.corti.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.emulator.CortiEmulator;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's standalone command, {@code java -jar emulator/target/corti-emulator-*.jar}, really starts an
 * emulator the SDK can use. Runs when the reactor built the emulator's jar before this module (as
 * {@code mvn verify} does); skipped when this module is built alone.
 */
class StandaloneJarTest {

    @Test
    void theExecutableJarStartsAnEmulatorTheSdkCanUse() throws Exception {
        Optional<Path> jar = executableJar();
        assumeTrue(jar.isPresent(), "emulator/target/corti-emulator-*.jar is not built");

        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-jar", jar.get().toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            List<String> banner = CompletableFuture.supplyAsync(() -> readBanner(process))
                    .get(30, TimeUnit.SECONDS);
            String baseUrl = value(banner, "API base URL");
            String clientId = value(banner, "Client id");
            String tokenUrl = baseUrl.replace("/v2", "/realms/base/protocol/openid-connect/token");
            assertThat(banner).anyMatch(line -> line.contains(CortiEmulator.DEFAULT_CLIENT_SECRET));

            try (CortiClient client = CortiClient.builder().tenantName("base").baseUrl(baseUrl).tokenUrl(tokenUrl)
                    .clientCredentials(clientId, CortiEmulator.DEFAULT_CLIENT_SECRET).build()) {
                client.interactions().create(new InteractionsCreateRequest().encounter(
                        new InteractionsEncounterCreateRequest().identifier("from-the-jar")
                                .status(InteractionsEncounterStatusEnum.PLANNED)
                                .type(InteractionsEncounterTypeEnum.EMERGENCY)));
                assertThat(client.interactions().list().stream()).hasSize(1);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The lines the jar prints at start, up to the client secret line. */
    private static List<String> readBanner(Process process) {
        List<String> lines = new ArrayList<>();
        // Not closed here: closing would close the process's output, which the finally block ends anyway.
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                if (line.contains("Client secret")) {
                    return lines;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the jar stopped before printing its URLs: " + lines);
    }

    private static String value(List<String> banner, String label) {
        return banner.stream().filter(line -> line.trim().startsWith(label)).findFirst()
                .map(line -> line.trim().substring(label.length()).trim().split("\\s+")[0])
                .orElseThrow(() -> new IllegalStateException("no '" + label + "' in " + banner));
    }

    private static Optional<Path> executableJar() throws IOException {
        Path target = Path.of("..", "emulator", "target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith("corti-emulator-") && name.endsWith(".jar");
            }).map(Path::toAbsolutePath).findFirst().filter(file -> new File(file.toString()).length() > 1_000_000);
        }
    }
}
