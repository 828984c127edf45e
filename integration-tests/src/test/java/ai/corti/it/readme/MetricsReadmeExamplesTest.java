package ai.corti.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.junit.CortiEmulatorTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's metrics snippet against the emulator: the documented meters appear, with their tags. */
@CortiEmulatorTest
class MetricsReadmeExamplesTest {

    @Test
    void aCallThroughTheSnippetsClientIsMeasured(CortiEmulator emulator) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CortiReactiveClient client = MetricsReadmeExamples.observed(emulator.configure(CortiReactiveClient.builder()),
                meters)) {
            client.interactions().create(LifecycleReadmeExamplesTest.anInteraction()).block(Duration.ofSeconds(10));

            assertThat(meters.get("corti.client.requests").tag("corti.operation", "interactions_create")
                    .tag("status", "201").tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
            assertThat(meters.get("corti.client.token.fetches").timer().count()).isEqualTo(1);
            assertThat(meters.get("corti.client.connections.open").gauge().value()).isPositive();
        }
        assertThat(meters.find("corti.client.connections.open").gauges()).as("removed on close").isEmpty();
    }
}
