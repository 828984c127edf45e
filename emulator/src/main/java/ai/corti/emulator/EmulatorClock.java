package ai.corti.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's time: the clock it was built with, plus however far tests moved it on
 * ({@link CortiEmulator#advanceClock(Duration)}). Token expiry, timestamps and the progress of asynchronous
 * transcripts all read it, so a test moves them together without sleeping, also with the default system clock.
 * It never goes back: a reset keeps the offset.
 */
final class EmulatorClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetNanos;

    EmulatorClock(Clock base) {
        this(base, new AtomicLong());
    }

    private EmulatorClock(Clock base, AtomicLong offsetNanos) {
        this.base = base;
        this.offsetNanos = offsetNanos;
    }

    /** Moves the clock forward. */
    void advance(Duration amount) {
        offsetNanos.addAndGet(amount.toNanos());
    }

    @Override
    public Instant instant() {
        return base.instant().plusNanos(offsetNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EmulatorClock(base.withZone(zone), offsetNanos);
    }
}
