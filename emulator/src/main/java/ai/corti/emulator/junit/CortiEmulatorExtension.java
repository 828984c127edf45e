package ai.corti.emulator.junit;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.TenantData;
import ai.corti.emulator.streams.StreamControls;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that gives tests a running {@link CortiEmulator} and SDK clients configured for it, by
 * parameter injection of {@link CortiEmulator}, {@link CortiClient} and {@link CortiReactiveClient}, and the
 * emulator's {@link StreamControls} to script its real-time sessions, and the {@link TenantData} of the clients'
 * tenant, to inspect what the code under test stored:
 * <pre>{@code
 * @Test
 * void uploadsTheDictation(CortiClient client, CortiEmulator emulator, TenantData data) {
 *     emulator.faults().forOperation(CortiOperations.RECORDINGS_UPLOAD).failNext(1, 503);
 *     service.upload(client, interactionId, audio);                     // the code under test retries
 *     assertThat(data.recordings(interactionId)).singleElement()
 *             .satisfies(recording -> assertThat(recording.bytes()).isEqualTo(audio));
 * }
 *
 * @Test
 * void aRefusedConfigurationFailsTheConnect(CortiClient client, StreamControls streams) {
 *     streams.nextSession().answerConfig("CONFIG_DENIED", "language unavailable");
 *     assertThatThrownBy(() -> client.transcribe().connect(config)).isInstanceOf(StreamConfigException.class);
 * }
 * }</pre>
 *
 * <p>Use it with {@link CortiEmulatorTest}, with {@code @ExtendWith(CortiEmulatorExtension.class)}, or
 * registered with a customised emulator (then without the annotation, which would register a second one):
 * <pre>{@code
 * @RegisterExtension
 * static CortiEmulatorExtension corti = new CortiEmulatorExtension(
 *         CortiEmulator.builder().tokenLifetime(Duration.ofSeconds(60)))
 *     .withTenant("clinic-7");
 * }</pre>
 *
 * <p>Rules: the emulator is started when a test of a class first asks for it and closed (clients first)
 * after the class; each test starts with no interactions (nor anything they hold), faults, recorded exchanges or
 * stream scripts and sessions (open ones are dropped) unless reset is turned off (tokens survive, so clients keep
 * working); the clients act for the tenant ({@code base} by default) and keep the SDK's default settings. Settings
 * come from {@link CortiEmulatorTest} when the class
 * has it, else from {@link #withTenant(String)} and {@link #withResetBetweenTests(boolean)}.
 */
public final class CortiEmulatorExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            CortiEmulatorExtension.class);

    private final CortiEmulator.Builder emulatorBuilder;
    private final String tenant;
    private final boolean resetBetweenTests;

    /** Creates the extension with a default emulator: random port, demo credentials, system clock. */
    public CortiEmulatorExtension() {
        this(CortiEmulator.builder());
    }

    /**
     * Creates the extension with a customised emulator, for {@code @RegisterExtension}.
     *
     * @param emulatorBuilder the emulator's settings; each test class gets an emulator started from it
     */
    public CortiEmulatorExtension(CortiEmulator.Builder emulatorBuilder) {
        this(emulatorBuilder, CortiEmulator.DEFAULT_TENANT, true);
    }

    private CortiEmulatorExtension(CortiEmulator.Builder emulatorBuilder, String tenant, boolean resetBetweenTests) {
        this.emulatorBuilder = Objects.requireNonNull(emulatorBuilder, "emulatorBuilder");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.resetBetweenTests = resetBetweenTests;
    }

    /**
     * Returns a copy whose injected clients act for another tenant.
     *
     * @param tenant the tenant
     * @return the new extension
     */
    public CortiEmulatorExtension withTenant(String tenant) {
        return new CortiEmulatorExtension(emulatorBuilder, tenant, resetBetweenTests);
    }

    /**
     * Returns a copy that does (or does not) reset the emulator before each test.
     *
     * @param reset {@code false} to keep data across the class's tests
     * @return the new extension
     */
    public CortiEmulatorExtension withResetBetweenTests(boolean reset) {
        return new CortiEmulatorExtension(emulatorBuilder, tenant, reset);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == CortiEmulator.class || type == CortiClient.class || type == CortiReactiveClient.class
                || type == StreamControls.class || type == TenantData.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Resources resources = resources(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == CortiEmulator.class) {
            return resources.emulator();
        }
        if (type == CortiClient.class) {
            return resources.blocking();
        }
        if (type == CortiReactiveClient.class) {
            return resources.reactive();
        }
        if (type == StreamControls.class) {
            return resources.emulator().streams();
        }
        if (type == TenantData.class) {
            return resources.emulator().data(resources.tenant());
        }
        throw new ParameterResolutionException("CortiEmulatorExtension cannot supply a " + type.getName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Resources existing = classContext(context).getStore(NAMESPACE).get(Resources.class, Resources.class);
        if (existing != null && settings(context).map(CortiEmulatorTest::resetBetweenTests).orElse(resetBetweenTests)) {
            existing.emulator().reset();
        }
    }

    private Resources resources(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        String clientTenant = settings(context).map(CortiEmulatorTest::tenant).orElse(tenant);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Resources.class,
                key -> new Resources(emulatorBuilder.start(), clientTenant), Resources.class);
    }

    /** The context of the test class, so one emulator serves all of its tests. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static Optional<CortiEmulatorTest> settings(ExtensionContext context) {
        return context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, CortiEmulatorTest.class));
    }

    /**
     * A class's emulator and its lazily built clients, closed by JUnit with the class's store. It is both
     * {@link AutoCloseable} (how JUnit 5.13+ closes stored values) and {@code CloseableResource} (how older
     * versions do); closing twice is harmless.
     */
    @SuppressWarnings("deprecation")
    static final class Resources implements AutoCloseable, ExtensionContext.Store.CloseableResource {

        private final CortiEmulator emulator;
        private final String tenant;
        private final AtomicBoolean closed = new AtomicBoolean();
        private CortiClient blocking;
        private CortiReactiveClient reactive;

        Resources(CortiEmulator emulator, String tenant) {
            this.emulator = emulator;
            this.tenant = tenant;
        }

        CortiEmulator emulator() {
            return emulator;
        }

        String tenant() {
            return tenant;
        }

        synchronized CortiClient blocking() {
            if (blocking == null) {
                blocking = emulator.configure(CortiClient.builder(), tenant).build();
            }
            return blocking;
        }

        synchronized CortiReactiveClient reactive() {
            if (reactive == null) {
                reactive = emulator.configure(CortiReactiveClient.builder(), tenant).build();
            }
            return reactive;
        }

        @Override
        public synchronized void close() {
            if (closed.compareAndSet(false, true)) {
                if (blocking != null) {
                    blocking.close();
                }
                if (reactive != null) {
                    reactive.close();
                }
                emulator.close();
            }
        }
    }
}
