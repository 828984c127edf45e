package ai.corti.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MarkdownReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JsonNode> rows = new ArrayList<>();

    private void row(String method, Map<String, String> params, double score, Double alloc) {
        ObjectNode row = MAPPER.createObjectNode().put("benchmark", "ai.corti.bench.x." + method);
        ObjectNode p = row.putObject("params");
        params.forEach(p::put);
        row.putObject("primaryMetric").put("score", score);
        if (alloc != null) {
            row.putObject("secondaryMetrics").putObject("gc.alloc.rate.norm").put("score", alloc);
        }
        rows.add(row);
    }

    private void blocking(String client, double threads1, double threads8) {
        row("BlockingThroughputBenchmark.threads1", Map.of("client", client), threads1, null);
        row("BlockingThroughputBenchmark.threads8", Map.of("client", client), threads8, null);
    }

    private void transfer(String client, String size, String direction, double ms, double allocPerOp) {
        row("TransferBenchmark.transfer", Map.of("client", client, "size", size, "direction", direction), ms, allocPerOp);
    }

    private String render(List<String> paired, JsonNode scaling) {
        return new MarkdownReport(JmhResults.of(rows), null, paired, scaling).render();
    }

    private static String targetLine(String markdown, String start) {
        return markdown.lines().filter(l -> l.startsWith("| " + start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + markdown));
    }

    @Test
    void theBlockingTargetIsJudgedAgainstTheFasterRawBaselineAtEachThreadCount() {
        blocking("BASELINE_B", 5_000, 6_000);
        blocking("BASELINE_C", 10_000, 5_000);
        blocking("SDK_BLOCKING", 9_000, 6_000);

        String md = render(List.of(), null);

        // 1 thread: C is faster, 9,000 / 10,000 = 0.90 < 0.95; 8 threads: B is faster, 6,000 / 6,000 = 1.00.
        assertThat(targetLine(md, "Blocking facade ≥ 0.95x the fastest raw blocking baseline (B or C), 1 thread(s) (JMH)"))
                .contains("0.90x").contains("**missed**");
        assertThat(targetLine(md, "Blocking facade ≥ 0.95x the fastest raw blocking baseline (B or C), 8 thread(s) (JMH)"))
                .contains("1.00x").contains("**met**");
        assertThat(targetLine(md, "SDK blocking")).contains("9,000 | 1.80x | 0.90x | 6,000 | 1.00x | 1.20x");
    }

    @Test
    void thePairedBlockingTargetTakesTheSmallerRatioOfTheLoadAsked() {
        List<String> paired = List.of(
                "paired SDK_BLOCKING/BASELINE_B threads=8: 18000 vs 12000 calls/s, ratio of totals 1.500, median pair ratio 1.400 (p25 1.300, p75 1.500, 30 pairs of 4096 calls)",
                "paired SDK_BLOCKING/BASELINE_C threads=8: 9300 vs 10000 calls/s, ratio of totals 0.930, median pair ratio 0.931 (p25 0.900, p75 0.960, 30 pairs of 4096 calls)",
                "paired SDK_BLOCKING/BASELINE_C threads=1: 9900 vs 10000 calls/s, ratio of totals 0.990, median pair ratio 0.990 (p25 0.950, p75 1.010, 30 pairs of 4096 calls)");

        String md = render(paired, null);

        assertThat(targetLine(md, "Blocking facade ≥ 0.95x the fastest raw blocking baseline, 8 thread(s) (paired, B and C)"))
                .contains("0.93x").contains("**missed**");
        assertThat(targetLine(md, "Blocking facade ≥ 0.95x the fastest raw blocking baseline, 1 thread(s) (paired, C)"))
                .contains("0.99x").contains("**met**");
    }

    @Test
    void transfersAreComparedWithRawInMegabytesPerSecondAndTheHeapCheckComparesAllocationPerMegabyte() {
        transfer("RAW", "1MB", "UPLOAD", 10.0, 1_000_000.0);
        transfer("SDK_REACTIVE", "1MB", "UPLOAD", 10.5, 2_000_000.0);
        transfer("RAW", "150MB", "UPLOAD", 1_500.0, 150 * 500_000.0);
        transfer("SDK_REACTIVE", "150MB", "UPLOAD", 2_000.0, 150 * 3_000_000.0);
        transfer("RAW", "1MB", "DOWNLOAD", 10.0, 1_000_000.0);
        transfer("SDK_BLOCKING", "1MB", "DOWNLOAD", 10.0, 2_000_000.0);
        transfer("RAW", "150MB", "DOWNLOAD", 1_500.0, 150 * 500_000.0);
        transfer("SDK_BLOCKING", "150MB", "DOWNLOAD", 1_500.0, 150 * 5_000_000.0);

        String md = render(List.of(), null);

        // 1 MB in 10 ms is 100 MB/s; 150 MB in 1,500 ms is 100 MB/s.
        assertThat(targetLine(md, "SDK reactive upload of 1 MB ≥ 0.9x raw")).contains("0.95x").contains("**met**");
        assertThat(targetLine(md, "SDK reactive upload of 150 MB ≥ 0.9x raw")).contains("0.75x").contains("**missed**");
        assertThat(targetLine(md, "SDK blocking download of 150 MB ≥ 0.9x raw")).contains("1.00x").contains("**met**");
        assertThat(md).doesNotContain("SDK blocking upload of").doesNotContain("SDK reactive download of");
        // 3,000,000 per MB at 150 MB against 2,000,000 at 1 MB: 1.5x, within 2x; 5,000,000 against 2,000,000: 2.5x.
        assertThat(targetLine(md, "Heap constant in size: SDK reactive upload")).contains("1.50x").contains("**met**");
        assertThat(targetLine(md, "Heap constant in size: SDK blocking download")).contains("2.50x").contains("**missed**");
        assertThat(md).contains("| upload | 150 MB | SDK reactive | 2,000.0 | 75 | 0.75x | 3,000,000 | 6.00x |");
    }

    @Test
    void theScalingTableShowsFailedCallsByTypeBesideTheRatioToBaselineA() throws Exception {
        JsonNode scaling = MAPPER.readTree("""
                {"maxConnections":50,"pendingAcquireMaxCount":1000,"secondsPerPoint":2.0,"rows":[
                 {"client":"SDK_REACTIVE","inFlight":2048,"overflow":true,"completed":100,"seconds":2.0,
                  "callsPerSecond":8000.0,"p50Micros":900.0,"p99Micros":12000.0,
                  "refused":{"CortiTransportException (cause PoolAcquirePendingLimitException)":1234}},
                 {"client":"BASELINE_A","inFlight":2048,"overflow":true,"completed":100,"seconds":2.0,
                  "callsPerSecond":10000.0,"p50Micros":800.0,"p99Micros":9000.0,"refused":{}}]}
                """);

        String md = render(List.of(), scaling);

        assertThat(md).contains("50 connections, 1,000 waiting")
                .contains("| 2,048 (past the limit) | SDK reactive | 8,000 | 0.80x | 900 | 12,000 | 1,234 "
                        + "`CortiTransportException (cause PoolAcquirePendingLimitException)` |")
                .contains("| 2,048 (past the limit) | baseline A (Reactor Netty + Jackson) | 10,000 | 1.00x | 800 | 9,000 | none |");
    }

    @Test
    void coldStartIsATargetForEachFacadeAgainstTheNativePeer() throws Exception {
        JsonNode coldStart = MAPPER.readTree("""
                {"runs":5,"clients":{
                  "SDK_REACTIVE":{"mainToGetMs":900.0,"launchToGetMs":950.0},
                  "SDK_BLOCKING":{"mainToGetMs":540.0,"launchToGetMs":590.0},
                  "PEER_NATIVE":{"mainToGetMs":600.0,"launchToGetMs":650.0}}}
                """);

        String md = new MarkdownReport(JmhResults.of(rows), coldStart, List.of(), null).render();

        assertThat(targetLine(md, "Cold start of the SDK reactive ≤ 1.0x the native peer")).contains("1.50x")
                .contains("**missed**");
        assertThat(targetLine(md, "Cold start of the SDK blocking ≤ 1.0x the native peer")).contains("0.90x")
                .contains("**met**");
    }
}
