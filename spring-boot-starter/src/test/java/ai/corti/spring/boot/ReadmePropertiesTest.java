package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.CortiEnvironment;
import ai.corti.client.core.auth.Credentials;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** The README's application.properties ({@code src/test/resources/readme/application.properties}) configures a client. */
class ReadmePropertiesTest {

    @Test
    void theReadmesPropertiesConfigureTheClients() throws IOException {
        ResourcePropertySource readme = new ResourcePropertySource(new ClassPathResource("readme/application.properties"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CortiAutoConfiguration.class,
                        CortiClientAutoConfiguration.class))
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(readme))
                .withPropertyValues("CORTI_CLIENT_ID=my-client", "CORTI_CLIENT_SECRET=my-secret")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CortiClient.class);
                    CortiClientOptions options = context.getBean(CortiClientConfigurer.class)
                            .configure(new CortiClientConfigurer.OptionsProbe()).options();
                    assertThat(options.baseUrl()).isEqualTo(CortiEnvironment.EU.baseUrl());
                    assertThat(options.credentials())
                            .isEqualTo(new Credentials.ClientCredentials("my-client", "my-secret", List.of()));
                    assertThat(options.responseTimeout()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(options.retry().maxRetries()).isEqualTo(3);
                    assertThat(options.pool().maxConnections()).isEqualTo(20);
                    assertThat(options.defaultHeaders()).isEqualTo(Map.of("X-Team", "cardiology"));
                    assertThat(options.userAgent()).endsWith(" my-service/2.1");
                });
    }
}
