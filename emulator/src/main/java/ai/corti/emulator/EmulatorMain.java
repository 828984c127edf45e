package ai.corti.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Runs the emulator on its own, for trying the SDK (or any HTTP client) by hand:
 *
 * <pre>
 * java -jar emulator/target/corti-emulator-*.jar --port 8080
 * </pre>
 *
 * <p>Options: {@code --port N} (default 8080, 0 for a random free port), {@code --client-id ID} and
 * {@code --client-secret SECRET} (default the demo credentials), {@code --token-lifetime SECONDS} (default 300),
 * {@code --recording-memory MIB} (default 256), {@code --transcript-time SECONDS} (default 2),
 * {@code --verbose} (one log line per request), {@code --help}. It prints its URLs and credentials and runs
 * until stopped (Ctrl+C). A secret given on the command line is not printed back.
 */
public final class EmulatorMain {

    private static final String USAGE = """
            Usage: java -jar corti-emulator-<version>.jar [options]
              --port N                 port on 127.0.0.1 (default 8080; 0 picks a free one)
              --client-id ID           client id the token endpoint accepts (default %s)
              --client-secret SECRET   client secret it accepts (default the demo secret)
              --token-lifetime SECONDS how long tokens live (default %d)
              --recording-memory MIB   most MiB of recordings held, all tenants together (default %d)
              --transcript-time SECONDS how long an asynchronous transcript processes (default %d)
              --verbose                log one line per request
              --help                   print this and exit
            """.formatted(CortiEmulator.DEFAULT_CLIENT_ID, CortiEmulator.DEFAULT_TOKEN_LIFETIME.toSeconds(),
            CortiEmulator.DEFAULT_RECORDING_MEMORY_LIMIT / (1024 * 1024),
            CortiEmulator.DEFAULT_TRANSCRIPT_PROCESSING_TIME.toSeconds());

    private EmulatorMain() {
    }

    /**
     * Starts the emulator and blocks until the JVM is stopped.
     *
     * @param args the command line; see the class documentation
     */
    public static void main(String[] args) {
        // Before anything touches SLF4J: the standalone jar's logging, never a user's logback.xml.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "corti-emulator-logback.xml");
        }
        for (String arg : args) {
            if (arg.equals("--verbose")) {
                System.setProperty("corti.emulator.log", "DEBUG");
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
        }
        CortiEmulator emulator;
        try {
            emulator = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "corti-emulator-shutdown"));
        emulator.awaitClose();
    }

    /**
     * Parses the command line, starts the emulator and prints how to reach it.
     *
     * @param args the command line
     * @param out  where to print the URLs and credentials
     * @return the running emulator
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    static CortiEmulator start(String[] args, PrintStream out) {
        CortiEmulator.Builder builder = CortiEmulator.builder().port(8080);
        String clientId = CortiEmulator.DEFAULT_CLIENT_ID;
        String clientSecret = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(integer(arg, value(args, ++i, arg)));
                case "--client-id" -> clientId = value(args, ++i, arg);
                case "--client-secret" -> clientSecret = value(args, ++i, arg);
                case "--token-lifetime" -> builder.tokenLifetime(lifetime(value(args, ++i, arg)));
                case "--recording-memory" -> builder.recordingMemoryLimit(
                        nonNegative(arg, value(args, ++i, arg)) * 1024 * 1024);
                case "--transcript-time" -> builder.transcriptProcessingTime(
                        Duration.ofSeconds(nonNegative(arg, value(args, ++i, arg))));
                case "--verbose" -> {
                    // handled in main, before logging starts
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        builder.clientCredentials(clientId, clientSecret == null ? CortiEmulator.DEFAULT_CLIENT_SECRET : clientSecret);
        CortiEmulator emulator = builder.start();
        out.println("Corti emulator running (in memory; Ctrl+C to stop)");
        out.println("  API base URL   " + emulator.baseUrl());
        out.println("  Token URL      " + emulator.tokenUrl("{tenant}").replace("%7B", "{").replace("%7D", "}")
                + "   (any tenant, e.g. " + CortiEmulator.DEFAULT_TENANT + ")");
        out.println("  Client id      " + emulator.clientId());
        out.println("  Client secret  " + (clientSecret == null
                ? emulator.clientSecret() + "   (demo credentials: they only open this emulator)"
                : "(as given on the command line)"));
        out.println("  Token lifetime " + emulator.tokenLifetime().toSeconds() + " s");
        out.println("  Recordings     up to " + emulator.maxRecordingSize() + " bytes each, "
                + emulator.recordingMemoryLimit() / (1024 * 1024) + " MiB in all; asynchronous transcripts take "
                + emulator.transcriptProcessingTime().toSeconds() + " s");
        out.println("Try: curl -s -d grant_type=client_credentials -d client_id=" + emulator.clientId()
                + " -d client_secret=... " + emulator.tokenUrl());
        out.flush();
        return emulator;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was '" + text + "'");
        }
    }

    private static long nonNegative(String option, String text) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was '" + text + "'");
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be 0 or more, was " + value);
        }
        return value;
    }

    private static Duration lifetime(String text) {
        try {
            return text.startsWith("P") || text.startsWith("p") ? Duration.parse(text)
                    : Duration.ofSeconds(Long.parseLong(text));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("--token-lifetime must be seconds (or an ISO duration), was '" + text + "'");
        }
    }
}
