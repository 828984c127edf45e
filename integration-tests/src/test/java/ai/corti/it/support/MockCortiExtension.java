package ai.corti.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link MockCorti} per test class: started before all tests, reset (recordings and faults
 * cleared, spec reloaded) before each, stopped after all.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MockCortiExtension MOCK = new MockCortiExtension();
 * }</pre>
 */
public final class MockCortiExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private MockCorti mock;

    /** Returns the running MockServer. */
    public MockCorti mock() {
        return mock;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        mock = MockCorti.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        mock.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        mock.close();
    }
}
