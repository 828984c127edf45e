package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsUpdateRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Data is partitioned by Tenant-Name: one tenant never sees, reads or changes another's interactions. */
class TenantIsolationTest {

    @Test
    void tenantsSeeOnlyTheirOwnInteractions() {
        try (CortiEmulator emulator = CortiEmulator.start();
             CortiClient a = emulator.configure(CortiClient.builder(), "tenant-a").build();
             CortiClient b = emulator.configure(CortiClient.builder(), "tenant-b").build()) {
            UUID ofA = a.interactions().create(new InteractionsCreateRequest().encounter(
                    new InteractionsEncounterCreateRequest().identifier("a-1")
                            .status(InteractionsEncounterStatusEnum.PLANNED)
                            .type(InteractionsEncounterTypeEnum.EMERGENCY))).getInteractionId();

            assertThat(a.interactions().list().stream().map(i -> i.getId())).containsExactly(ofA);
            assertThat(b.interactions().list().stream()).isEmpty();
            assertThatThrownBy(() -> b.interactions().get(ofA)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> b.interactions().update(ofA, new InteractionsUpdateRequest()
                    .encounter(new InteractionsEncounterUpdateRequest().title("taken over"))))
                    .isInstanceOf(NotFoundException.class);
            assertThat(a.interactions().get(ofA).getEncounter().getTitle()).isNull();
            assertThat(emulator.interactionCount("tenant-a")).isEqualTo(1);
            assertThat(emulator.interactionCount("tenant-b")).isZero();
        }
    }
}
