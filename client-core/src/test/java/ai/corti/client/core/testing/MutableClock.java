package ai.corti.client.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, so expiry is tested without waiting. Shared through the core test-jar. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** Creates the clock at 2026-01-01T00:00:00Z. */
    public MutableClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * Creates the clock at a time given as ISO-8601 text.
     *
     * @param start e.g. {@code 2026-01-01T00:00:00Z}
     * @return the clock
     */
    public static MutableClock at(String start) {
        return new MutableClock(Instant.parse(start));
    }

    /**
     * Creates the clock.
     *
     * @param start the initial time
     */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock forward.
     *
     * @param amount how far
     */
    public void advance(Duration amount) {
        now = now.plus(amount);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
