package ai.corti.bench.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the real-time section of BENCHMARKS.md from {@code jmh-streams.json} and {@code paired-streams.txt}:
 * time per operation of each client (JMH) with what it means in MB/s of audio or µs per message, and the ratios.
 *
 * <p>Usage: {@code StreamReport <results dir> <markdown file>}.
 */
public final class StreamReport {

    private StreamReport() {
    }

    /**
     * Writes the section.
     *
     * @param args the results directory and the Markdown file to write
     * @throws Exception when an input cannot be read or the output written
     */
    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        Map<StreamRig.Scenario, Map<StreamRig.Kind, double[]>> scores = new EnumMap<>(StreamRig.Scenario.class);
        for (JsonNode run : new ObjectMapper().readTree(new File(dir, "jmh-streams.json"))) {
            StreamRig.Scenario scenario = StreamRig.Scenario.valueOf(run.path("params").path("scenario").asText());
            StreamRig.Kind kind = StreamRig.Kind.valueOf(run.path("params").path("client").asText());
            JsonNode metric = run.path("primaryMetric");
            scores.computeIfAbsent(scenario, s -> new EnumMap<>(StreamRig.Kind.class))
                    .put(kind, new double[] {metric.path("score").asDouble(), metric.path("scoreError").asDouble()});
        }
        StringBuilder md = new StringBuilder();
        md.append("| scenario | one operation | raw Reactor Netty (µs/op) | SDK (µs/op) | raw | SDK | SDK ÷ raw (throughput) |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<StreamRig.Scenario, Map<StreamRig.Kind, double[]>> entry : scores.entrySet()) {
            double[] raw = entry.getValue().get(StreamRig.Kind.RAW);
            double[] sdk = entry.getValue().get(StreamRig.Kind.SDK);
            boolean audio = entry.getKey() == StreamRig.Scenario.AUDIO;
            String operation = audio
                    ? StreamRig.AUDIO_CHUNKS + " chunks of " + StreamRig.CHUNK + " bytes, then flush"
                    : "1 chunk yielding " + StreamRig.TRANSCRIPTS_PER_OP + " transcripts, then flush";
            md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f ± %,.0f | %,.0f ± %,.0f | %s | %s | %.2fx |%n",
                    audio ? "audio throughput" : "per-message", operation, raw[0], raw[1], sdk[0], sdk[1],
                    rate(audio, raw[0]), rate(audio, sdk[0]), raw[0] / sdk[0]));
        }
        File paired = new File(dir, "paired-streams.txt");
        if (paired.isFile()) {
            md.append("\nInterleaved in one JVM (`StreamPairedRatio`), the steadier figure on a shared machine:\n\n");
            List<String> lines = Files.readAllLines(paired.toPath(), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("streams-paired ")) {
                    md.append("- `").append(line.substring("streams-paired ".length())).append("`\n");
                }
            }
        }
        Files.writeString(new File(args[1]).toPath(), md.toString(), StandardCharsets.UTF_8);
        System.out.print(md);
    }

    private static String rate(boolean audio, double microsPerOp) {
        if (audio) {
            double bytes = (double) StreamRig.AUDIO_CHUNKS * StreamRig.CHUNK;
            return String.format(Locale.ROOT, "%.1f MB/s", bytes / microsPerOp);
        }
        return String.format(Locale.ROOT, "%.1f µs/message", microsPerOp / StreamRig.TRANSCRIPTS_PER_OP);
    }
}
