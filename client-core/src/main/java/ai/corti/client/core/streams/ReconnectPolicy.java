package ai.corti.client.core.streams;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how a session reconnects when its socket is lost. Off by default ({@link #none()}).
 *
 * <p>A reconnection fetches a fresh token, opens a new socket, sends the same configuration again and waits
 * for {@code CONFIG_ACCEPTED} before sending audio again: audio you handed to the session that had not left
 * it yet is sent on the new socket; audio the lost socket had already written may be lost. It never
 * reconnects after {@code ENDED}/{@code ended}, after {@code end()} was sent, after a {@code CONFIG_*}
 * refusal, or after {@code close()}.
 */
public final class ReconnectPolicy {

    private static final ReconnectPolicy NONE = new ReconnectPolicy(0, Duration.ZERO, Duration.ZERO);

    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;

    private ReconnectPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Never reconnects: a lost socket fails the session. The default.
     *
     * @return the policy
     */
    public static ReconnectPolicy none() {
        return NONE;
    }

    /**
     * Reconnects up to {@code maxAttempts} times in a row, waiting {@code firstDelay} before the first attempt
     * and doubling the wait each time up to {@code maxDelay}. A successful reconnection starts the count again.
     *
     * @param maxAttempts attempts after each loss, 1 to 100
     * @param firstDelay  the wait before the first attempt, zero or more
     * @param maxDelay    the longest wait, at least {@code firstDelay}
     * @return the policy
     */
    public static ReconnectPolicy exponentialBackoff(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 100, was " + maxAttempts);
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("firstDelay must not be negative, was " + firstDelay);
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least firstDelay, was " + maxDelay);
        }
        return new ReconnectPolicy(maxAttempts, firstDelay, maxDelay);
    }

    /**
     * Returns how many attempts follow a loss.
     *
     * @return 0 for {@link #none()}
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Returns the wait before an attempt.
     *
     * @param attempt the attempt, from 1
     * @return the wait: {@code firstDelay} doubled {@code attempt - 1} times, at most {@code maxDelay}
     */
    public Duration delayBefore(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
        }
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    @Override
    public String toString() {
        return maxAttempts == 0 ? "ReconnectPolicy[none]"
                : "ReconnectPolicy[maxAttempts=" + maxAttempts + ", firstDelay=" + firstDelay + ", maxDelay=" + maxDelay
                        + "]";
    }
}
