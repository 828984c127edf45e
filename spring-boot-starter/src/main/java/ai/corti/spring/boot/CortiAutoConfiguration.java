package ai.corti.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Binds the {@code corti.*} properties and provides the {@link CortiClientConfigurer} both clients are built with.
 * The clients themselves come from {@link CortiClientAutoConfiguration} and {@link CortiReactiveClientAutoConfiguration},
 * each when its facade is on the classpath.
 */
@AutoConfiguration
@EnableConfigurationProperties(CortiProperties.class)
public class CortiAutoConfiguration {

    /** Created by Spring Boot. */
    public CortiAutoConfiguration() {
    }

    /**
     * The configurer both clients are built with.
     *
     * @param properties the bound properties
     * @return the configurer
     */
    @Bean
    @ConditionalOnMissingBean
    public CortiClientConfigurer cortiClientConfigurer(CortiProperties properties) {
        return new CortiClientConfigurer(properties);
    }
}
