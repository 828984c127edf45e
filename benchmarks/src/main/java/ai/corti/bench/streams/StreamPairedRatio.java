package ai.corti.bench.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SDK against raw Reactor Netty WebSocket, interleaved in one JVM on one emulator (as {@code PairedRatio}
 * does for the REST calls, and for the same reason: load from other processes then hits both alike). For each
 * scenario it alternates batches of operations on the two sessions and prints one line: throughput of each and
 * the ratio SDK ÷ raw (above 1.00 the SDK is faster).
 *
 * <p>Usage: {@code StreamPairedRatio <pairs>}.
 */
public final class StreamPairedRatio {

    private static final int OPS_PER_BATCH = 20;

    private StreamPairedRatio() {
    }

    /**
     * Runs both scenarios.
     *
     * @param args the number of measured pairs of batches
     */
    public static void main(String[] args) {
        int pairs = Integer.parseInt(args[0]);
        for (StreamRig.Scenario scenario : StreamRig.Scenario.values()) {
            run(scenario, pairs);
        }
    }

    private static void run(StreamRig.Scenario scenario, int pairs) {
        try (StreamRig sdk = StreamRig.start(scenario, StreamRig.Kind.SDK);
             StreamRig raw = StreamRig.start(scenario, StreamRig.Kind.RAW)) {
            for (int i = 0; i < Math.max(5, pairs / 3); i++) { // warm-up: JIT both paths before measuring
                batch(sdk);
                batch(raw);
            }
            long nanosSdk = 0;
            long nanosRaw = 0;
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                long s = batch(sdk);
                long r = batch(raw);
                nanosSdk += s;
                nanosRaw += r;
                ratios.add((double) r / s);
            }
            double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            long ops = (long) pairs * OPS_PER_BATCH;
            String unit;
            double sdkRate;
            double rawRate;
            if (scenario == StreamRig.Scenario.AUDIO) {
                double bytes = (double) ops * StreamRig.AUDIO_CHUNKS * StreamRig.CHUNK;
                unit = "MB/s of audio";
                sdkRate = bytes / (nanosSdk / 1e9) / 1e6;
                rawRate = bytes / (nanosRaw / 1e9) / 1e6;
            } else {
                double messages = (double) ops * StreamRig.TRANSCRIPTS_PER_OP;
                unit = "messages/s";
                sdkRate = messages / (nanosSdk / 1e9);
                rawRate = messages / (nanosRaw / 1e9);
            }
            System.out.println(String.format(Locale.ROOT, "streams-paired %s: SDK %.1f vs raw %.1f %s, ratio of totals "
                            + "%.3f, median pair ratio %.3f (p25 %.3f, p75 %.3f, %d pairs of %d operations)", scenario,
                    sdkRate, rawRate, unit, (double) nanosRaw / nanosSdk, sorted[sorted.length / 2],
                    sorted[sorted.length / 4], sorted[sorted.length * 3 / 4], pairs, OPS_PER_BATCH));
        }
    }

    private static long batch(StreamRig rig) {
        long start = System.nanoTime();
        for (int i = 0; i < OPS_PER_BATCH; i++) {
            rig.run();
        }
        return System.nanoTime() - start;
    }
}
