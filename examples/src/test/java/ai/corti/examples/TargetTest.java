package ai.corti.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.CortiEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The walkthrough picks the real API only with all four variables, and never prints the secret. */
class TargetTest {

    @Test
    void noVariablesMeansTheEmulator() {
        assertThat(Target.realApi(Map.of())).isEmpty();
    }

    @Test
    void allFourMeanTheRealApi() {
        Target target = Target.realApi(Map.of("CORTI_TENANT", "base", "CORTI_ENVIRONMENT", "US",
                "CORTI_CLIENT_ID", "id", "CORTI_CLIENT_SECRET", "very-secret")).orElseThrow();

        assertThat(target.environment()).isEqualTo(CortiEnvironment.US);
        assertThat(target.tenant()).isEqualTo("base");
        assertThat(target.toString()).doesNotContain("very-secret");
    }

    @Test
    void halfAConfigurationIsAnErrorNamingWhatIsMissing() {
        assertThatThrownBy(() -> Target.realApi(Map.of("CORTI_TENANT", "base")))
                .hasMessageContaining("CORTI_CLIENT_SECRET").hasMessageContaining("CORTI_ENVIRONMENT");
        assertThatThrownBy(() -> Target.realApi(Map.of("CORTI_TENANT", "base", "CORTI_ENVIRONMENT", "mars",
                "CORTI_CLIENT_ID", "id", "CORTI_CLIENT_SECRET", "s"))).hasMessageContaining("eu or us");
    }
}
