package ai.corti.spring.boot;

import ai.corti.client.reactive.CortiReactiveClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Creates the {@link CortiReactiveClient} from the {@code corti.*} properties when {@code corti-client-reactive} is
 * on the classpath and the application defines no {@code CortiReactiveClient} of its own. The client is closed with
 * the context.
 */
@AutoConfiguration(after = CortiAutoConfiguration.class)
@ConditionalOnClass(name = "ai.corti.client.reactive.CortiReactiveClient")
public class CortiReactiveClientAutoConfiguration {

    /** Created by Spring Boot. */
    public CortiReactiveClientAutoConfiguration() {
    }

    /**
     * The reactive client.
     *
     * @param configurer  applies the properties
     * @param customizers adjust the builder afterwards, in order
     * @return the client, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public CortiReactiveClient cortiReactiveClient(CortiClientConfigurer configurer,
                                                   ObjectProvider<CortiClientBuilderCustomizer> customizers) {
        CortiReactiveClient.Builder builder = configurer.configure(CortiReactiveClient.builder());
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }
}
