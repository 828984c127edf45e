package ai.corti.bench.cold;

import ai.corti.bench.clients.BenchClient;
import ai.corti.bench.clients.PeerNativeClient;
import ai.corti.bench.clients.SdkBlockingClient;
import ai.corti.bench.clients.SdkReactiveClient;
import java.util.UUID;

/**
 * One cold start, run in a fresh JVM by {@link ColdStartRunner}: builds one client, makes one {@code get},
 * prints the time from entering {@code main} to the decoded result and exits.
 *
 * <p>It touches nothing else first: no enum of clients, no lambdas, no payload tables, so the figure is the
 * client's own class loading, initialisation and first call.
 */
public final class ColdStartMain {

    /** The line prefix the runner looks for. */
    static final String PREFIX = "cold-start-nanos ";

    private ColdStartMain() {
    }

    /**
     * Runs one cold start.
     *
     * @param args the client ({@code SDK_REACTIVE}, {@code SDK_BLOCKING} or {@code PEER_NATIVE}) and the base URL
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        BenchClient client;
        switch (args[0]) {
            case "SDK_REACTIVE":
                client = new SdkReactiveClient(args[1]);
                break;
            case "SDK_BLOCKING":
                client = new SdkBlockingClient(args[1]);
                break;
            case "PEER_NATIVE":
                client = new PeerNativeClient(args[1]);
                break;
            default:
                throw new IllegalArgumentException("no cold start for " + args[0]);
        }
        Object first = client.get(UUID.fromString("3c90c3cc-0d44-4b50-8888-8dd25736052a"));
        long nanos = System.nanoTime() - start;
        System.out.println(PREFIX + nanos + (first == null ? " null" : ""));
        System.out.flush();
        // exit at once: the figure is taken, and pool threads would only delay the runner's next start
        Runtime.getRuntime().halt(first == null ? 1 : 0);
    }
}
