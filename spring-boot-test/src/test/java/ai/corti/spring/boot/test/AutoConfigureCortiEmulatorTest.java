package ai.corti.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * One annotation on a {@code @SpringBootTest}: the starter's clients call an emulator started for the context,
 * although application.properties names the EU region and a bearer token.
 */
@SpringBootTest(classes = AutoConfigureCortiEmulatorTest.App.class)
@AutoConfigureCortiEmulator
class AutoConfigureCortiEmulatorTest {

    @Autowired
    CortiEmulator emulator;

    @Autowired
    CortiClient blocking;

    @Autowired
    CortiReactiveClient reactive;

    @Autowired
    Environment environment;

    static InteractionsCreateRequest interaction(String identifier) {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier(identifier)
                .status(InteractionsEncounterStatusEnum.PLANNED)
                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION));
    }

    @Test
    void bothClientsCallTheEmulatorOfTheContext() {
        emulator.reset();
        blocking.interactions().create(interaction("via-blocking"));
        reactive.interactions().create(interaction("via-reactive")).block(Duration.ofSeconds(20));
        assertThat(emulator.interactionCount("base")).isEqualTo(2);
        assertThat(environment.getProperty("corti.base-url")).isEqualTo(emulator.baseUrl());
        assertThat(environment.getProperty("corti.tenant-name")).isEqualTo("base");
    }

    /** A nested class with its own tenant gets its own context and emulator. */
    @Nested
    @AutoConfigureCortiEmulator(tenant = "clinic-7")
    class OwnTenant {

        @Autowired
        CortiEmulator ownEmulator;

        @Autowired
        CortiClient ownClient;

        @Autowired
        Environment ownEnvironment;

        @Test
        void theClientsUseTheAnnotationsTenant() {
            ownClient.interactions().create(interaction("clinic"));
            assertThat(ownEmulator.interactionCount("clinic-7")).isEqualTo(1);
            assertThat(ownEmulator.interactionCount("base")).isZero();
            assertThat(ownEnvironment.getProperty("corti.tenant-name")).isEqualTo("clinic-7");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
