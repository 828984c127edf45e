package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A real {@code SpringApplication} with a bad property: startup fails, and Boot's report (our failure analyzer,
 * registered in spring.factories) names the property and never prints the secret, anywhere in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    private static final String SECRET = "s3cr3t-in-a-failed-startup";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void theReportNamesThePropertyAndHidesTheSecret(CapturedOutput output) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--corti.tenant-name=base", "--corti.base-url=https://proxy.example/v2",
                "--corti.client-id=app", "--corti.client-secret=" + SECRET, "--corti.pool.max-connections=0").close())
                .hasRootCauseInstanceOf(InvalidCortiPropertiesException.class);
        assertThat(output.getAll())
                .contains("The Corti client could not be configured from corti.*:")
                .contains("corti.token-url is required with corti.base-url and client credentials")
                .contains("corti.pool.max-connections must be 1 or more, was 0")
                .contains("Correct the corti.* properties named above")
                .doesNotContain(SECRET);
    }
}
