package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.http.ConnectionPoolOptions;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.it.support.Await;
import ai.corti.it.support.LeakCheck;
import ai.corti.it.support.MockCorti;
import ai.corti.it.support.MockCortiExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * A bounded load: 2,000 gets with 200 in flight through the reactive client against MockServer on
 * loopback. Zero errors, the pool never above its maximum, no leaked buffer (LeakCheck, paranoid), and
 * the heap after GC back near where it started.
 */
@ExtendWith(LeakCheck.class)
class BoundedLoadTest {

    private static final int CALLS = 2_000;
    private static final int IN_FLIGHT = 200;
    private static final int MAX_CONNECTIONS = 32;
    private static final long HEAP_GROWTH_LIMIT = 32L * 1024 * 1024;

    @RegisterExtension
    static final MockCortiExtension MOCK = new MockCortiExtension();

    @Test
    void twoThousandGetsWithTwoHundredInFlight() {
        try (CortiReactiveClient client = CortiReactiveClient.builder()
                .tenantName("base").baseUrl(MOCK.mock().baseUrl()).tokenUrl(MOCK.mock().tokenUrl())
                .clientCredentials("load-client", "load-secret")
                .connectionPool(ConnectionPoolOptions.DEFAULT.withMaxConnections(MAX_CONNECTIONS))
                .callTimeout(Duration.ofSeconds(30))
                .build()) {
            run(client, 200); // warm up: classes loaded, pool and buffers allocated
            MOCK.mock().reset();
            long heapBefore = usedHeapAfterGc();
            AtomicInteger maxActive = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();

            List<InteractionsGetResponse> results = Flux.fromIterable(ids(CALLS))
                    .flatMap(id -> client.interactions().get(id)
                            .doOnSubscribe(s -> maxActive.accumulateAndGet(client.activeConnections(), Math::max))
                            .doOnError(e -> errors.incrementAndGet()), IN_FLIGHT)
                    .collectList()
                    .block(Duration.ofSeconds(60));

            assertThat(errors).hasValue(0);
            assertThat(results).hasSize(CALLS).allSatisfy(r -> assertThat(r.getId()).isNotNull());
            assertThat(MOCK.mock().apiRequests()).isEqualTo(CALLS);
            assertThat(maxActive.get()).as("most connections in use at once").isBetween(1, MAX_CONNECTIONS);
            Await.until(() -> client.activeConnections() == 0, Duration.ofSeconds(5));
            assertThat(client.activeConnections()).isZero();

            results = null; // let the responses go before measuring
            MOCK.mock().reset();   // MockServer keeps a log of every request in this JVM: not ours to count
            long heapAfter = usedHeapAfterGc();
            assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(HEAP_GROWTH_LIMIT);
        }
    }

    private static void run(CortiReactiveClient client, int calls) {
        Flux.fromIterable(ids(calls)).flatMap(id -> client.interactions().get(id), IN_FLIGHT).blockLast(Duration.ofSeconds(30));
    }

    private static List<UUID> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> new UUID(0xC0FFEEL, i)).toList();
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
