package ai.corti.emulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator-wide budget for recording bytes, shared by every tenant: uploads reserve bytes as they arrive and are
 * refused once the budget is spent; deleting a recording (or its interaction, or resetting the emulator) gives its
 * bytes back. So a test suite that never cleans up meets a clear 413, not an {@link OutOfMemoryError}.
 */
final class RecordingMemory {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    /**
     * Creates the budget.
     *
     * @param limit the most recording bytes the emulator holds at once
     */
    RecordingMemory(long limit) {
        this.limit = limit;
    }

    /**
     * Reserves bytes, all or none.
     *
     * @param bytes how many
     * @return whether they fit
     */
    boolean reserve(long bytes) {
        while (true) {
            long current = used.get();
            if (current + bytes > limit) {
                return false;
            }
            if (used.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    /** Gives bytes back. */
    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** The bytes reserved now. */
    long used() {
        return used.get();
    }

    /** The budget. */
    long limit() {
        return limit;
    }
}
