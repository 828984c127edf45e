package ai.corti.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Writes the results section of {@code BENCHMARKS.md} and the ratio chart from one run's output files.
 *
 * <p>Usage: {@code ReportMain <resultsDir> <out.md> <out.png> <title>}. Reads {@code jmh-*.json},
 * {@code coldstart.json}, {@code paired.txt} and {@code scaling.json} from the results directory; whatever is
 * missing is left out.
 */
public final class ReportMain {

    private ReportMain() {
    }

    /**
     * Writes the report.
     *
     * @param args the results directory, the Markdown file, the PNG file, and the chart's title
     * @throws Exception when an input cannot be read or an output written
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        File dir = new File(args[0]);
        JmhResults jmh = JmhResults.read(List.of(new File(dir, "jmh-latency.json"), new File(dir, "jmh-reactive.json"),
                new File(dir, "jmh-blocking.json"), new File(dir, "jmh-listing.json"), new File(dir, "jmh-transfer.json")));
        File cold = new File(dir, "coldstart.json");
        JsonNode coldStart = cold.isFile() ? new ObjectMapper().readTree(cold) : null;
        File pairedFile = new File(dir, "paired.txt");
        List<String> paired = pairedFile.isFile() ? Files.readAllLines(pairedFile.toPath(), StandardCharsets.UTF_8) : List.of();

        File scalingFile = new File(dir, "scaling.json");
        JsonNode scaling = scalingFile.isFile() ? new ObjectMapper().readTree(scalingFile) : null;

        MarkdownReport report = new MarkdownReport(jmh, coldStart, paired, scaling);
        String markdown = report.render();
        Files.writeString(new File(args[1]).toPath(), markdown, StandardCharsets.UTF_8);
        RatioChart.write(report.ratios(), args[3], new File(args[2]));
        System.out.println("wrote " + args[1] + " and " + args[2]);
    }
}
