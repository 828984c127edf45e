package ai.corti.client.core.internal.auth;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.TokenProvider;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiClientClosedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Caches a token and refreshes it ahead of expiry, single-flight: however many calls need a token at the moment
 * it expires, exactly one fetch runs and all of them get its result (the .NET SDK has no such lock and stampedes
 * the token endpoint).
 *
 * <p>The shared fetch always ends, and always frees its slot: it has its own overall deadline, a fetch that fails
 * (or completes empty, or throws) is not cached and the next caller starts a fresh one, and a slot whose fetch
 * outlived its deadline (lost to a fatal error that bypassed every signal) is taken over by the next caller
 * instead of wedging the client for its whole life. Internal to the SDK.
 */
public final class RefreshingTokenProvider implements TokenProvider, AutoCloseable {

    /** Refresh this long before expiry, like the official SDKs (capped at half the token's lifetime). */
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(2);

    private final Supplier<Mono<AccessToken>> fetcher;
    private final Clock clock;
    private final Duration refreshAhead;
    private final Duration fetchDeadline;
    private final Scheduler timer;
    private final AtomicReference<Cached> current = new AtomicReference<>();
    private final AtomicReference<Flight> inFlight = new AtomicReference<>();
    private volatile boolean closed;

    /**
     * Creates the provider.
     *
     * @param fetcher       fetches a new token when subscribed
     * @param clock         the clock expiry is judged by
     * @param refreshAhead  how long before expiry to refresh
     * @param fetchDeadline the longest one fetch may take, all of it
     * @param timer         runs the deadline
     */
    public RefreshingTokenProvider(Supplier<Mono<AccessToken>> fetcher, Clock clock, Duration refreshAhead,
                                   Duration fetchDeadline, Scheduler timer) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
        this.fetchDeadline = fetchDeadline;
        this.timer = timer;
    }

    @Override
    public Mono<AccessToken> getToken() {
        // A fresh token is handed out as a plain value, which the pipeline uses without awaiting it; only a fetch
        // waits for the subscription to start.
        Cached cached = current.get();
        return isFresh(cached) ? Mono.just(cached.token) : Mono.defer(this::refresh);
    }

    @Override
    public boolean invalidate(AccessToken rejected) {
        current.updateAndGet(cached -> cached != null && cached.token.equals(rejected) ? null : cached);
        return true;
    }

    /** Ends a fetch in flight with an error and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        Flight flight = inFlight.getAndSet(null);
        if (flight != null) {
            flight.end(new CortiClientClosedException("the Corti client was closed while fetching a token"));
        }
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

    /** One shared fetch: its result, when it started, and the detached subscription that runs it. */
    private final class Flight {
        final Sinks.One<AccessToken> result = Sinks.one();
        final long startedNanos = System.nanoTime();
        volatile Disposable running;

        boolean isStale() {
            // Twice the deadline: the deadline itself ends a live fetch; only a lost one gets this old.
            return System.nanoTime() - startedNanos > fetchDeadline.toNanos() * 2;
        }

        void end(Throwable error) {
            result.tryEmitError(error);
            Disposable subscription = running;
            if (subscription != null) {
                subscription.dispose();
            }
        }
    }

    private Mono<AccessToken> refresh() {
        while (true) {
            if (closed) {
                return Mono.error(new CortiClientClosedException("the Corti client was closed"));
            }
            Flight running = inFlight.get();
            if (running != null && !running.isStale()) {
                return running.result.asMono();
            }
            Flight flight = new Flight();
            if (inFlight.compareAndSet(running, flight)) {
                if (running != null) {
                    running.end(new CortiAuthenticationException("the token fetch was lost; starting a new one", 0,
                            null));
                }
                // Double-check: a fetch may have completed between our freshness check and winning the slot.
                Cached cached = current.get();
                if (isFresh(cached)) {
                    inFlight.compareAndSet(flight, null);
                    flight.result.tryEmitValue(cached.token);
                    return Mono.just(cached.token);
                }
                start(flight);
                return flight.result.asMono();
            }
        }
    }

    /**
     * Runs the fetch detached: a caller that cancels must not cancel the fetch others wait on. Every way it can end
     * (value, error, empty, timeout, cancel at close) frees the slot and completes the shared result.
     */
    private void start(Flight flight) {
        Mono<AccessToken> fetch;
        try {
            fetch = Mono.defer(fetcher);
        } catch (RuntimeException e) {
            fetch = Mono.error(e);
        }
        // The slot is freed before the result is handed out: a caller woken by a failed fetch that calls again at
        // once must start a new fetch, not find the finished one still in the slot.
        try {
            subscribe(fetch, flight);
        } catch (Throwable fatal) { // an Error Reactor rethrew instead of signalling: the slot must still be freed
            inFlight.compareAndSet(flight, null);
            flight.result.tryEmitError(new CortiAuthenticationException("the token fetch failed: "
                    + fatal.getClass().getSimpleName(), 0, null));
            throw fatal;
        }
    }

    private void subscribe(Mono<AccessToken> fetch, Flight flight) {
        flight.running = fetch
                .timeout(fetchDeadline, timer)
                .onErrorMap(TimeoutException.class, e -> new CortiAuthenticationException(
                        "no token within " + fetchDeadline, 0, null))
                .doFinally(signal -> inFlight.compareAndSet(flight, null))
                .subscribe(
                        fetched -> {
                            current.set(cache(fetched));
                            inFlight.compareAndSet(flight, null);
                            flight.result.tryEmitValue(fetched);
                        },
                        error -> {
                            inFlight.compareAndSet(flight, null);
                            flight.result.tryEmitError(error);
                        },
                        () -> {
                            inFlight.compareAndSet(flight, null);
                            flight.result.tryEmitError(new CortiAuthenticationException(
                                    "the token fetch completed without a token", 0, null));
                        });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "RefreshingTokenProvider[refreshAhead=" + refreshAhead + "]";
    }
}
