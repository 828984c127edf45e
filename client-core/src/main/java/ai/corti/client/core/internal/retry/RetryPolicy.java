package ai.corti.client.core.internal.retry;

import ai.corti.client.core.retry.RetryOptions;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.error.RateLimitException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a failed attempt is retried, and how long to wait first.
 *
 * <p>Safe by default. Corti's official SDKs retry POST and PATCH on 5xx, which can create duplicate
 * interactions; this SDK does not:
 * <ul>
 *   <li>idempotent methods (GET, DELETE) are retried on 408, 429, 502, 503, 504, on transport errors and on a
 *       per-attempt timeout;</li>
 *   <li>POST and PATCH are retried only when the request provably never reached the server
 *       (connection refused, connect timeout, no pooled connection in time).</li>
 * </ul>
 * The wait doubles from {@link RetryOptions#initialBackoff()} with jitter, capped by
 * {@link RetryOptions#maxBackoff()}; a server's {@code Retry-After} replaces it when present.
 */
public final class RetryPolicy {

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 502, 503, 504);

    private final DoubleSupplier random;
    private final Clock clock;

    /**
     * Creates the policy.
     *
     * @param random a source of numbers in [0, 1) for jitter; tests pass a fixed one
     * @param clock  the wall clock, to turn a {@code Retry-After} date into a wait
     */
    public RetryPolicy(DoubleSupplier random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /**
     * Tells whether a failure may be retried, regardless of how many retries are left.
     *
     * @param idempotent whether the method is idempotent (GET, DELETE, ...): sending it twice does no harm
     * @param failure    what the attempt ended with
     * @return {@code true} when another attempt is safe and may succeed
     */
    public boolean isRetryable(boolean idempotent, Throwable failure) {
        if (failure instanceof CortiTransportException transport && transport.requestNeverSent()) {
            return true;
        }
        if (!idempotent) {
            return false;
        }
        if (failure instanceof CortiApiException api) {
            return RETRYABLE_STATUSES.contains(api.statusCode());
        }
        return failure instanceof CortiTransportException
                || (failure instanceof CortiTimeoutException timeout && !timeout.wholeCall());
    }

    /**
     * Computes the wait before a retry.
     *
     * @param options   the retry settings
     * @param retry     which retry this is: 1 for the first
     * @param failure   the failure being retried
     * @return the wait, or empty when the server asked for more than {@link RetryOptions#maxRetryAfter()}
     */
    public Optional<Duration> delay(RetryOptions options, long retry, Throwable failure) {
        Optional<Duration> serverSays = retryAfter(failure);
        if (serverSays.isPresent()) {
            Duration wait = serverSays.get();
            return wait.compareTo(options.maxRetryAfter()) > 0 ? Optional.empty() : Optional.of(wait);
        }
        long base = options.initialBackoff().toMillis() << Math.min(retry - 1, 30);
        long capped = Math.min(base, options.maxBackoff().toMillis());
        double spread = 1 + options.jitter() * (2 * random.getAsDouble() - 1);
        // Jitter spreads below the cap, never above it: maxBackoff is the longest wait.
        return Optional.of(Duration.ofMillis(Math.min(Math.round(capped * spread), options.maxBackoff().toMillis())));
    }

    private Optional<Duration> retryAfter(Throwable failure) {
        if (failure instanceof RateLimitException rateLimit) {
            return rateLimit.retryAfter();
        }
        if (failure instanceof CortiApiException api) { // a 503 may say when to come back, too
            return api.responseHeaders().first("Retry-After").flatMap(v -> RetryAfter.parse(v, clock));
        }
        return Optional.empty();
    }
}
