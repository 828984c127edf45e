package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import org.openapitools.jackson.nullable.JsonNullableModule;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each JSON module is a bean only when its Jackson is present (what each Boot line's mapper picks up). */
class JacksonModulesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CortiJacksonAutoConfiguration.class));

    @Test
    void bothJacksonsBothModules() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(JsonNullableModule.class)
                .hasSingleBean(JsonNullableJackson3Module.class));
    }

    @Test
    void withoutJackson3OnlyTheJackson2Module() {
        // A Boot 3.5 application: no tools.jackson on the classpath.
        runner.withClassLoader(new FilteredClassLoader("tools.jackson."))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JsonNullableModule.class)
                        .doesNotHaveBean(JsonNullableJackson3Module.class));
    }
}
