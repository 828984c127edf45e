package ai.corti.spring.boot;

import ai.corti.client.blocking.CortiClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Creates the blocking {@link CortiClient} from the {@code corti.*} properties when {@code corti-client-blocking} is
 * on the classpath and the application defines no {@code CortiClient} of its own. The client is closed with the
 * context (its {@code close()} waits up to 10 s for its threads).
 */
@AutoConfiguration(after = CortiAutoConfiguration.class)
@ConditionalOnClass(name = "ai.corti.client.blocking.CortiClient")
public class CortiClientAutoConfiguration {

    /** Created by Spring Boot. */
    public CortiClientAutoConfiguration() {
    }

    /**
     * The blocking client.
     *
     * @param configurer  applies the properties
     * @param customizers adjust the builder afterwards, in order
     * @return the client, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public CortiClient cortiClient(CortiClientConfigurer configurer,
                                   ObjectProvider<CortiClientBuilderCustomizer> customizers) {
        CortiClient.Builder builder = configurer.configure(CortiClient.builder());
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }
}
