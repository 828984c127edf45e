package ai.corti.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.CortiOperations;
import ai.corti.emulator.TenantData;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The extension injects the {@link TenantData} of its clients' tenant, and reset between tests empties every
 * resource and queued fault, not only interactions.
 */
@CortiEmulatorTest(tenant = "clinic-7")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantDataInjectionTest {

    @Test
    @Order(1)
    void injectsTheDataOfTheClientsTenant(TenantData data, CortiEmulator emulator) throws Exception {
        assertThat(data.tenant()).isEqualTo("clinic-7");
        UUID interaction = LifecycleCalls.interaction(emulator, "clinic-7");
        LifecycleCalls.upload(emulator, "clinic-7", interaction, new byte[] {7, 7});
        emulator.faults().forOperation(CortiOperations.RECORDINGS_UPLOAD).delayNext(1, Duration.ofSeconds(1));

        assertThat(data.interactionIds()).containsExactly(interaction);
        assertThat(data.recordings(interaction)).singleElement()
                .satisfies(recording -> assertThat(recording.bytes()).containsExactly(7, 7));
        assertThat(emulator.storedRecordingBytes()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void theNextTestStartsWithNothing(TenantData data, CortiEmulator emulator) {
        assertThat(data.interactionIds()).isEmpty();
        assertThat(emulator.storedRecordingBytes()).isZero();
        assertThat(emulator.faults().pending()).isZero();
    }
}
