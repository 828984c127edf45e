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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls per second of the blocking clients with 1 and 8 caller threads sharing one client, as an
 * application shares one client between its request threads. Baselines B ({@code java.net.http}) and C (raw
 * Reactor Netty awaited with {@code block()}) are the two raw floors; the target is judged against the faster.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Timeout(time = 60)
public class BlockingThroughputBenchmark {

    /** The client under test. */
    @Param({"SDK_BLOCKING", "BASELINE_B", "BASELINE_C", "PEER_NATIVE"})
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
     * One call from a single thread.
     *
     * @return the decoded interaction
     */
    @Benchmark
    @Threads(1)
    public Object threads1() {
        return rig.client.get(Payloads.INTERACTION_ID);
    }

    /**
     * One call from each of 8 threads.
     *
     * @return the decoded interaction
     */
    @Benchmark
    @Threads(8)
    public Object threads8() {
        return rig.client.get(Payloads.INTERACTION_ID);
    }
}
