package ai.corti.spring.boot.test;

import ai.corti.emulator.CortiEmulator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test's application context against an in-memory Corti API: a {@link CortiEmulator} is started for
 * the context (on 127.0.0.1, a free port), the {@code corti.*} properties point at it (base URL, token URL, tenant,
 * client id and secret, overriding the application's own, which may name a real region or a bearer token), it is a
 * bean the test can inject, and it stops when the context closes. Contexts cached by Spring's test framework keep
 * their emulator: call {@link CortiEmulator#reset()} between tests that need a clean one.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureCortiEmulator
 * class InteractionServiceTest {
 *     @Autowired CortiEmulator emulator;
 *     @Autowired InteractionService service; // uses the auto-configured CortiClient
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureCortiEmulator {

    /**
     * The tenant the clients use ({@code corti.tenant-name}); the emulator serves any.
     *
     * @return the tenant, {@code base} by default
     */
    String tenant() default CortiEmulator.DEFAULT_TENANT;
}
