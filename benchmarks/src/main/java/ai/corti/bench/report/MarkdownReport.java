package ai.corti.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one run's results into Markdown tables, each client's figure beside its ratio to the baseline
 * measured in the same run, plus the targets with met or missed, and collects the ratios for the chart.
 */
final class MarkdownReport {

    private static final String LATENCY = "GetLatencyBenchmark.get";
    private static final String REACTIVE = "ReactiveThroughputBenchmark.calls";
    private static final String BLOCKING = "BlockingThroughputBenchmark.";
    private static final String LISTING = "ListingBenchmark.list";
    private static final Pattern PAIRED = Pattern.compile(
            "paired (\\w+)/(\\w+) (\\S+): (\\d+) vs (\\d+) calls/s, ratio of totals ([\\d.]+), median pair ratio ([\\d.]+)"
                    + " \\(p25 ([\\d.]+), p75 ([\\d.]+)");

    private static final String TRANSFER = "TransferBenchmark.transfer";
    private static final String ALLOC = "gc.alloc.rate.norm";
    /** Allocation per MB at 150 MB may exceed that at 1 MB by at most this factor (heap constant in file size). */
    static final double HEAP_FACTOR = 2.0;
    private static final String[] SIZES = {"1MB", "150MB"};
    private static final String[] DIRECTIONS = {"UPLOAD", "DOWNLOAD"};
    private static final String[] FACADES = {"SDK_REACTIVE", "SDK_BLOCKING"};

    private final JmhResults jmh;
    private final JsonNode coldStart;
    private final List<String> pairedLines;
    private final JsonNode scaling;
    private final StringBuilder out = new StringBuilder();
    private final List<Ratio> ratios = new ArrayList<>();
    private final List<String[]> targets = new ArrayList<>();

    MarkdownReport(JmhResults jmh, JsonNode coldStart, List<String> pairedLines, JsonNode scaling) {
        this.jmh = jmh;
        this.coldStart = coldStart;
        this.pairedLines = pairedLines;
        this.scaling = scaling;
    }

    List<Ratio> ratios() {
        return ratios;
    }

    String render() {
        latency();
        reactiveThroughput();
        blockingThroughput();
        paired();
        scaling();
        transfers();
        listing();
        coldStart();
        targets();
        return out.toString();
    }

    private void latency() {
        out.append("### `get` latency, one caller (µs, JMH SampleTime)\n\n")
                .append("Ratio = client ÷ its baseline (A for reactive clients; for blocking ones the faster raw blocking "
                        + "baseline by mean, " + fastestLatencyBaseline().map(MarkdownReport::label).orElse("B or C")
                        + " in this run); below 1.00 is faster.\n\n")
                .append("| client | mean | p50 | p99 | mean ratio | p99 ratio |\n|---|---:|---:|---:|---:|---:|\n");
        String blockingBase = fastestLatencyBaseline().orElse("BASELINE_B");
        String[][] rows = {
            {"BASELINE_A", "BASELINE_A"}, {"SDK_REACTIVE", "BASELINE_A"}, {"PEER_WEBCLIENT", "BASELINE_A"},
            {"BASELINE_B", blockingBase}, {"BASELINE_C", blockingBase}, {"SDK_BLOCKING", blockingBase},
            {"PEER_NATIVE", blockingBase}};
        for (String[] row : rows) {
            Map<String, String> p = Map.of("client", row[0]);
            Map<String, String> base = Map.of("client", row[1]);
            Optional<Double> mean = jmh.score(LATENCY, p);
            if (mean.isEmpty()) {
                continue;
            }
            Optional<Double> p99 = jmh.percentile(LATENCY, p, "99.0");
            Optional<Double> meanRatio = ratio(mean, jmh.score(LATENCY, base));
            Optional<Double> p99Ratio = ratio(p99, jmh.percentile(LATENCY, base, "99.0"));
            out.append("| ").append(label(row[0])).append(" | ").append(num(mean, 1)).append(" | ")
                    .append(num(jmh.percentile(LATENCY, p, "50.0"), 1)).append(" | ").append(num(p99, 1)).append(" | ")
                    .append(x(meanRatio)).append(" | ").append(x(p99Ratio)).append(" |\n");
            if (!row[0].equals(row[1]) && !row[0].startsWith("BASELINE_")) {
                meanRatio.ifPresent(r -> ratios.add(new Ratio("latency", label(row[0]) + " mean", r, false)));
                p99Ratio.ifPresent(r -> ratios.add(new Ratio("latency", label(row[0]) + " p99", r, false)));
            }
        }
        out.append('\n');
    }

    private void reactiveThroughput() {
        String[] levels = {"16", "256"};
        out.append("### Reactive throughput (calls/s; ratio to baseline A in brackets)\n\n")
                .append("| client | 16 in flight | 256 in flight |\n|---|---:|---:|\n");
        for (String client : new String[] {"BASELINE_A", "SDK_REACTIVE", "PEER_WEBCLIENT"}) {
            StringBuilder line = new StringBuilder("| " + label(client) + " |");
            boolean any = false;
            for (String level : levels) {
                Optional<Double> score = jmh.score(REACTIVE, Map.of("client", client, "inFlight", level));
                Optional<Double> r = ratio(score, jmh.score(REACTIVE, Map.of("client", "BASELINE_A", "inFlight", level)));
                any |= score.isPresent();
                line.append(' ').append(num(score, 0)).append(score.isPresent() ? " (" + x(r) + ")" : "").append(" |");
                if (!client.equals("BASELINE_A")) {
                    r.ifPresent(v -> ratios.add(new Ratio("throughput", label(client) + ", " + level + " in flight", v, true)));
                }
            }
            if (any) {
                out.append(line).append('\n');
            }
        }
        out.append('\n');
    }

    private void blockingThroughput() {
        out.append("### Blocking throughput (calls/s; ratio to baseline B and to baseline C)\n\n")
                .append("Baseline B is `java.net.http`, baseline C raw Reactor Netty awaited with `block()`; the target is "
                        + "judged against the faster of the two at each thread count.\n\n")
                .append("| client | 1 thread | ÷ B | ÷ C | 8 threads | ÷ B | ÷ C |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (String client : new String[] {"BASELINE_B", "BASELINE_C", "SDK_BLOCKING", "PEER_NATIVE"}) {
            StringBuilder line = new StringBuilder("| " + label(client) + " |");
            boolean any = false;
            for (String threads : new String[] {"1", "8"}) {
                String method = BLOCKING + "threads" + threads;
                Optional<Double> score = jmh.score(method, Map.of("client", client));
                Optional<Double> toB = ratio(score, jmh.score(method, Map.of("client", "BASELINE_B")));
                Optional<Double> toC = ratio(score, jmh.score(method, Map.of("client", "BASELINE_C")));
                any |= score.isPresent();
                line.append(' ').append(num(score, 0)).append(" | ").append(x(toB)).append(" | ").append(x(toC)).append(" |");
                if (!client.startsWith("BASELINE_")) {
                    ratio(score, fastestBlocking(threads)).ifPresent(v -> ratios.add(new Ratio("throughput",
                            label(client) + ", " + threads + " thread" + (threads.equals("1") ? "" : "s")
                                    + " (÷ fastest raw blocking)", v, true)));
                }
            }
            if (any) {
                out.append(line).append('\n');
            }
        }
        out.append('\n');
    }

    /** The calls per second of the faster raw blocking baseline (B or C) at a thread count, if either ran. */
    private Optional<Double> fastestBlocking(String threads) {
        String method = BLOCKING + "threads" + threads;
        Optional<Double> b = jmh.score(method, Map.of("client", "BASELINE_B"));
        Optional<Double> c = jmh.score(method, Map.of("client", "BASELINE_C"));
        return b.isEmpty() ? c : c.isEmpty() ? b : Optional.of(Math.max(b.get(), c.get()));
    }

    private Optional<String> fastestLatencyBaseline() {
        Optional<Double> b = jmh.score(LATENCY, Map.of("client", "BASELINE_B"));
        Optional<Double> c = jmh.score(LATENCY, Map.of("client", "BASELINE_C"));
        if (b.isEmpty() && c.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(b.isEmpty() || (c.isPresent() && c.get() <= b.get()) ? "BASELINE_C" : "BASELINE_B");
    }

    private void paired() {
        if (pairedLines.isEmpty()) {
            return;
        }
        out.append("### Paired ratios (interleaved batches in one JVM, `PairedRatio`)\n\n")
                .append("Both clients alternate 4,096-call batches against one server, so load from other processes hits both "
                        + "alike; this is the steadier figure for the targets.\n\n")
                .append("| client ÷ baseline | load | calls/s | ratio of totals | median pair ratio (p25–p75) |\n"
                        + "|---|---|---:|---:|---:|\n");
        for (String line : pairedLines) {
            Matcher m = PAIRED.matcher(line);
            if (!m.find()) {
                continue;
            }
            out.append("| ").append(label(m.group(1))).append(" ÷ ").append(label(m.group(2))).append(" | ")
                    .append(m.group(3)).append(" | ").append(m.group(4)).append(" vs ").append(m.group(5)).append(" | ")
                    .append(m.group(6)).append("x | ").append(m.group(7)).append("x (").append(m.group(8)).append("–")
                    .append(m.group(9)).append(") |\n");
            ratios.add(new Ratio("paired", label(m.group(1)) + " ÷ " + label(m.group(2)) + ", " + m.group(3),
                    Double.parseDouble(m.group(7)), true));
        }
        out.append('\n');
    }

    private void scaling() {
        if (scaling == null) {
            return;
        }
        out.append("### Scaling: calls in flight against throughput and latency (`ScalingCurve`)\n\n")
                .append("Both clients on the SDK's default pool (").append(scaling.path("maxConnections").asInt())
                .append(" connections, ").append(String.format(Locale.ROOT, "%,d", scaling.path("pendingAcquireMaxCount").asInt()))
                .append(" waiting); ").append(scaling.path("secondsPerPoint").asDouble())
                .append(" s measured per point, SDK and baseline A in turn at each level. Latency is each completed "
                        + "call's own, from subscription to its value. Past the pending limit a call is refused; the "
                        + "last column counts the calls that ended in an error, by type.\n\n")
                .append("| in flight | client | calls/s | ÷ baseline A | p50 (µs) | p99 (µs) | failed calls |\n")
                .append("|---:|---|---:|---:|---:|---:|---|\n");
        Map<String, JsonNode> baseline = new java.util.HashMap<>();
        for (JsonNode row : scaling.path("rows")) {
            if (row.path("client").asText().equals("BASELINE_A")) {
                baseline.put(row.path("inFlight").asText(), row);
            }
        }
        for (JsonNode row : scaling.path("rows")) {
            String client = row.path("client").asText();
            JsonNode base = baseline.get(row.path("inFlight").asText());
            Optional<Double> cps = Optional.of(row.path("callsPerSecond").asDouble());
            Optional<Double> r = ratio(cps, base == null ? Optional.empty() : Optional.of(base.path("callsPerSecond").asDouble()));
            StringBuilder failed = new StringBuilder();
            row.path("refused").fields().forEachRemaining(e -> failed.append(failed.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%,d", e.getValue().asLong())).append(" `").append(e.getKey()).append('`'));
            out.append("| ").append(String.format(Locale.ROOT, "%,d", row.path("inFlight").asInt()))
                    .append(row.path("overflow").asBoolean() ? " (past the limit)" : "").append(" | ").append(label(client))
                    .append(" | ").append(num(cps, 0)).append(" | ").append(x(r)).append(" | ")
                    .append(num(Optional.of(row.path("p50Micros").asDouble()), 0)).append(" | ")
                    .append(num(Optional.of(row.path("p99Micros").asDouble()), 0)).append(" | ")
                    .append(failed.length() == 0 ? "none" : failed).append(" |\n");
        }
        out.append('\n');
    }

    private void transfers() {
        if (jmh.find(TRANSFER, Map.of()).isEmpty()) {
            return;
        }
        out.append("### Recordings: streamed upload and download (`TransferBenchmark`)\n\n")
                .append("One recording per operation, in 64 KiB chunks generated in memory; MB are 10^6 bytes. "
                        + "Allocation per MB is JMH's `gc.alloc.rate.norm` (all threads, the in-process server's "
                        + "included) divided by the size.\n\n")
                .append("| direction | size | client | ms per recording | MB/s | ÷ raw | bytes allocated per MB | ÷ raw |\n")
                .append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (String direction : DIRECTIONS) {
            for (String size : SIZES) {
                for (String client : new String[] {"RAW", "SDK_REACTIVE", "SDK_BLOCKING"}) {
                    Optional<Double> ms = jmh.score(TRANSFER, transferParams(client, size, direction));
                    if (ms.isEmpty()) {
                        continue;
                    }
                    Optional<Double> mbps = megabytesPerSecond(client, size, direction);
                    Optional<Double> speed = ratio(mbps, megabytesPerSecond("RAW", size, direction));
                    Optional<Double> alloc = allocationPerMb(client, size, direction);
                    out.append("| ").append(direction.toLowerCase(Locale.ROOT)).append(" | ").append(size.replace("MB", " MB"))
                            .append(" | ").append(transferLabel(client)).append(" | ").append(num(ms, 1)).append(" | ")
                            .append(num(mbps, 0)).append(" | ").append(x(speed)).append(" | ").append(num(alloc, 0))
                            .append(" | ").append(x(ratio(alloc, allocationPerMb("RAW", size, direction)))).append(" |\n");
                    if (!client.equals("RAW")) {
                        speed.ifPresent(v -> ratios.add(new Ratio("throughput", transferLabel(client) + " "
                                + direction.toLowerCase(Locale.ROOT) + ", " + size.replace("MB", " MB") + " (÷ raw)", v, true)));
                    }
                }
            }
        }
        out.append('\n');
    }

    private static Map<String, String> transferParams(String client, String size, String direction) {
        return Map.of("client", client, "size", size, "direction", direction);
    }

    private Optional<Double> megabytesPerSecond(String client, String size, String direction) {
        double megabytes = Double.parseDouble(size.substring(0, size.length() - 2));
        return jmh.score(TRANSFER, transferParams(client, size, direction)).filter(ms -> ms > 0)
                .map(ms -> megabytes / (ms / 1000));
    }

    private Optional<Double> allocationPerMb(String client, String size, String direction) {
        double megabytes = Double.parseDouble(size.substring(0, size.length() - 2));
        return jmh.secondary(TRANSFER, transferParams(client, size, direction), ALLOC).map(bytes -> bytes / megabytes);
    }

    private static String transferLabel(String client) {
        return client.equals("RAW") ? "raw Reactor Netty" : label(client);
    }

    private void listing() {
        out.append("### Listing 20,000 interactions in pages of 100\n\n")
                .append("| listing | ms per listing | ns per item | bytes allocated per item | time ratio | allocation ratio |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        Map<String, String> base = Map.of("listing", "BASELINE_A");
        for (String listing : new String[] {"BASELINE_A", "PAGED_FLUX", "PAGED_ITERABLE"}) {
            Map<String, String> p = Map.of("listing", listing);
            Optional<Double> perItem = jmh.score(LISTING, p);
            if (perItem.isEmpty()) {
                continue;
            }
            Optional<Double> alloc = jmh.secondary(LISTING, p, "gc.alloc.rate.norm");
            Optional<Double> allocRatio = ratio(alloc, jmh.secondary(LISTING, base, "gc.alloc.rate.norm"));
            Optional<Double> timeRatio = ratio(perItem, jmh.score(LISTING, base));
            out.append("| ").append(listing.equals("BASELINE_A") ? "baseline A (same pages, same mapper)"
                            : listing.equals("PAGED_FLUX") ? "SDK `PagedFlux`" : "SDK `PagedIterable`").append(" | ")
                    .append(num(perItem.map(v -> v * 20_000 / 1e6), 1)).append(" | ").append(num(perItem, 0)).append(" | ")
                    .append(num(alloc, 0)).append(" | ").append(x(timeRatio)).append(" | ").append(x(allocRatio)).append(" |\n");
            if (!listing.equals("BASELINE_A")) {
                String name = listing.equals("PAGED_FLUX") ? "PagedFlux" : "PagedIterable";
                allocRatio.ifPresent(r -> ratios.add(new Ratio("latency", name + " bytes/item", r, false)));
                timeRatio.ifPresent(r -> ratios.add(new Ratio("latency", name + " time/item", r, false)));
            }
        }
        out.append('\n');
    }

    private void coldStart() {
        if (coldStart == null) {
            return;
        }
        JsonNode clients = coldStart.path("clients");
        JsonNode peer = clients.path("PEER_NATIVE");
        out.append("### Cold start: fresh JVM, `main` to the first completed `get` (median of ")
                .append(coldStart.path("runs").asInt()).append(" runs)\n\n")
                .append("There is no raw baseline here; the ratio is to the openapi-generator native client.\n\n")
                .append("| client | main → first get (ms) | process launch → first get (ms) | ratio (main → get) |\n")
                .append("|---|---:|---:|---:|\n");
        for (String client : new String[] {"PEER_NATIVE", "SDK_BLOCKING", "SDK_REACTIVE"}) {
            JsonNode c = clients.path(client);
            if (c.isMissingNode()) {
                continue;
            }
            Optional<Double> r = ratio(Optional.of(c.path("mainToGetMs").asDouble()),
                    peer.isMissingNode() ? Optional.empty() : Optional.of(peer.path("mainToGetMs").asDouble()));
            out.append("| ").append(label(client)).append(" | ").append(num(Optional.of(c.path("mainToGetMs").asDouble()), 0))
                    .append(" | ").append(num(Optional.of(c.path("launchToGetMs").asDouble()), 0)).append(" | ")
                    .append(x(r)).append(" |\n");
        }
        out.append('\n');
    }

    private void targets() {
        for (String level : new String[] {"16", "256"}) {
            target("Reactive facade ≥ 0.95x baseline A at " + level + " in flight (JMH)",
                    ratio(jmh.score(REACTIVE, Map.of("client", "SDK_REACTIVE", "inFlight", level)),
                            jmh.score(REACTIVE, Map.of("client", "BASELINE_A", "inFlight", level))), 0.95);
            pairedRatio("SDK_REACTIVE", "BASELINE_A", "inFlight=" + level).ifPresent(r ->
                    target("Reactive facade ≥ 0.95x baseline A at " + level + " in flight (paired)", Optional.of(r), 0.95));
        }
        for (String threads : new String[] {"1", "8"}) {
            String method = BLOCKING + "threads" + threads;
            target("Blocking facade ≥ 0.95x the fastest raw blocking baseline (B or C), " + threads + " thread(s) (JMH)",
                    ratio(jmh.score(method, Map.of("client", "SDK_BLOCKING")), fastestBlocking(threads)), 0.95);
            String load = "threads=" + threads;
            Optional<Double> pairedB = pairedRatio("SDK_BLOCKING", "BASELINE_B", load);
            Optional<Double> pairedC = pairedRatio("SDK_BLOCKING", "BASELINE_C", load);
            // Against the faster baseline the SDK's ratio is the smaller one.
            Optional<Double> worst = pairedB.isEmpty() ? pairedC
                    : pairedC.isEmpty() ? pairedB : Optional.of(Math.min(pairedB.get(), pairedC.get()));
            worst.ifPresent(r -> target("Blocking facade ≥ 0.95x the fastest raw blocking baseline, " + threads
                    + " thread(s) (paired" + (pairedB.isPresent() && pairedC.isPresent() ? ", B and C" : pairedC.isPresent() ? ", C" : ", B")
                    + ")", Optional.of(r), 0.95));
        }
        for (String threads : new String[] {"1", "8"}) {
            String method = BLOCKING + "threads" + threads;
            targetIfRun("Blocking facade ≥ 0.9x baseline B (java.net.http), " + threads + " thread(s) (JMH, earlier target)",
                    ratio(jmh.score(method, Map.of("client", "SDK_BLOCKING")), jmh.score(method, Map.of("client", "BASELINE_B"))), 0.9);
        }
        pairedRatio("SDK_BLOCKING", "BASELINE_B", "threads=8").ifPresent(r ->
                target("Blocking facade ≥ 0.9x baseline B (java.net.http), 8 threads (paired, earlier target)", Optional.of(r), 0.9));
        for (String level : new String[] {"16", "256"}) {
            targetIfRun("Reactive facade faster than the webclient peer, " + level + " in flight (SDK ÷ peer)",
                    ratio(jmh.score(REACTIVE, Map.of("client", "SDK_REACTIVE", "inFlight", level)),
                            jmh.score(REACTIVE, Map.of("client", "PEER_WEBCLIENT", "inFlight", level))), 1.0);
        }
        pairedRatio("SDK_REACTIVE", "PEER_WEBCLIENT", "inFlight=256").ifPresent(r ->
                target("Reactive facade faster than the webclient peer, 256 in flight (paired)", Optional.of(r), 1.0));
        for (String threads : new String[] {"1", "8"}) {
            String method = BLOCKING + "threads" + threads;
            targetIfRun("Blocking facade faster than the native peer, " + threads + " thread(s) (SDK ÷ peer)",
                    ratio(jmh.score(method, Map.of("client", "SDK_BLOCKING")), jmh.score(method, Map.of("client", "PEER_NATIVE"))), 1.0);
        }
        pairedRatio("SDK_BLOCKING", "PEER_NATIVE", "threads=8").ifPresent(r ->
                target("Blocking facade faster than the native peer, 8 threads (paired)", Optional.of(r), 1.0));
        for (String facade : FACADES) {
            for (String direction : DIRECTIONS) {
                for (String size : SIZES) {
                    if (jmh.find(TRANSFER, transferParams(facade, size, direction)).isPresent()) {
                        target(label(facade) + " " + direction.toLowerCase(Locale.ROOT) + " of " + size.replace("MB", " MB")
                                + " ≥ 0.9x raw Reactor Netty (MB/s)", ratio(megabytesPerSecond(facade, size, direction),
                                megabytesPerSecond("RAW", size, direction)), 0.9);
                    }
                }
            }
        }
        for (String facade : FACADES) {
            for (String direction : DIRECTIONS) {
                Optional<Double> small = allocationPerMb(facade, "1MB", direction);
                Optional<Double> large = allocationPerMb(facade, "150MB", direction);
                if (small.isPresent() || large.isPresent()) {
                    Optional<Double> r = ratio(large, small);
                    targets.add(new String[] {"Heap constant in size: " + label(facade) + " " + direction.toLowerCase(Locale.ROOT)
                            + ", bytes allocated per MB at 150 MB ≤ " + HEAP_FACTOR + "x that at 1 MB", x(r),
                            r.isEmpty() ? "not run" : r.get() <= HEAP_FACTOR ? "**met**" : "**missed**"});
                }
            }
        }
        Optional<Double> baseAlloc = jmh.secondary(LISTING, Map.of("listing", "BASELINE_A"), "gc.alloc.rate.norm");
        for (String listing : new String[] {"PAGED_FLUX", "PAGED_ITERABLE"}) {
            Optional<Double> r = ratio(jmh.secondary(LISTING, Map.of("listing", listing), "gc.alloc.rate.norm"), baseAlloc);
            // lower is better here: express as "within 1.2x" by checking baseline ÷ client >= 1/1.2
            targets.add(new String[] {listing + " allocation ≤ 1.2x baseline A per item", x(r),
                    r.isEmpty() ? "not run" : r.get() <= 1.2 ? "**met**" : "**missed**"});
        }
        coldStartTargets();
        out.append("### Targets\n\n| target | measured | result |\n|---|---:|---|\n");
        for (String[] t : targets) {
            out.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2]).append(" |\n");
        }
        out.append('\n');
    }

    /** The cold-start target: each facade's time from {@code main} to its first call at most the native peer's. */
    private void coldStartTargets() {
        if (coldStart == null || coldStart.path("clients").path("PEER_NATIVE").isMissingNode()) {
            return;
        }
        double peer = coldStart.path("clients").path("PEER_NATIVE").path("mainToGetMs").asDouble();
        for (String client : new String[] {"SDK_REACTIVE", "SDK_BLOCKING"}) {
            JsonNode c = coldStart.path("clients").path(client);
            if (!c.isMissingNode()) {
                double r = c.path("mainToGetMs").asDouble() / peer;
                targets.add(new String[] {"Cold start of the " + label(client) + " ≤ 1.0x the native peer (main → first get)",
                        x(Optional.of(r)), r <= 1.0 ? "**met**" : "**missed**"});
            }
        }
    }

    /** A comparison that a run may leave to the paired runs (the full run's JMH forks are the SDK and its floor). */
    private void targetIfRun(String what, Optional<Double> measured, double atLeast) {
        if (measured.isPresent()) {
            target(what, measured, atLeast);
        }
    }

    private void target(String what, Optional<Double> measured, double atLeast) {
        targets.add(new String[] {what, x(measured),
                measured.isEmpty() ? "not run" : measured.get() >= atLeast ? "**met**" : "**missed**"});
    }

    private Optional<Double> pairedRatio(String x, String y, String load) {
        for (String line : pairedLines) {
            Matcher m = PAIRED.matcher(line);
            if (m.find() && m.group(1).equals(x) && m.group(2).equals(y) && m.group(3).equals(load)) {
                return Optional.of(Double.parseDouble(m.group(7)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> ratio(Optional<Double> value, Optional<Double> baseline) {
        return value.isPresent() && baseline.isPresent() && baseline.get() != 0
                ? Optional.of(value.get() / baseline.get()) : Optional.empty();
    }

    private static String x(Optional<Double> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, "%.2fx", r)).orElse("–");
    }

    private static String num(Optional<Double> value, int decimals) {
        return value.map(v -> String.format(Locale.ROOT, "%,." + decimals + "f", v)).orElse("–");
    }

    static String label(String client) {
        try {
            return ai.corti.bench.clients.ClientKind.valueOf(client).label();
        } catch (IllegalArgumentException e) {
            return client;
        }
    }
}
