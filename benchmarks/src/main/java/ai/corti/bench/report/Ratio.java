package ai.corti.bench.report;

/**
 * One bar of the chart: a client's figure divided by its baseline's, from the same run.
 *
 * @param group         the chart panel, e.g. {@code latency} or {@code throughput}
 * @param label         what the bar shows, e.g. {@code SDK reactive, 256 in flight}
 * @param value         the ratio
 * @param higherIsBetter whether a ratio above 1 is good (throughput) or bad (latency)
 */
record Ratio(String group, String label, double value, boolean higherIsBetter) {
}
