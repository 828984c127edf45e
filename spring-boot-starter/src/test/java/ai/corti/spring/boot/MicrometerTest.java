package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's Micrometer registries reach both clients; without them, or without Micrometer, nothing breaks. */
class MicrometerTest {

    private static CortiEmulator emulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CortiAutoConfiguration.class, CortiClientAutoConfiguration.class,
                    CortiReactiveClientAutoConfiguration.class, CortiMicrometerAutoConfiguration.class));

    @BeforeAll
    static void start() {
        emulator = CortiEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private String[] properties() {
        return new String[] {"corti.tenant-name=base", "corti.base-url=" + emulator.baseUrl(),
                "corti.token-url=" + emulator.tokenUrl("base"), "corti.client-id=" + emulator.clientId(),
                "corti.client-secret=" + emulator.clientSecret()};
    }

    private static InteractionsCreateRequest interaction() {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier("observed")
                .status(InteractionsEncounterStatusEnum.PLANNED)
                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION));
    }

    @Test
    void callsAreObservedAndThePoolIsMetered() {
        runner.withPropertyValues(properties()).withUserConfiguration(Registries.class).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            context.getBean(CortiClient.class).interactions().create(interaction());
            context.getBean(CortiReactiveClient.class).interactions().create(interaction())
                    .block(Duration.ofSeconds(20));
            assertThat(meters.find("corti.client.requests").tag("corti.operation", "interactions_create").timers())
                    .isNotEmpty()
                    .allSatisfy(timer -> assertThat(timer.count()).isPositive());
            assertThat(meters.find("corti.client.requests").timers().stream().mapToLong(t -> t.count()).sum())
                    .isEqualTo(2);
            // One set of pool gauges per client.
            assertThat(meters.find("corti.client.connections.active").gauges()).hasSize(2);
        });
    }

    @Test
    void withoutRegistriesOrWithoutMicrometerTheClientsWork() {
        runner.withPropertyValues(properties()).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MeterRegistry.class);
            context.getBean(CortiClient.class).interactions().create(interaction());
        });
        runner.withPropertyValues(properties())
                .withClassLoader(new FilteredClassLoader("io.micrometer.core."))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(CortiClientBuilderCustomizer.class)).hasSize(1);
                    context.getBean(CortiClient.class).interactions().create(interaction());
                });
    }

    /** What Spring Boot's actuator would define. */
    @Configuration(proxyBeanMethods = false)
    static class Registries {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry(MeterRegistry meters) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
            return registry;
        }
    }
}
