package ai.corti.emulator;

import ai.corti.client.core.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.error.ServerException;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.emulator.junit.CortiEmulatorTest;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The emulator snippets of the root README, as written there: keep the two in step. */
class ReadmeExamplesTest {

    private final InteractionsCreateRequest request = new InteractionsCreateRequest()
            .encounter(new InteractionsEncounterCreateRequest().identifier("encounter-42")
                    .status(InteractionsEncounterStatusEnum.PLANNED)
                    .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION));

    @Test
    void embedded() {
        try (CortiEmulator emulator = CortiEmulator.start();                         // random free port
             CortiClient client = emulator.configure(CortiClient.builder()).build()) { // base URL, token URL, tenant, credentials
            client.interactions().create(request);
            assertThat(emulator.interactionCount("base")).isEqualTo(1);
        }
    }

    @Test
    void customised() {
        MutableClock testClock = MutableClock.at("2025-01-01T00:00:00Z");
        CortiEmulator custom = CortiEmulator.builder()
                .tokenLifetime(Duration.ofSeconds(30))
                .clientCredentials("my-client", "my-secret")
                .clock(testClock)                                                    // token expiry and timestamps follow it
                .start();
        try (custom) {
            assertThat(custom.clientId()).isEqualTo("my-client");
            assertThat(custom.tokenLifetime()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Nested
    @CortiEmulatorTest
    class BookingServiceTest {
        @Test
        void aFailedCreateIsNotRetriedSoNothingIsDuplicated(CortiEmulator emulator, CortiClient client) {
            emulator.faults().failNext(1, 503);                                  // also delayNext(n, duration), dropNext(n)

            assertThatThrownBy(() -> client.interactions().create(request)).isInstanceOf(ServerException.class);
            assertThat(emulator.interactionCount("base")).isZero();
            assertThat(emulator.exchanges()).filteredOn(RecordedExchange::isApiCall).hasSize(1);
        }
    }
}
