package ai.corti.spring.boot.test.readme;

import ai.corti.spring.boot.CortiClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// README: Spring Boot, customizer
@Configuration(proxyBeanMethods = false)
class CortiCustomization {

    @Bean
    CortiClientBuilderCustomizer cortiTeamHeader() {                 // runs after corti.* is applied, for both clients
        return builder -> builder.defaultHeader("X-Team", "cardiology");
    }
}
// README: end
