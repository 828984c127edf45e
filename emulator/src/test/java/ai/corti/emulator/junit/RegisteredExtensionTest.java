package ai.corti.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.emulator.CortiEmulator;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension registered with a customised emulator, another tenant and no reset: data created in
 * {@code @BeforeAll} survives across the class's tests.
 */
class RegisteredExtensionTest {

    @RegisterExtension
    static final CortiEmulatorExtension CORTI = new CortiEmulatorExtension(
            CortiEmulator.builder().tokenLifetime(Duration.ofSeconds(42)).clientCredentials("ci", "ci-secret"))
            .withTenant("clinic-7")
            .withResetBetweenTests(false);

    @BeforeAll
    static void createShared(CortiClient client) {
        client.interactions().create(CortiEmulatorTestAnnotationTest.request("shared"));
    }

    @Test
    void usesTheRegisteredSettingsAndTheAnnotationsTenant(CortiEmulator emulator, CortiClient client) {
        assertThat(emulator.tokenLifetime()).isEqualTo(Duration.ofSeconds(42));
        assertThat(emulator.clientId()).isEqualTo("ci");
        assertThat(emulator.interactionCount("clinic-7")).isEqualTo(1);
        assertThat(client.interactions().list().stream()).hasSize(1);
    }

    @Test
    void keepsDataAcrossTestsWhenResetIsOff(CortiEmulator emulator) {
        assertThat(emulator.interactionCount("clinic-7")).isEqualTo(1);
    }
}
