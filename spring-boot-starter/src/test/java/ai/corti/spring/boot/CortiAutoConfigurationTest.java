package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.CortiEnvironment;
import ai.corti.client.core.auth.Credentials;
import ai.corti.client.core.error.CortiClientClosedException;
import ai.corti.client.core.http.ConnectionPoolOptions;
import ai.corti.client.core.retry.RetryOptions;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.RecordedExchange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The auto-configuration in plain application contexts (no web server): properties to client settings, back-off,
 * customizers, closing, class conditions and startup failures. Calls go to one emulator shared by the class.
 */
class CortiAutoConfigurationTest {

    private static final String SECRET = "s3cr3t-never-shown";

    private static CortiEmulator emulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CortiAutoConfiguration.class, CortiClientAutoConfiguration.class,
                    CortiReactiveClientAutoConfiguration.class));

    @BeforeAll
    static void startEmulator() {
        emulator = CortiEmulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void clear() {
        emulator.reset();
        emulator.clearExchanges();
    }

    private static String[] emulatorProperties() {
        return new String[] {
                "corti.tenant-name=base",
                "corti.base-url=" + emulator.baseUrl(),
                "corti.token-url=" + emulator.tokenUrl("base"),
                "corti.client-id=" + emulator.clientId(),
                "corti.client-secret=" + emulator.clientSecret()};
    }

    private static CortiClientOptions options(ConfigurableApplicationContext context) {
        return context.getBean(CortiClientConfigurer.class).configure(new CortiClientConfigurer.OptionsProbe())
                .options();
    }

    private static InteractionsCreateRequest interaction(String identifier) {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier(identifier)
                .status(InteractionsEncounterStatusEnum.PLANNED)
                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION));
    }

    @Test
    void bothClientsCallTheApiConfiguredByProperties() {
        runner.withPropertyValues(emulatorProperties()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CortiClient.class)
                    .hasSingleBean(CortiReactiveClient.class);
            context.getBean(CortiClient.class).interactions().create(interaction("blocking-1"));
            context.getBean(CortiReactiveClient.class).interactions().create(interaction("reactive-1"))
                    .block(Duration.ofSeconds(20));
            assertThat(emulator.interactionCount("base")).isEqualTo(2);
        });
    }

    @Test
    void everyPropertyReachesTheClientSettings() {
        runner.withPropertyValues(
                "corti.tenant-name=acme",
                "corti.environment=us",
                "corti.client-id=app",
                "corti.client-secret=" + SECRET,
                "corti.scopes=streams,transcribe",
                "corti.connect-timeout=3s",
                "corti.response-timeout=7s",
                "corti.call-timeout=2m",
                "corti.max-response-size=2MB",
                "corti.max-error-response-size=64KB",
                "corti.retry.max-retries=5",
                "corti.retry.initial-backoff=250ms",
                "corti.retry.max-backoff=4s",
                "corti.retry.jitter=0.25",
                "corti.retry.max-retry-after=9s",
                "corti.pool.max-connections=7",
                "corti.pool.pending-acquire-max-count=70",
                "corti.pool.pending-acquire-timeout=1s",
                "corti.pool.max-idle-time=11s",
                "corti.pool.eviction-interval=5s",
                "corti.default-headers.X-Team=care",
                "corti.user-agent-suffix=my-app/1.2").run(context -> {
            assertThat(context).hasNotFailed();
            CortiClientOptions options = options(context);
            assertThat(options.tenantName()).isEqualTo("acme");
            assertThat(options.baseUrl()).isEqualTo(CortiEnvironment.US.baseUrl());
            assertThat(options.tokenUrl()).isEqualTo(CortiEnvironment.US.tokenUrl("acme"));
            assertThat(options.credentials()).isEqualTo(
                    new Credentials.ClientCredentials("app", SECRET, List.of("streams", "transcribe")));
            assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(options.responseTimeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(options.callTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(options.maxResponseSize()).isEqualTo(2L * 1024 * 1024);
            assertThat(options.maxErrorResponseSize()).isEqualTo(64L * 1024);
            assertThat(options.retry()).isEqualTo(new RetryOptions(5, Duration.ofMillis(250), Duration.ofSeconds(4),
                    0.25, Duration.ofSeconds(9)));
            assertThat(options.pool()).isEqualTo(new ConnectionPoolOptions(7, 70, Duration.ofSeconds(1),
                    Duration.ofSeconds(11), Duration.ofSeconds(5)));
            assertThat(options.defaultHeaders()).isEqualTo(Map.of("X-Team", "care"));
            assertThat(options.userAgent()).endsWith(" my-app/1.2");
        });
    }

    @Test
    void unsetPropertiesKeepTheBuilderDefaults() {
        runner.withPropertyValues("corti.tenant-name=base", "corti.environment=eu", "corti.bearer-token=t")
                .run(context -> {
                    CortiClientOptions configured = options(context);
                    CortiClientOptions defaults = new CortiClientConfigurer.OptionsProbe().tenantName("base")
                            .environment(CortiEnvironment.EU).bearerToken("t").options();
                    assertThat(configured.connectTimeout()).isEqualTo(defaults.connectTimeout());
                    assertThat(configured.responseTimeout()).isEqualTo(defaults.responseTimeout());
                    assertThat(configured.callTimeout()).isEqualTo(defaults.callTimeout());
                    assertThat(configured.maxResponseSize()).isEqualTo(defaults.maxResponseSize());
                    assertThat(configured.maxErrorResponseSize()).isEqualTo(defaults.maxErrorResponseSize());
                    assertThat(configured.retry()).isEqualTo(RetryOptions.DEFAULT);
                    assertThat(configured.pool()).isEqualTo(ConnectionPoolOptions.DEFAULT);
                    assertThat(configured.userAgent()).isEqualTo(defaults.userAgent());
                    assertThat(configured.credentials()).isEqualTo(new Credentials.BearerToken("t"));
                });
    }

    @Test
    void retriesAndTimeoutsFromPropertiesGovernRealCalls() {
        emulator.faults().failNext(1, 503);
        runner.withPropertyValues(emulatorProperties())
                .withPropertyValues("corti.retry.max-retries=0", "corti.default-headers.X-Team=care")
                .run(context -> {
                    CortiClient client = context.getBean(CortiClient.class);
                    assertThatThrownBy(() -> client.interactions().create(interaction("no-retry")))
                            .isInstanceOf(ai.corti.client.core.error.ServerException.class);
                    List<RecordedExchange> calls = emulator.exchanges().stream()
                            .filter(RecordedExchange::isApiCall).toList();
                    assertThat(calls).hasSize(1);
                    assertThat(calls.get(0).requestHeader("X-Team")).contains("care");
                    assertThat(calls.get(0).tenant()).isEqualTo("base");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnClients() {
        runner.withPropertyValues(emulatorProperties()).withUserConfiguration(OwnClients.class).run(context -> {
            assertThat(context).hasSingleBean(CortiClient.class).hasSingleBean(CortiReactiveClient.class);
            assertThat(context.getBean(CortiClient.class)).isSameAs(OwnClients.blocking);
            assertThat(context.getBean(CortiReactiveClient.class)).isSameAs(OwnClients.reactive);
        });
    }

    @Test
    void customizersAdjustBothBuildersInOrder() {
        runner.withPropertyValues(emulatorProperties()).withUserConfiguration(Customizers.class).run(context -> {
            context.getBean(CortiClient.class).interactions().create(interaction("customized-1"));
            context.getBean(CortiReactiveClient.class).interactions().create(interaction("customized-2"))
                    .block(Duration.ofSeconds(20));
            List<RecordedExchange> calls = emulator.exchanges().stream().filter(RecordedExchange::isApiCall).toList();
            assertThat(calls).hasSize(2);
            assertThat(calls).allSatisfy(call -> {
                // The second customizer runs after the first and overrides its value.
                assertThat(call.requestHeader("X-Customized")).contains("second");
                assertThat(call.requestHeader("User-Agent")).hasValueSatisfying(ua -> assertThat(ua).endsWith(" test-app/9"));
            });
            assertThat(calls.get(0).requestHeader("X-Facade")).contains("blocking");
            assertThat(calls.get(1).requestHeader("X-Facade")).contains("reactive");
        });
    }

    @Test
    void closingTheContextClosesBothClients() {
        CortiClient[] blocking = new CortiClient[1];
        CortiReactiveClient[] reactive = new CortiReactiveClient[1];
        runner.withPropertyValues(emulatorProperties()).run(context -> {
            blocking[0] = context.getBean(CortiClient.class);
            reactive[0] = context.getBean(CortiReactiveClient.class);
            blocking[0].interactions().create(interaction("before-close"));
        });
        emulator.clearExchanges();
        assertThatThrownBy(() -> blocking[0].interactions().create(interaction("after-close")))
                .isInstanceOf(CortiClientClosedException.class);
        assertThatThrownBy(() -> reactive[0].interactions().create(interaction("after-close"))
                .block(Duration.ofSeconds(20))).isInstanceOf(CortiClientClosedException.class);
        assertThat(emulator.exchanges()).isEmpty();
    }

    @Test
    void eachClientNeedsItsFacadeOnTheClasspath() {
        runner.withPropertyValues(emulatorProperties())
                .withClassLoader(new FilteredClassLoader("ai.corti.client.blocking."))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CortiClient.class)
                        .hasSingleBean(CortiReactiveClient.class));
        runner.withPropertyValues(emulatorProperties())
                .withClassLoader(new FilteredClassLoader("ai.corti.client.reactive."))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CortiClient.class)
                        .doesNotHaveBean(CortiReactiveClient.class));
    }

    @Test
    void badPropertiesStopStartupNamingThePropertyNotTheSecret() {
        runner.withPropertyValues("corti.tenant-name=base", "corti.base-url=https://proxy.example/v2",
                        "corti.client-id=app", "corti.client-secret=" + SECRET, "corti.retry.jitter=2",
                        "corti.connect-timeout=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    InvalidCortiPropertiesException invalid = findCause(failure);
                    assertThat(invalid.problems()).containsExactly(
                            "corti.token-url is required with corti.base-url and client credentials",
                            "corti.connect-timeout must be a positive duration, was PT0S",
                            "corti.retry.jitter must be between 0 and 1, was 2.0");
                    assertThat(fullText(failure)).doesNotContain(SECRET);
                    FailureAnalysis analysis = new CortiPropertiesFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("corti.token-url", "corti.retry.jitter")
                            .doesNotContain(SECRET);
                });
    }

    @Test
    void whatOnlyTheBuilderKnowsIsReportedWithThePropertyName() {
        runner.withPropertyValues("corti.tenant-name=a/b", "corti.environment=eu", "corti.bearer-token=" + SECRET)
                .run(context -> {
                    InvalidCortiPropertiesException invalid = findCause(context.getStartupFailure());
                    assertThat(invalid.getMessage()).contains("corti.tenant-name may contain only letters")
                            .doesNotContain(SECRET);
                });
        runner.withPropertyValues("corti.tenant-name=base", "corti.environment=eu", "corti.bearer-token=" + SECRET,
                        "corti.default-headers.Authorization=Bearer " + SECRET)
                .run(context -> {
                    InvalidCortiPropertiesException invalid = findCause(context.getStartupFailure());
                    assertThat(invalid.getMessage()).contains("corti.default-headers 'Authorization'")
                            .doesNotContain(SECRET);
                });
    }

    @Test
    void missingSettingsAreNamed() {
        runner.run(context -> assertThat(findCause(context.getStartupFailure()).problems()).containsExactly(
                "corti.tenant-name is required (your Corti tenant, e.g. 'base')",
                "corti.environment (eu or us) or corti.base-url is required",
                "credentials missing: set corti.client-id and corti.client-secret, or corti.bearer-token"));
    }

    @Test
    void blankPropertiesCountAsUnset() {
        // A profile clears the environment and the bearer token of a base configuration.
        runner.withPropertyValues("corti.environment=eu", "corti.bearer-token=t")
                .withPropertyValues(emulatorProperties())
                .withPropertyValues("corti.environment=", "corti.bearer-token=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(options(context).baseUrl()).isEqualTo(URI.create(emulator.baseUrl()));
                });
    }

    private static InvalidCortiPropertiesException findCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidCortiPropertiesException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("no InvalidCortiPropertiesException in " + failure, failure);
    }

    private static String fullText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    /** The application's own clients. */
    @Configuration(proxyBeanMethods = false)
    static class OwnClients {

        static CortiClient blocking;
        static CortiReactiveClient reactive;

        @Bean
        CortiClient ownBlocking() {
            blocking = emulator.configure(CortiClient.builder()).build();
            return blocking;
        }

        @Bean
        CortiReactiveClient ownReactive() {
            reactive = emulator.configure(CortiReactiveClient.builder()).build();
            return reactive;
        }
    }

    /** Two customizers; the second wins where they overlap. */
    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        CortiClientBuilderCustomizer second() {
            return builder -> builder.defaultHeader("X-Customized", "second");
        }

        @Bean
        @Order(1)
        CortiClientBuilderCustomizer first() {
            return builder -> builder.defaultHeader("X-Customized", "first").userAgentSuffix("test-app/9")
                    .defaultHeader("X-Facade", builder instanceof CortiClient.Builder ? "blocking" : "reactive");
        }
    }
}
