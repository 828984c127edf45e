package ai.corti.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leaked buffer during it. The module runs with
 * {@code -Dio.netty.leakDetection.level=paranoid}, so every buffer is tracked; a leak is only reported
 * once the buffer was garbage-collected and a later allocation looks, so this collects and allocates.
 */
public final class LeakCheck implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        assertThat(ResourceLeakDetector.getLevel()).as("leak detection level").isEqualTo(ResourceLeakDetector.Level.PARANOID);
        provokeReports();
        assertThat(LeakCollector.reports()).as("Netty leak reports").isEmpty();
    }

    /** Runs GC and allocates, which makes the detector report buffers collected without release. */
    public static void provokeReports() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < 64; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(64);
                probe.release();
            }
        }
    }
}
