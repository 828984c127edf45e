package ai.corti.it.readme;

import ai.corti.client.reactive.CortiReactiveClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/** The README's "Metrics and tracing" snippet, compiled by the build and run by {@link MetricsReadmeExamplesTest}. */
final class MetricsReadmeExamples {

    private MetricsReadmeExamples() {
    }

    static CortiReactiveClient observed(CortiReactiveClient.Builder builder, MeterRegistry meterRegistry) {
        // README: metrics
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig()
                .observationHandler(new DefaultMeterObservationHandler(meterRegistry));   // timers and counters
        CortiReactiveClient client = builder                                              // tenant, credentials, ...
                .observationRegistry(observations)
                .meterRegistry(meterRegistry)                                             // the pool's gauges
                .build();
        // README: end
        return client;
    }
}
