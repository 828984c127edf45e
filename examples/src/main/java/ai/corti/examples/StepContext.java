package ai.corti.examples;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import java.time.Duration;
import java.util.Optional;

/**
 * What every step works with: both clients (each step uses the one that reads best for it), where it reports,
 * whether it may change data, and the emulator when it runs against one.
 *
 * @param blocking the blocking client
 * @param reactive the reactive client
 * @param report   where the steps print
 * @param write    whether the steps that create or change data, or use credits, run (always against the emulator;
 *                 with {@code --write} against the real API)
 * @param prefix   put before every identifier the walkthrough creates ({@code sdk-walkthrough-<run>-} against the
 *                 real API, empty against the emulator)
 * @param created  the interactions created and not yet deleted
 * @param emulator the in-process emulator, or empty against the real API
 */
record StepContext(CortiClient blocking, CortiReactiveClient reactive, Report report, boolean write, String prefix,
                   CreatedInteractions created, Optional<CortiEmulator> emulator) {

    /** The longest any one step waits for an answer. */
    static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Prints why the current step stops here when it may not change data, and says whether it may go on.
     *
     * @param what what the step would do, e.g. "it would create data"
     * @return whether the step may run
     */
    boolean mayWrite(String what) {
        if (!write) {
            report.skipped(what);
        }
        return write;
    }
}
