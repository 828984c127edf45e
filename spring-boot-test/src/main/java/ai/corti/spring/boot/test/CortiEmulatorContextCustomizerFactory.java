package ai.corti.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link AutoConfigureCortiEmulator} on a test class (or an enclosing or super class) and adds the emulator
 * to its context. Registered in {@code META-INF/spring.factories}, so Spring's test framework applies it to every
 * test without further setup.
 */
class CortiEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureCortiEmulator annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureCortiEmulator.class);
        return annotation == null ? null : new CortiEmulatorContextCustomizer(annotation.tenant());
    }
}
