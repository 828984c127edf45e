package ai.corti.client.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Caches a token and refreshes it ahead of expiry, single-flight: however many calls need a token at
 * the moment it expires, exactly one fetch runs and all of them get its result (the .NET SDK has no
 * such lock and stampedes the token endpoint).
 *
 * <p>A fetch that fails is not cached: the next caller tries again.
 */
public final class RefreshingTokenProvider implements TokenProvider {

    /** Refresh this long before expiry, like the official SDKs (capped at half the token's lifetime). */
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(2);

    private final Supplier<Mono<AccessToken>> fetcher;
    private final Clock clock;
    private final Duration refreshAhead;
    private final AtomicReference<Cached> current = new AtomicReference<>();
    private final AtomicReference<Mono<AccessToken>> inFlight = new AtomicReference<>();

    /**
     * Creates the provider.
     *
     * @param fetcher      fetches a new token when subscribed
     * @param clock        the clock expiry is judged by
     * @param refreshAhead how long before expiry to refresh
     */
    public RefreshingTokenProvider(Supplier<Mono<AccessToken>> fetcher, Clock clock, Duration refreshAhead) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
    }

    @Override
    public Mono<AccessToken> getToken() {
        return Mono.defer(() -> {
            Cached cached = current.get();
            return isFresh(cached) ? Mono.just(cached.token) : refresh();
        });
    }

    @Override
    public boolean invalidate(AccessToken rejected) {
        current.updateAndGet(cached -> cached != null && cached.token.equals(rejected) ? null : cached);
        return true;
    }

    private boolean isFresh(Cached cached) {
        return cached != null && clock.instant().isBefore(cached.refreshAt);
    }

    /** Refresh {@code refreshAhead} before expiry, but never in the first half of a short-lived token's life. */
    private Cached cache(AccessToken token) {
        Instant now = clock.instant();
        if (token.expiresAt().equals(Instant.MAX)) {
            return new Cached(token, Instant.MAX);
        }
        Duration lifetime = Duration.between(now, token.expiresAt());
        Duration untilRefresh = max(lifetime.minus(refreshAhead), lifetime.dividedBy(2));
        return new Cached(token, now.plus(untilRefresh));
    }

    private record Cached(AccessToken token, Instant refreshAt) {
    }

    private Mono<AccessToken> refresh() {
        while (true) {
            Mono<AccessToken> running = inFlight.get();
            if (running != null) {
                return running;
            }
            Sinks.One<AccessToken> result = Sinks.one();
            Mono<AccessToken> shared = result.asMono();
            if (inFlight.compareAndSet(null, shared)) {
                // Double-check: a fetch may have completed between our freshness check and winning the slot.
                Cached cached = current.get();
                if (isFresh(cached)) {
                    inFlight.set(null);
                    return Mono.just(cached.token);
                }
                // Detached on purpose: a caller that cancels must not cancel the fetch others wait on.
                // Deferred so a fetcher that throws (or returns null) fails this fetch instead of leaving
                // the slot taken forever.
                Mono.defer(fetcher).subscribe(
                        fetched -> {
                            current.set(cache(fetched));
                            inFlight.set(null);
                            result.tryEmitValue(fetched);
                        },
                        error -> {
                            inFlight.set(null);
                            result.tryEmitError(error);
                        },
                        () -> {
                            if (inFlight.compareAndSet(shared, null)) {
                                result.tryEmitError(new IllegalStateException("token fetch completed without a token"));
                            }
                        });
                return shared;
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "RefreshingTokenProvider[refreshAhead=" + refreshAhead + "]";
    }
}
