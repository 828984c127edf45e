package ai.corti.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.emulator.CortiEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** The customizer's lifecycle, on a bare context: registered by spring.factories, started, exposed, stopped. */
class CortiEmulatorContextCustomizerTest {

    @AutoConfigureCortiEmulator(tenant = "t1")
    static class Annotated {
    }

    static class Plain {
    }

    @Test
    void theFactoryIsRegisteredAndOnlyActsOnAnnotatedTests() {
        List<ContextCustomizerFactory> factories = SpringFactoriesLoader.loadFactories(ContextCustomizerFactory.class,
                getClass().getClassLoader());
        assertThat(factories).hasAtLeastOneElementOfType(CortiEmulatorContextCustomizerFactory.class);
        CortiEmulatorContextCustomizerFactory factory = new CortiEmulatorContextCustomizerFactory();
        assertThat(factory.createContextCustomizer(Plain.class, List.of())).isNull();
        // Equal settings, equal customizers: Spring's context cache shares the context.
        assertThat(factory.createContextCustomizer(Annotated.class, List.of()))
                .isEqualTo(new CortiEmulatorContextCustomizer("t1"))
                .isNotEqualTo(new CortiEmulatorContextCustomizer("t2"));
    }

    @Test
    void theEmulatorIsABeanAndStopsWithTheContext() throws IOException {
        ContextCustomizer customizer = new CortiEmulatorContextCustomizerFactory()
                .createContextCustomizer(Annotated.class, List.of());
        CortiEmulator emulator;
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            customizer.customizeContext(context, null);
            context.refresh();
            emulator = context.getBean(CortiEmulator.class);
            assertThat(context.getEnvironment().getProperty("corti.token-url")).isEqualTo(emulator.tokenUrl("t1"));
            assertThat(context.getEnvironment().getProperty("corti.client-secret")).isEqualTo(emulator.clientSecret());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 5_000);
                assertThat(socket.isConnected()).isTrue();
            }
        }
        int port = emulator.port();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            }
        }).isInstanceOf(IOException.class);
    }
}
