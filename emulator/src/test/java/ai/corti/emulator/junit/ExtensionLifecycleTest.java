package ai.corti.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ai.corti.client.blocking.CortiClient;
import ai.corti.emulator.CortiEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a user's test class through the JUnit engine and checks the extension's lifecycle from outside: plain
 * {@code @ExtendWith} works, and the emulator is closed (its port refuses connections) once the class is done.
 */
class ExtensionLifecycleTest {

    private static final AtomicReference<CortiEmulator> SEEN = new AtomicReference<>();

    @Test
    void theEmulatorIsClosedAfterTheTestClass() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(UserTest.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));

        int port = SEEN.get().port();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).isInstanceOf(IOException.class);
    }

    /** A user's test, run only by the engine above (surefire skips nested static classes without @Nested). */
    @ExtendWith(CortiEmulatorExtension.class)
    static class UserTest {
        @Test
        void usesTheEmulator(CortiEmulator emulator, CortiClient client) {
            SEEN.set(emulator);
            assertThat(client.interactions().list().stream()).isEmpty();
        }
    }
}
