package ai.corti.it.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects what Netty's leak detector reports (logger {@code io.netty.util.ResourceLeakDetector}, wired
 * in {@code logback-test.xml}), so tests can fail on a leak instead of it scrolling past in the log.
 */
public final class LeakCollector extends AppenderBase<ILoggingEvent> {

    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        REPORTS.add(event.getFormattedMessage());
    }

    /** Returns the leak reports collected so far. */
    public static List<String> reports() {
        return List.copyOf(REPORTS);
    }

    /** Forgets collected reports (only the detector's own self-test uses this). */
    public static void clear() {
        REPORTS.clear();
    }
}
