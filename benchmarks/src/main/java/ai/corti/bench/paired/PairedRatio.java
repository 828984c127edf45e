package ai.corti.bench.paired;

import ai.corti.bench.clients.BenchClient;
import ai.corti.bench.clients.ClientKind;
import ai.corti.bench.clients.ReactiveBenchClient;
import ai.corti.bench.server.BenchServer;
import ai.corti.bench.server.Payloads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;

/**
 * Throughput of one reactive client relative to another, measured interleaved in one JVM: batch of
 * client X, batch of client Y, and so on, both against the same server.
 *
 * <p>Why, besides JMH: JMH runs the clients one after another in separate forks, so on a shared machine a
 * burst of load from other processes lands on one client and not the other, and the ratio of two JMH
 * scores swings by tens of percent. Interleaving short batches exposes both clients to the same load, so
 * their ratio holds still even when absolute figures do not. The median of the per-pair ratios is printed
 * along with the ratio of totals.
 *
 * <p>Usage: {@code PairedRatio <clientX> <clientY> <load> <pairs>} where load is {@code inFlight=N} (reactive
 * clients, N calls in flight) or {@code threads=N} (any client, N caller threads), e.g.
 * {@code SDK_REACTIVE BASELINE_A inFlight=256 40} or {@code SDK_BLOCKING BASELINE_B threads=8 40}.
 */
public final class PairedRatio {

    private static final int CALLS = 4096;

    private PairedRatio() {
    }

    /**
     * Runs the comparison and prints the ratio X/Y of calls per second.
     *
     * @param args client X, client Y, the load ({@code inFlight=N} or {@code threads=N}), number of measured pairs
     * @throws Exception when a call fails
     */
    public static void main(String[] args) throws Exception {
        ClientKind x = ClientKind.valueOf(args[0]);
        ClientKind y = ClientKind.valueOf(args[1]);
        String load = args[2];
        int level = Integer.parseInt(load.substring(load.indexOf('=') + 1));
        boolean threads = load.startsWith("threads=");
        int pairs = Integer.parseInt(args[3]);
        ExecutorService callers = threads ? Executors.newFixedThreadPool(level) : null;
        try (BenchServer server = BenchServer.start();
             BenchClient clientX = x.open(server.baseUrl());
             BenchClient clientY = y.open(server.baseUrl())) {
            for (int i = 0; i < Math.max(4, pairs / 4); i++) { // warm-up: JIT both paths before measuring
                batch(clientX, threads, level, callers);
                batch(clientY, threads, level, callers);
            }
            long nanosX = 0;
            long nanosY = 0;
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                long tx = batch(clientX, threads, level, callers);
                long ty = batch(clientY, threads, level, callers);
                nanosX += tx;
                nanosY += ty;
                ratios.add((double) ty / tx);
            }
            double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("paired %s/%s %s: %.0f vs %.0f calls/s, ratio of totals %.3f, median pair ratio %.3f"
                            + " (p25 %.3f, p75 %.3f, %d pairs of %d calls)%n",
                    x, y, load, CALLS * pairs / (nanosX / 1e9), CALLS * pairs / (nanosY / 1e9),
                    (double) nanosY / nanosX, sorted[sorted.length / 2], sorted[sorted.length / 4],
                    sorted[sorted.length * 3 / 4], pairs, CALLS);
            System.out.println("pair ratios " + Arrays.toString(Arrays.stream(sorted).map(r -> Math.round(r * 1000) / 1000.0).toArray()));
        } finally {
            if (callers != null) {
                callers.shutdownNow();
            }
        }
    }

    private static long batch(BenchClient client, boolean threads, int level, ExecutorService callers) throws Exception {
        return threads ? threadedBatch(client, level, callers) : reactiveBatch((ReactiveBenchClient) client, level);
    }

    private static long threadedBatch(BenchClient client, int threads, ExecutorService callers) throws Exception {
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(callers.submit(() -> {
                for (int i = 0; i < CALLS / threads; i++) {
                    client.get(Payloads.INTERACTION_ID);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        return System.nanoTime() - start;
    }

    private static long reactiveBatch(ReactiveBenchClient client, int inFlight) {
        long start = System.nanoTime();
        Long done = Flux.range(0, CALLS)
                .flatMap(i -> client.getAsync(Payloads.INTERACTION_ID), inFlight, 1)
                .count()
                .block();
        if (done == null || done != CALLS) {
            throw new IllegalStateException("completed " + done + " of " + CALLS);
        }
        return System.nanoTime() - start;
    }
}
