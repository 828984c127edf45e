package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.it.support.LeakCheck;
import ai.corti.it.support.LeakCollector;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** Proves the leak check can fail: a deliberately leaked buffer is reported and collected. */
class LeakDetectorSelfTest {

    @Test
    void aLeakedBufferIsReported() {
        assertThat(LeakCollector.reports()).as("no leak before the deliberate one").isEmpty();

        leakOneBuffer();
        for (int attempt = 0; attempt < 20 && LeakCollector.reports().isEmpty(); attempt++) {
            LeakCheck.provokeReports();
        }

        assertThat(LeakCollector.reports()).isNotEmpty().allSatisfy(r -> assertThat(r).contains("LEAK"));
        LeakCollector.clear();
    }

    private static void leakOneBuffer() {
        PooledByteBufAllocator.DEFAULT.buffer(128).writeInt(42); // never released, reference dropped
    }
}
