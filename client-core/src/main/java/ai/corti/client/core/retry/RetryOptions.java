package ai.corti.client.core.retry;

import ai.corti.client.core.internal.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a failed call is retried. The defaults match Corti's official SDKs (2 retries, 1 s doubling,
 * +-10 % jitter) with two additions: a cap on any single wait, and a cap on a server's {@code Retry-After}.
 *
 * <p>Which failures are retried is not configurable here, because it is about safety, not tuning: see
 * {@link RetryPolicy}.
 *
 * @param maxRetries     retries after the first attempt (0 disables retries)
 * @param initialBackoff the wait before the first retry; doubles on each retry
 * @param maxBackoff     the longest computed wait
 * @param jitter         the random spread applied to each wait, from 0 (none) to 1
 * @param maxRetryAfter  the longest {@code Retry-After} honoured; a longer one ends the call instead
 */
public record RetryOptions(int maxRetries, Duration initialBackoff, Duration maxBackoff, double jitter,
                           Duration maxRetryAfter) {

    /** 2 retries, 1 s doubling up to 30 s, 10 % jitter, {@code Retry-After} honoured up to 60 s. */
    public static final RetryOptions DEFAULT = new RetryOptions(2, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.1,
            Duration.ofSeconds(60));

    /** No retries at all. */
    public static final RetryOptions NONE = DEFAULT.withMaxRetries(0);

    /**
     * Validates the values.
     *
     * @param maxRetries retries after the first attempt (0 disables retries)
     * @param initialBackoff the wait before the first retry; doubles on each retry
     * @param maxBackoff the longest computed wait
     * @param jitter the random spread applied to each wait, from 0 (none) to 1
     * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends the call instead
     */
    public RetryOptions {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /**
     * Returns a copy with another retry count.
     *
     * @param retries retries after the first attempt
     * @return the new options
     */
    public RetryOptions withMaxRetries(int retries) {
        return new RetryOptions(retries, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
