package ai.corti.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of JMH's JSON result files ({@code -rf json}), looked up by benchmark method and parameters. */
final class JmhResults {

    private final List<JsonNode> rows = new ArrayList<>();

    /**
     * Reads every file that exists; missing files (a quick run skips some benchmarks) are skipped.
     *
     * @param files the JMH JSON files
     * @return the rows of all of them
     * @throws IOException when a file cannot be parsed
     */
    static JmhResults read(List<File> files) throws IOException {
        JmhResults results = new JmhResults();
        ObjectMapper mapper = new ObjectMapper();
        for (File file : files) {
            if (file.isFile() && file.length() > 0) {
                mapper.readTree(file).forEach(results.rows::add);
            }
        }
        return results;
    }

    /**
     * Wraps rows already parsed, as the report's tests build them.
     *
     * @param rows JMH result rows
     * @return the results
     */
    static JmhResults of(Iterable<JsonNode> rows) {
        JmhResults results = new JmhResults();
        rows.forEach(results.rows::add);
        return results;
    }

    /**
     * Finds the row of a benchmark method with these parameter values.
     *
     * @param method e.g. {@code GetLatencyBenchmark.get}
     * @param params parameter name to value; others are not compared
     * @return the row, if that combination ran
     */
    Optional<JsonNode> find(String method, Map<String, String> params) {
        return rows.stream()
                .filter(row -> row.path("benchmark").asText().endsWith("." + method))
                .filter(row -> params.entrySet().stream()
                        .allMatch(p -> p.getValue().equals(row.path("params").path(p.getKey()).asText())))
                .findFirst();
    }

    /**
     * Returns the primary score of a row.
     *
     * @param method the benchmark method
     * @param params the parameters
     * @return the score, if that combination ran
     */
    Optional<Double> score(String method, Map<String, String> params) {
        return find(method, params).map(row -> row.path("primaryMetric").path("score").asDouble());
    }

    /**
     * Returns a percentile of a {@code SampleTime} row.
     *
     * @param method     the benchmark method
     * @param params     the parameters
     * @param percentile e.g. {@code "99.0"}
     * @return the value, if present
     */
    Optional<Double> percentile(String method, Map<String, String> params, String percentile) {
        return find(method, params).map(row -> row.path("primaryMetric").path("scorePercentiles").path(percentile))
                .filter(JsonNode::isNumber).map(JsonNode::asDouble);
    }

    /**
     * Returns a secondary metric, such as {@code gc.alloc.rate.norm}.
     *
     * @param method the benchmark method
     * @param params the parameters
     * @param metric the metric's name
     * @return the value, if present
     */
    Optional<Double> secondary(String method, Map<String, String> params, String metric) {
        return find(method, params).map(row -> row.path("secondaryMetrics").path(metric).path("score"))
                .filter(JsonNode::isNumber).map(JsonNode::asDouble);
    }

    /**
     * Returns the JVM that ran the benchmarks, as JMH recorded it.
     *
     * @return e.g. {@code OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1}, or empty
     */
    Optional<String> jvm() {
        return rows.stream().findFirst().map(row -> row.path("vmName").asText() + " " + row.path("vmVersion").asText());
    }
}
