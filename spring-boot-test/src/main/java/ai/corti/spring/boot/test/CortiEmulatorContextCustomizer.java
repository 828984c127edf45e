package ai.corti.spring.boot.test;

import ai.corti.emulator.CortiEmulator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts one emulator per application context, before the context refreshes (so the clients are built against
 * it), and stops it when the context closes. Equal for equal settings, so Spring's test framework shares a cached
 * context (and its emulator) between test classes with the same annotation.
 */
final class CortiEmulatorContextCustomizer implements ContextCustomizer {

    /** The bean name of the emulator. */
    static final String BEAN_NAME = "cortiEmulator";

    /** The name of the property source that points {@code corti.*} at the emulator. */
    static final String PROPERTY_SOURCE = "cortiEmulator";

    private final String tenant;

    CortiEmulatorContextCustomizer(String tenant) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        CortiEmulator emulator = CortiEmulator.start();
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, emulator);
        if (beans instanceof DefaultSingletonBeanRegistry registry) {
            // Registered before every other bean, so destroyed after them: the clients close first.
            registry.registerDisposableBean(BEAN_NAME, emulator::close);
        } else {
            context.addApplicationListener(event -> {
                if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                    emulator.close();
                }
            });
        }
        // First, so it wins over application.properties, profiles and the environment.
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE,
                properties(emulator, tenant)));
    }

    /** The properties that point the starter at the emulator; blank ones clear what the application set. */
    static Map<String, Object> properties(CortiEmulator emulator, String tenant) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("corti.tenant-name", tenant);
        properties.put("corti.environment", "");
        properties.put("corti.base-url", emulator.baseUrl());
        properties.put("corti.token-url", emulator.tokenUrl(tenant));
        properties.put("corti.client-id", emulator.clientId());
        properties.put("corti.client-secret", emulator.clientSecret());
        properties.put("corti.bearer-token", "");
        return properties;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CortiEmulatorContextCustomizer that && tenant.equals(that.tenant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(CortiEmulatorContextCustomizer.class, tenant);
    }
}
