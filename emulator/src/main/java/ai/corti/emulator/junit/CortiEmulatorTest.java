package ai.corti.emulator.junit;

import ai.corti.emulator.CortiEmulator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link CortiEmulator}: test methods (and constructors, lifecycle methods) get
 * the emulator, a {@code CortiClient} and a {@code CortiReactiveClient} configured for it, and the
 * {@link ai.corti.emulator.TenantData} of their tenant, by declaring parameters of those types.
 *
 * <pre>{@code
 * @CortiEmulatorTest
 * class BillingTest {
 *     @Test
 *     void createsAnInteraction(CortiClient client, CortiEmulator emulator) {
 *         client.interactions().create(...);
 *         assertThat(emulator.interactionCount("base")).isEqualTo(1);
 *     }
 * }
 * }</pre>
 *
 * <p>One emulator serves the whole class and is closed after it; see {@link CortiEmulatorExtension} for the
 * rules.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CortiEmulatorExtension.class)
public @interface CortiEmulatorTest {

    /**
     * The tenant the injected clients act for.
     *
     * @return the tenant, {@link CortiEmulator#DEFAULT_TENANT} by default
     */
    String tenant() default CortiEmulator.DEFAULT_TENANT;

    /**
     * Whether each test starts with no interactions (nor their recordings, transcripts, facts, documents), faults or
     * recorded exchanges. Turn it off to share data
     * created in {@code @BeforeAll} across the class.
     *
     * @return {@code true} by default
     */
    boolean resetBetweenTests() default true;
}
