package ai.corti.it.support;

import static org.mockserver.model.HttpRequest.request;

import ai.corti.client.core.CortiClientBuilder;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.RecordedExchange;
import java.util.function.Supplier;

/** The two backends the facades' suites run on. */
public enum Backends {
    /** MockServer loaded with the normalised spec: answers spec examples, 404 to non-conforming requests. */
    MOCKSERVER(() -> new Backend() {
        private final MockCorti mock = MockCorti.start();

        public void configure(CortiClientBuilder<?> builder) {
            builder.tenantName("base").baseUrl(mock.baseUrl()).tokenUrl(mock.tokenUrl())
                    .clientCredentials("suite-client", "suite-secret");
        }

        public int apiRequests(String method, String pathPrefix) {
            return mock.count(request().withMethod(method).withPath(pathPrefix + ".*"));
        }

        public int tokenRequests() {
            return mock.tokenRequests();
        }

        public void failNext(int count, int status) {
            mock.fault(request().withPath(MockCorti.API_PATHS), count,
                    MockCorti.json(status, Fixtures.problem(status, "injected")));
        }

        public void reset() {
            mock.reset();
        }

        public void close() {
            mock.close();
        }

        @Override
        public String toString() {
            return "MockServer";
        }
    }),
    /** The in-memory emulator: real data, merge-PATCH, paging over what was created. */
    EMULATOR(() -> new Backend() {
        private final CortiEmulator emulator = CortiEmulator.start();

        public void configure(CortiClientBuilder<?> builder) {
            builder.tenantName(CortiEmulator.DEFAULT_TENANT).baseUrl(emulator.baseUrl()).tokenUrl(emulator.tokenUrl())
                    .clientCredentials(emulator.clientId(), emulator.clientSecret());
        }

        public int apiRequests(String method, String pathPrefix) {
            return (int) emulator.exchanges().stream()
                    .filter(e -> e.isApiCall() && e.method().equals(method) && e.path().startsWith(pathPrefix))
                    .count();
        }

        public int tokenRequests() {
            return (int) emulator.exchanges().stream()
                    .filter(e -> RecordedExchange.TOKEN.equals(e.operationId())).count();
        }

        public void failNext(int count, int status) {
            emulator.faults().failNext(count, status);
        }

        public void reset() {
            emulator.reset();
        }

        public void close() {
            emulator.close();
        }

        @Override
        public String toString() {
            return "emulator";
        }
    });

    private final Supplier<Backend> factory;

    Backends(Supplier<Backend> factory) {
        this.factory = factory;
    }

    /** Starts a fresh instance of this backend. */
    public Backend start() {
        return factory.get();
    }
}
