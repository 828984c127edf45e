package ai.corti.spring.boot;

import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import org.openapitools.jackson.nullable.JsonNullableModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Teaches Spring Boot's JSON mapper the SDK's {@code JsonNullable} fields, so a controller that returns an SDK
 * model writes {@code "title":"x"}, {@code "title":null} or nothing, not {@code {"present":true}}. Spring Boot adds
 * module beans to the mapper it builds:
 *
 * <ul>
 *   <li>Jackson 2 ({@code ObjectMapper}; Spring Boot 3.5, or 4 with {@code spring-boot-jackson2}): a
 *       {@code com.fasterxml.jackson.databind.Module} bean, {@link JsonNullableModule}.</li>
 *   <li>Jackson 3 ({@code JsonMapper}; Spring Boot 4's default): a {@code tools.jackson.databind.JacksonModule}
 *       bean, {@link JsonNullableJackson3Module}.</li>
 * </ul>
 *
 * <p>Each is in its own configuration class, guarded by the class name, so neither line needs the other's Jackson.
 */
@AutoConfiguration
public class CortiJacksonAutoConfiguration {

    /** Created by Spring Boot. */
    public CortiJacksonAutoConfiguration() {
    }

    /** The Jackson 2 module. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.fasterxml.jackson.databind.Module")
    static class Jackson2 {

        @Bean
        JsonNullableModule cortiJsonNullableModule() {
            return new JsonNullableModule();
        }
    }

    /** The Jackson 3 module. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
    static class Jackson3 {

        @Bean
        JsonNullableJackson3Module cortiJsonNullableJackson3Module() {
            return new JsonNullableJackson3Module();
        }
    }
}
