package ai.corti.bench.streams;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code /transcribe} session through the SDK's reactive facade against raw Reactor Netty WebSocket, on the
 * same in-process emulator: time per operation of each {@link StreamRig.Scenario} (audio throughput, and the
 * per-message path). {@code StreamPairedRatio} gives the steadier ratio on a shared machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Timeout(time = 60)
public class StreamBenchmark {

    /** The client under test. */
    @Param({"SDK", "RAW"})
    public StreamRig.Kind client;

    /** What one operation exercises. */
    @Param({"AUDIO", "MESSAGES"})
    public StreamRig.Scenario scenario;

    private StreamRig rig;

    /** Starts the emulator and opens the session. */
    @Setup(Level.Trial)
    public void start() {
        rig = StreamRig.start(scenario, client);
    }

    /** Closes both. */
    @TearDown(Level.Trial)
    public void stop() {
        rig.close();
    }

    /** One operation: the scenario's chunks, then flush, until {@code flushed}. */
    @Benchmark
    public void operation() {
        rig.run();
    }
}
