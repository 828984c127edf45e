package ai.corti.bench.jmh;

import ai.corti.bench.clients.ClientKind;
import ai.corti.bench.clients.ReactiveBenchClient;
import ai.corti.bench.server.BenchServer;
import ai.corti.bench.server.Payloads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;

/**
 * Calls per second of the reactive clients with 1, 16 and 256 calls in flight. One invocation runs
 * {@value #CALLS} calls through {@code flatMap} with the in-flight count as its concurrency, so the window
 * stays full until the batch drains; the score is per call ({@code OperationsPerInvocation}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Timeout(time = 60)
@OperationsPerInvocation(ReactiveThroughputBenchmark.CALLS)
public class ReactiveThroughputBenchmark {

    /** Calls per invocation: large against 256 in flight, so filling and draining the window is a small part. */
    static final int CALLS = 4096;

    /** The client under test. */
    @Param({"SDK_REACTIVE", "BASELINE_A", "PEER_WEBCLIENT"})
    public ClientKind client;

    /** How many calls are in flight at once (1 in flight is in the scaling curve, with its latency). */
    @Param({"16", "256"})
    public int inFlight;

    private Rig<ReactiveBenchClient> rig;

    /** Starts the server and the client. */
    @Setup(Level.Trial)
    public void start() {
        BenchServer server = BenchServer.start();
        rig = Rig.checked(server, client.openReactive(server.baseUrl()));
    }

    /** Stops both. */
    @TearDown(Level.Trial)
    public void stop() {
        rig.close();
    }

    /**
     * {@value #CALLS} calls, {@code inFlight} at a time.
     *
     * @return how many completed
     */
    @Benchmark
    public long calls() {
        ReactiveBenchClient calls = rig.client;
        Long done = Flux.range(0, CALLS)
                .flatMap(i -> calls.getAsync(Payloads.INTERACTION_ID), inFlight, 1)
                .count()
                .block();
        if (done == null || done != CALLS) {
            throw new IllegalStateException("completed " + done + " of " + CALLS + " calls");
        }
        return done;
    }
}
