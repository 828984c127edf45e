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

    private final JmhResults jmh;
    private final JsonNode coldStart;
    private final List<String> pairedLines;
    private final StringBuilder out = new StringBuilder();
    private final List<Ratio> ratios = new ArrayList<>();
    private final List<String[]> targets = new ArrayList<>();

    MarkdownReport(JmhResults jmh, JsonNode coldStart, List<String> pairedLines) {
        this.jmh = jmh;
        this.coldStart = coldStart;
        this.pairedLines = pairedLines;
    }

    List<Ratio> ratios() {
        return ratios;
    }

    String render() {
        latency();
        reactiveThroughput();
        blockingThroughput();
        paired();
        listing();
        coldStart();
        targets();
        return out.toString();
    }

    private void latency() {
        out.append("### `get` latency, one caller (µs, JMH SampleTime)\n\n")
                .append("Ratio = client ÷ its baseline (A for reactive clients, B for blocking ones); below 1.00 is faster.\n\n")
                .append("| client | mean | p50 | p99 | mean ratio | p99 ratio |\n|---|---:|---:|---:|---:|---:|\n");
        String[][] rows = {
            {"BASELINE_A", "BASELINE_A"}, {"SDK_REACTIVE", "BASELINE_A"}, {"PEER_WEBCLIENT", "BASELINE_A"},
            {"BASELINE_B", "BASELINE_B"}, {"SDK_BLOCKING", "BASELINE_B"}, {"PEER_NATIVE", "BASELINE_B"}};
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
            if (!row[0].equals(row[1])) {
                meanRatio.ifPresent(r -> ratios.add(new Ratio("latency", label(row[0]) + " mean", r, false)));
                p99Ratio.ifPresent(r -> ratios.add(new Ratio("latency", label(row[0]) + " p99", r, false)));
            }
        }
        out.append('\n');
    }

    private void reactiveThroughput() {
        String[] levels = {"1", "16", "256"};
        out.append("### Reactive throughput (calls/s; ratio to baseline A in brackets)\n\n")
                .append("| client | 1 in flight | 16 in flight | 256 in flight |\n|---|---:|---:|---:|\n");
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
        out.append("### Blocking throughput (calls/s; ratio to baseline B in brackets)\n\n")
                .append("| client | 1 thread | 8 threads |\n|---|---:|---:|\n");
        for (String client : new String[] {"BASELINE_B", "SDK_BLOCKING", "PEER_NATIVE"}) {
            StringBuilder line = new StringBuilder("| " + label(client) + " |");
            boolean any = false;
            for (String threads : new String[] {"1", "8"}) {
                String method = BLOCKING + "threads" + threads;
                Optional<Double> score = jmh.score(method, Map.of("client", client));
                Optional<Double> r = ratio(score, jmh.score(method, Map.of("client", "BASELINE_B")));
                any |= score.isPresent();
                line.append(' ').append(num(score, 0)).append(score.isPresent() ? " (" + x(r) + ")" : "").append(" |");
                if (!client.equals("BASELINE_B")) {
                    r.ifPresent(v -> ratios.add(new Ratio("throughput", label(client) + ", " + threads + " thread"
                            + (threads.equals("1") ? "" : "s"), v, true)));
                }
            }
            if (any) {
                out.append(line).append('\n');
            }
        }
        out.append('\n');
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
        Optional<Double> reactive256 = ratio(jmh.score(REACTIVE, Map.of("client", "SDK_REACTIVE", "inFlight", "256")),
                jmh.score(REACTIVE, Map.of("client", "BASELINE_A", "inFlight", "256")));
        target("Reactive facade ≥ 0.95x baseline A at 256 in flight (JMH)", reactive256, 0.95);
        pairedRatio("SDK_REACTIVE", "BASELINE_A").ifPresent(r ->
                target("Reactive facade ≥ 0.95x baseline A at 256 in flight (paired)", Optional.of(r), 0.95));
        for (String threads : new String[] {"1", "8"}) {
            String method = BLOCKING + "threads" + threads;
            target("Blocking facade ≥ 0.9x baseline B, " + threads + " thread(s) (JMH)",
                    ratio(jmh.score(method, Map.of("client", "SDK_BLOCKING")), jmh.score(method, Map.of("client", "BASELINE_B"))), 0.9);
        }
        pairedRatio("SDK_BLOCKING", "BASELINE_B").ifPresent(r ->
                target("Blocking facade ≥ 0.9x baseline B, 8 threads (paired)", Optional.of(r), 0.9));
        for (String level : new String[] {"1", "16", "256"}) {
            target("Reactive facade faster than the webclient peer, " + level + " in flight (SDK ÷ peer)",
                    ratio(jmh.score(REACTIVE, Map.of("client", "SDK_REACTIVE", "inFlight", level)),
                            jmh.score(REACTIVE, Map.of("client", "PEER_WEBCLIENT", "inFlight", level))), 1.0);
        }
        pairedRatio("SDK_REACTIVE", "PEER_WEBCLIENT").ifPresent(r ->
                target("Reactive facade faster than the webclient peer, 256 in flight (paired)", Optional.of(r), 1.0));
        for (String threads : new String[] {"1", "8"}) {
            String method = BLOCKING + "threads" + threads;
            target("Blocking facade faster than the native peer, " + threads + " thread(s) (SDK ÷ peer)",
                    ratio(jmh.score(method, Map.of("client", "SDK_BLOCKING")), jmh.score(method, Map.of("client", "PEER_NATIVE"))), 1.0);
        }
        Optional<Double> baseAlloc = jmh.secondary(LISTING, Map.of("listing", "BASELINE_A"), "gc.alloc.rate.norm");
        for (String listing : new String[] {"PAGED_FLUX", "PAGED_ITERABLE"}) {
            Optional<Double> r = ratio(jmh.secondary(LISTING, Map.of("listing", listing), "gc.alloc.rate.norm"), baseAlloc);
            // lower is better here: express as "within 1.2x" by checking baseline ÷ client >= 1/1.2
            targets.add(new String[] {listing + " allocation ≤ 1.2x baseline A per item", x(r),
                    r.isEmpty() ? "not run" : r.get() <= 1.2 ? "**met**" : "**missed**"});
        }
        out.append("### Targets\n\n| target | measured | result |\n|---|---:|---|\n");
        for (String[] t : targets) {
            out.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2]).append(" |\n");
        }
        out.append('\n');
    }

    private void target(String what, Optional<Double> measured, double atLeast) {
        targets.add(new String[] {what, x(measured),
                measured.isEmpty() ? "not run" : measured.get() >= atLeast ? "**met**" : "**missed**"});
    }

    private Optional<Double> pairedRatio(String x, String y) {
        for (String line : pairedLines) {
            Matcher m = PAIRED.matcher(line);
            if (m.find() && m.group(1).equals(x) && m.group(2).equals(y)) {
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
