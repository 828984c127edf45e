package ai.corti.bench.scaling;

import ai.corti.bench.clients.ClientKind;
import ai.corti.bench.clients.ReactiveBenchClient;
import ai.corti.bench.server.BenchServer;
import ai.corti.bench.server.Payloads;
import ai.corti.client.core.http.ConnectionPoolOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive throughput and per-call latency (p50, p99) of the SDK and baseline A at a series of in-flight counts,
 * with the SDK's default pool on both, and what happens past the pool's pending-acquire limit: how many calls are
 * refused, with which exception. A plain runner, not JMH, because the p99 needs every call's own time: each call's
 * nanoseconds from subscription to its value go into one array, sorted per point.
 *
 * <p>Both clients first warm up in turn, twice, at 64 in flight ({@value #WARM_UP_CALLS} calls or 5 s each). At each level both clients run in turn (SDK, then
 * A) against one server: first a short unrecorded warm-up at that level, then a measured period; calls keep being started until the period ends, then the in-flight ones
 * drain. A refused call does not end the run: it is counted by exception type and its slot starts the next call,
 * as an application's {@code flatMap} would.
 *
 * <p>Usage: {@code ScalingCurve <out.json> <secondsPerPoint> <levels> <overflowLevels>}, e.g.
 * {@code out/scaling.json 2 1,16,64,256,1024 2048}; writes one JSON row per client and level.
 */
public final class ScalingCurve {

    private static final ClientKind[] CLIENTS = {ClientKind.SDK_REACTIVE, ClientKind.BASELINE_A};
    private static final int MAX_SAMPLES = 1 << 21;
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final int WARM_UP_CALLS = 8192;
    private static final double WARM_UP_SECONDS = 5;

    private final long[] samples = new long[MAX_SAMPLES];

    private ScalingCurve() {
    }

    /**
     * Runs the curve and writes the rows.
     *
     * @param args the output file, seconds per point, the in-flight levels and the overflow levels (comma separated)
     * @throws Exception when a client cannot start or the file cannot be written
     */
    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int[] levels = parse(args[2]);
        int[] overflow = args.length > 3 ? parse(args[3]) : new int[0];
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ConnectionPoolOptions pool = ConnectionPoolOptions.DEFAULT;
        root.put("maxConnections", pool.maxConnections()).put("pendingAcquireMaxCount", pool.pendingAcquireMaxCount())
                .put("secondsPerPoint", seconds);
        ArrayNode rows = root.putArray("rows");
        ScalingCurve curve = new ScalingCurve();
        try (BenchServer server = BenchServer.start();
             ReactiveBenchClient sdk = CLIENTS[0].openReactive(server.baseUrl());
             ReactiveBenchClient raw = CLIENTS[1].openReactive(server.baseUrl())) {
            ReactiveBenchClient[] clients = {sdk, raw};
            // JIT both paths before the first point, by call count as PairedRatio does: a warm-up by time alone
            // ends after a few hundred calls on a loaded machine and the points then measure the interpreter.
            for (int round = 0; round < 2; round++) {
                for (ReactiveBenchClient client : clients) {
                    curve.run(client, 64, WARM_UP_SECONDS, WARM_UP_CALLS, false);
                }
            }
            int[] all = concat(levels, overflow);
            for (int level : all) {
                for (int c = 0; c < clients.length; c++) {
                    curve.run(clients[c], level, Math.min(0.5, seconds / 4), MAX_SAMPLES, false);
                    Point point = curve.run(clients[c], level, seconds, MAX_SAMPLES, true);
                    ObjectNode row = rows.addObject().put("client", CLIENTS[c].name()).put("inFlight", level)
                            .put("overflow", Arrays.stream(overflow).anyMatch(o -> o == level));
                    point.write(row);
                    System.out.println(CLIENTS[c] + " inFlight=" + level + ": " + point);
                }
            }
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }

    /** Starts calls for {@code seconds} or up to {@code calls}, {@code level} at a time, then waits for the stragglers. */
    private Point run(ReactiveBenchClient client, int level, double seconds, int calls, boolean record) {
        AtomicInteger recorded = new AtomicInteger();
        LongAdder completed = new LongAdder();
        Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        Flux.range(0, Integer.MAX_VALUE)
                .takeWhile(i -> i < calls && System.nanoTime() < deadline)
                .flatMap(i -> Mono.defer(() -> {
                    long t0 = System.nanoTime();
                    return client.getAsync(Payloads.INTERACTION_ID).doOnNext(value -> {
                        long took = System.nanoTime() - t0;
                        completed.increment();
                        int slot = recorded.getAndIncrement();
                        if (record && slot < MAX_SAMPLES) {
                            samples[slot] = took;
                        }
                    });
                }).onErrorResume(e -> {
                    refused.computeIfAbsent(describe(e), k -> new LongAdder()).increment();
                    return Mono.empty();
                }), level, 1)
                .then()
                .block(DRAIN);
        long elapsed = System.nanoTime() - start;
        int n = Math.min(recorded.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(samples, record ? n : 0);
        Arrays.sort(sorted);
        Map<String, Long> errors = new TreeMap<>();
        refused.forEach((type, count) -> errors.put(type, count.sum()));
        return new Point(completed.sum(), elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99), errors);
    }

    /** The exception's type and, when it wraps one, the cause's: never the message, which may carry a URL. */
    static String describe(Throwable e) {
        String type = e.getClass().getSimpleName();
        Throwable cause = e.getCause();
        return cause == null || cause == e ? type : type + " (cause " + cause.getClass().getSimpleName() + ")";
    }

    /** The value at a quantile of sorted samples, in microseconds; -1 when there are none. */
    static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e3;
    }

    private static int[] parse(String list) {
        return list.isBlank() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * One measured point.
     *
     * @param completed the calls that returned a value
     * @param nanos     from the first call started to the last one ended
     * @param p50Micros the median latency of the completed calls
     * @param p99Micros their 99th percentile
     * @param refused   the failed calls, by exception type
     */
    record Point(long completed, long nanos, double p50Micros, double p99Micros, Map<String, Long> refused) {

        double callsPerSecond() {
            return completed / (nanos / 1e9);
        }

        void write(ObjectNode row) {
            row.put("completed", completed).put("seconds", nanos / 1e9).put("callsPerSecond", callsPerSecond())
                    .put("p50Micros", p50Micros).put("p99Micros", p99Micros);
            ObjectNode errors = row.putObject("refused");
            refused.forEach(errors::put);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.0f calls/s, p50 %.0f µs, p99 %.0f µs, refused %s",
                    callsPerSecond(), p50Micros, p99Micros, refused);
        }
    }
}
