package ai.corti.client.core.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SerialExecutorTest {

    @Test
    void aTaskSubmittedByATaskRunsAfterItNotInsideIt() {
        SerialExecutor serial = new SerialExecutor();
        List<String> order = new CopyOnWriteArrayList<>();

        serial.execute(() -> {
            order.add("outer start");
            serial.execute(() -> order.add("inner"));
            order.add("outer end");
        });

        assertThat(order).containsExactly("outer start", "outer end", "inner");
    }

    @Test
    void aFailingTaskDoesNotStopTheNext() {
        SerialExecutor serial = new SerialExecutor();
        List<String> order = new CopyOnWriteArrayList<>();

        serial.execute(() -> {
            serial.execute(() -> order.add("after"));
            throw new IllegalStateException("boom");
        });

        assertThat(order).containsExactly("after");
    }

    @Test
    void tasksFromManyThreadsNeverOverlap() throws Exception {
        SerialExecutor serial = new SerialExecutor();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] counter = new int[1];
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            threads.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    serial.execute(() -> {
                        if (running.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        counter[0]++;
                        running.decrementAndGet();
                    });
                }
                done.countDown();
            });
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        threads.shutdown();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThat(overlaps).hasValue(0);
        serial.execute(() -> assertThat(counter[0]).isEqualTo(40_000));
    }
}
