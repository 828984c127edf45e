package ai.corti.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.RepeatedTest;

/**
 * {@link CortiEmulatorTest} injects a running emulator and clients configured for it; one emulator per class,
 * reset between tests.
 */
@CortiEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CortiEmulatorTestAnnotationTest {

    private static CortiEmulator seen;

    @Test
    @Order(1)
    void injectsTheEmulatorAndBothClients(CortiEmulator emulator, CortiClient client, CortiReactiveClient reactive) {
        seen = emulator;
        client.interactions().create(request("from-blocking"));
        reactive.interactions().create(request("from-reactive")).block(Duration.ofSeconds(10));

        assertThat(emulator.interactionCount(CortiEmulator.DEFAULT_TENANT)).isEqualTo(2);
        assertThat(client.interactions().list().stream()).hasSize(2);
    }

    @RepeatedTest(2)
    @Order(2)
    void everyTestStartsEmptyOnTheSameEmulator(CortiEmulator emulator, CortiClient client) {
        assertThat(emulator).isSameAs(seen);
        assertThat(client.interactions().list().stream()).isEmpty();
        client.interactions().create(request("again"));
        assertThat(emulator.exchanges()).isNotEmpty();
    }

    static InteractionsCreateRequest request(String identifier) {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest().identifier(identifier)
                .status(InteractionsEncounterStatusEnum.PLANNED).type(InteractionsEncounterTypeEnum.CONSULTATION));
    }
}
