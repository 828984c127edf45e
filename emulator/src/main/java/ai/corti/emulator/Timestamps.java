package ai.corti.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The times the emulator stamps on interactions ({@code createdAt}, {@code updatedAt}, {@code lastUpdated}),
 * read from the injected clock and never handed out twice: when the clock has not moved since the last
 * stamp (a fixed test clock, or two calls in one microsecond), the next stamp is one microsecond later. So
 * an update always moves {@code updatedAt} forward and sorting by a timestamp has no ties.
 */
final class Timestamps {

    private final Clock clock;
    private Instant last = Instant.MIN;

    Timestamps(Clock clock) {
        this.clock = clock;
    }

    /** The next stamp: the clock's time, or one microsecond after the previous stamp if that is later. */
    synchronized Instant next() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!now.isAfter(last)) {
            now = last.plus(1, ChronoUnit.MICROS);
        }
        last = now;
        return now;
    }

    /** Formats an instant as the API does: ISO-8601 in UTC, e.g. {@code 2023-11-07T05:31:56Z}. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
