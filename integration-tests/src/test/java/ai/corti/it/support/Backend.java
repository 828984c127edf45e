package ai.corti.it.support;

import ai.corti.client.core.CortiClientBuilder;

/**
 * A server the facades' suites run against: MockServer driven by the spec, or the SDK's own emulator.
 * The same assertions hold on both; each backend counts what it received in its own way.
 */
public interface Backend extends AutoCloseable {

    /** Points a client builder at this backend with client credentials, for tenant {@code base}. */
    void configure(CortiClientBuilder<?> builder);

    /** Counts API requests received with this method whose path starts with {@code pathPrefix}. */
    int apiRequests(String method, String pathPrefix);

    /** Counts token requests received. */
    int tokenRequests();

    /** Makes the next {@code count} API requests (of any operation) answer {@code status} with a problem body. */
    void failNext(int count, int status);

    /** Forgets recordings, faults and data between tests. */
    void reset();

    @Override
    void close();
}
