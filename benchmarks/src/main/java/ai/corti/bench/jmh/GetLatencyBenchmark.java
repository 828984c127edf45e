package ai.corti.bench.jmh;

import ai.corti.bench.clients.BenchClient;
import ai.corti.bench.clients.ClientKind;
import ai.corti.bench.server.Payloads;
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
 * Latency of one {@code get}, one caller at a time, for all seven clients. {@code SampleTime} records every
 * call, so the result carries the mean and the percentiles (p99). Reactive clients are awaited with
 * {@code block()}, as a caller on a plain thread would.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Timeout(time = 60)
public class GetLatencyBenchmark {

    /** The client under test. */
    @Param({"SDK_REACTIVE", "SDK_BLOCKING", "BASELINE_A", "BASELINE_B", "BASELINE_C", "PEER_NATIVE", "PEER_WEBCLIENT"})
    public ClientKind client;

    private Rig<BenchClient> rig;

    /** Starts the server and the client. */
    @Setup(Level.Trial)
    public void start() {
        rig = Rig.of(client);
    }

    /** Stops both. */
    @TearDown(Level.Trial)
    public void stop() {
        rig.close();
    }

    /**
     * One call.
     *
     * @return the decoded interaction, so the JIT cannot drop the decoding
     */
    @Benchmark
    public Object get() {
        return rig.client.get(Payloads.INTERACTION_ID);
    }
}
