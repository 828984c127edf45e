package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullableModule;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.ClassUtils;

/** Each JSON module is a bean only when its Jackson is present (what each Boot line's mapper picks up). */
class JacksonModulesTest {

    private static final String JACKSON3_MODULE = "cortiJsonNullableJackson3Module";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CortiJacksonAutoConfiguration.class));

    @Test
    void eachJacksonOnTheClasspathGetsItsModule() {
        // Boot 4 (the default build) has both Jacksons here; the Boot 3.5 run (compat-boot35) has only Jackson 2.
        boolean jackson3 = ClassUtils.isPresent("tools.jackson.databind.JacksonModule", getClass().getClassLoader());
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JsonNullableModule.class);
            // By name: JsonNullableJackson3Module cannot even be loaded without Jackson 3.
            assertThat(context.containsBean(JACKSON3_MODULE)).isEqualTo(jackson3);
        });
    }

    @Test
    void withoutJackson3OnlyTheJackson2Module() {
        // A Boot 3.5 application: no tools.jackson on the classpath.
        runner.withClassLoader(new FilteredClassLoader("tools.jackson."))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JsonNullableModule.class)
                        .doesNotHaveBean(JACKSON3_MODULE));
    }
}
