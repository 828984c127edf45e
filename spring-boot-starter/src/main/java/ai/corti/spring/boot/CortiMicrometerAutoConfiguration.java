package ai.corti.spring.boot;

import ai.corti.client.core.CortiClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Hands the application's Micrometer registries to both clients, when the application has them (Spring Boot's
 * actuator defines both): its {@code ObservationRegistry} (a timer and a span per call and token fetch, W3C trace
 * context sent on) and its {@code MeterRegistry} (the pool's gauges). Micrometer is optional for the SDK, so each
 * part is guarded by its class name and nothing Micrometer loads without it. The registries are applied before the
 * application's own {@link CortiClientBuilderCustomizer}s, which may replace them.
 */
@AutoConfiguration
public class CortiMicrometerAutoConfiguration {

    /** Created by Spring Boot. */
    public CortiMicrometerAutoConfiguration() {
    }

    /** Observations, when micrometer-observation is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    static class Observations {

        @Bean
        CortiClientBuilderCustomizer cortiObservationRegistryCustomizer(ObjectProvider<ObservationRegistry> registry) {
            return new RegistryCustomizer() {
                @Override
                public void customize(CortiClientBuilder<?> builder) {
                    registry.ifUnique(builder::observationRegistry);
                }
            };
        }
    }

    /** Pool gauges, when micrometer-core is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Meters {

        @Bean
        CortiClientBuilderCustomizer cortiMeterRegistryCustomizer(ObjectProvider<MeterRegistry> registry) {
            return new RegistryCustomizer() {
                @Override
                public void customize(CortiClientBuilder<?> builder) {
                    registry.ifUnique(builder::meterRegistry);
                }
            };
        }
    }

    /** Runs first, so that the application's customizers see (and may replace) the registries. */
    abstract static class RegistryCustomizer implements CortiClientBuilderCustomizer, Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
