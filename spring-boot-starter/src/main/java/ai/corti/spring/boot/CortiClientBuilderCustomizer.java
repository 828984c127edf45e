package ai.corti.spring.boot;

import ai.corti.client.core.CortiClientBuilder;

/**
 * Adjusts the builder of an auto-configured client after the {@code corti.*} properties are applied and before the
 * client is built: declare one or more as beans. They apply to both the blocking and the reactive client (the
 * builders share every setting); test {@code builder instanceof CortiClient.Builder} to tell them apart. Applied in
 * {@link org.springframework.core.annotation.Order @Order}.
 *
 * <pre>{@code
 * @Bean
 * CortiClientBuilderCustomizer cortiTokens(MyVault vault) {
 *     return builder -> builder.tokenProvider(vault::cortiToken);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CortiClientBuilderCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(CortiClientBuilder<?> builder);
}
