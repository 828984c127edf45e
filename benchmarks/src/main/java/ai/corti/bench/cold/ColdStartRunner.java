package ai.corti.bench.cold;

import ai.corti.bench.server.BenchServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures cold start: starts the benchmark server here, then for each client launches fresh JVMs running
 * {@link ColdStartMain} several times (clients interleaved, so a burst of load on the machine does not
 * land on one client only) and writes the median of each to a JSON file.
 *
 * <p>Two figures per run: {@code mainToGetMs}, measured inside the child from entering {@code main} to the
 * first decoded {@code get} (what the issue asks for), and {@code launchToGetMs}, measured here from
 * launching the process to reading its line, which adds the JVM's own start-up (the same for every client).
 *
 * <p>Usage: {@code ColdStartRunner <runs> <output.json> <client>...}
 */
public final class ColdStartRunner {

    private static final long CHILD_TIMEOUT_SECONDS = 60;

    private ColdStartRunner() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the number of runs per client, the output file, and the clients
     * @throws Exception when a child fails or times out
     */
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        File output = new File(args[1]);
        List<String> clients = List.of(args).subList(2, args.length);
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");

        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        try (BenchServer server = BenchServer.start()) {
            for (int run = 0; run < runs; run++) {
                for (String client : clients) {
                    samples.computeIfAbsent(client, c -> new ArrayList<>())
                            .add(runOnce(java, classPath, client, server.baseUrl()));
                }
            }
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runs", runs);
        result.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        Map<String, Object> byClient = new LinkedHashMap<>();
        samples.forEach((client, list) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("mainToGetMs", median(list, 0));
            figures.put("launchToGetMs", median(list, 1));
            figures.put("mainToGetMsRuns", list.stream().mapToDouble(s -> s[0]).toArray());
            figures.put("launchToGetMsRuns", list.stream().mapToDouble(s -> s[1]).toArray());
            byClient.put(client, figures);
            System.out.printf("cold start %-14s median main->get %7.1f ms, launch->get %7.1f ms (%d runs)%n", client,
                    median(list, 0), median(list, 1), list.size());
        });
        result.put("clients", byClient);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output, result);
    }

    private static double[] runOnce(String java, String classPath, String client, String baseUrl)
            throws IOException, InterruptedException {
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", classPath, ColdStartMain.class.getName(), client, baseUrl)
                .redirectErrorStream(true)
                .start();
        // The child's output is read on its own thread, timing the line as it arrives, so that the wait
        // below stays bounded even if a child hangs without closing its output.
        long[] lineAt = {0};
        String[] line = {null};
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String next = lines.readLine(); next != null; next = lines.readLine()) {
                    synchronized (output) {
                        if (next.startsWith(ColdStartMain.PREFIX) && line[0] == null) {
                            lineAt[0] = System.nanoTime();
                            line[0] = next;
                        } else {
                            output.append(next).append('\n');
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was killed; the checks below report it
            }
        }, "cold-start-reader");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(client + ": cold start did not finish in " + CHILD_TIMEOUT_SECONDS + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        synchronized (output) {
            if (process.exitValue() != 0 || line[0] == null) {
                throw new IllegalStateException(client + ": cold start failed (exit " + process.exitValue() + "):\n"
                        + output);
            }
            double mainToGet = Long.parseLong(line[0].substring(ColdStartMain.PREFIX.length()).trim().split(" ")[0]) / 1e6;
            return new double[] {mainToGet, (lineAt[0] - launched) / 1e6};
        }
    }

    private static double median(List<double[]> samples, int index) {
        double[] values = samples.stream().mapToDouble(s -> s[index]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
