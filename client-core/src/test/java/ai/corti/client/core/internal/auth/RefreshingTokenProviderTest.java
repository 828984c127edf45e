package ai.corti.client.core.internal.auth;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * The token cache on its own: no network, a hand-moved clock and fetches the test completes itself,
 * so "how many fetches ran" and "when" are exact.
 */
@Timeout(10)
class RefreshingTokenProviderTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger fetches = new AtomicInteger();
    /** What the next fetch returns; the test swaps it. */
    private final AtomicReference<Supplier<Mono<AccessToken>>> nextFetch = new AtomicReference<>();
    private final RefreshingTokenProvider provider = new RefreshingTokenProvider(() -> {
        fetches.incrementAndGet();
        return nextFetch.get().get();
    }, clock, RefreshingTokenProvider.DEFAULT_REFRESH_AHEAD, Duration.ofSeconds(5), Schedulers.parallel());

    private ExecutorService threads;

    @AfterEach
    void stopThreads() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    private AccessToken token(String value, Duration lifetime) {
        return new AccessToken(value, clock.instant().plus(lifetime));
    }

    private void fetchReturns(AccessToken token) {
        nextFetch.set(() -> Mono.just(token));
    }

    /**
     * Calls getToken() from {@code callers} threads released at the same instant and returns their
     * (still pending) results once every one of them has subscribed.
     */
    private List<CompletableFuture<AccessToken>> concurrentCallers(int callers) throws Exception {
        threads = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CompletableFuture<AccessToken>>> submitted = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            submitted.add(threads.submit(() -> {
                start.await();
                return provider.getToken().toFuture(); // subscribes on this thread
            }));
        }
        start.countDown();
        List<CompletableFuture<AccessToken>> results = new ArrayList<>();
        for (Future<CompletableFuture<AccessToken>> f : submitted) {
            results.add(f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
        return results;
    }

    @Test
    void fiftyConcurrentCallersOnAnEmptyCacheShareExactlyOneFetch() throws Exception {
        Sinks.One<AccessToken> pending = Sinks.one();
        nextFetch.set(pending::asMono);

        List<CompletableFuture<AccessToken>> results = concurrentCallers(50);

        // Every caller has subscribed and is waiting on the one fetch, which has not answered yet.
        assertThat(fetches).hasValue(1);
        assertThat(results).noneMatch(CompletableFuture::isDone);

        AccessToken fetched = token("t1", Duration.ofMinutes(5));
        assertThat(pending.tryEmitValue(fetched).isSuccess()).isTrue();

        for (CompletableFuture<AccessToken> result : results) {
            assertThat(result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isSameAs(fetched);
        }
        assertThat(fetches).hasValue(1);
        // And it is cached afterwards.
        assertThat(provider.getToken().block(TIMEOUT)).isSameAs(fetched);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void fiftyConcurrentCallersOnAnExpiredTokenShareExactlyOneRefresh() throws Exception {
        fetchReturns(token("old", Duration.ofMinutes(5)));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("old");
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMinutes(6)); // past expiry
        Sinks.One<AccessToken> pending = Sinks.one();
        nextFetch.set(pending::asMono);

        List<CompletableFuture<AccessToken>> results = concurrentCallers(50);
        assertThat(fetches).hasValue(2);
        assertThat(results).noneMatch(CompletableFuture::isDone);

        AccessToken fresh = token("new", Duration.ofMinutes(5));
        pending.tryEmitValue(fresh);
        for (CompletableFuture<AccessToken> result : results) {
            assertThat(result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isSameAs(fresh);
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void refreshesTwoMinutesBeforeExpiryAndNotEarlier() {
        // 300 s lifetime: refreshAt = max(300 - 120, 300 / 2) = 180 s.
        fetchReturns(token("first", Duration.ofSeconds(300)));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("first");
        fetchReturns(token("second", Duration.ofSeconds(300)));

        clock.advance(Duration.ofSeconds(179));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("first");
        clock.advance(Duration.ofMillis(999));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("first");
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMillis(1)); // exactly 180 s: still valid for 2 min, but due for refresh
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("second");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void shortLivedTokenIsKeptForHalfItsLifetime() {
        // 60 s lifetime: lifetime - 2 min is negative, so refreshAt = 60 / 2 = 30 s (not every call).
        fetchReturns(token("short", Duration.ofSeconds(60)));
        provider.getToken().block(TIMEOUT);
        fetchReturns(token("next", Duration.ofSeconds(60)));

        clock.advance(Duration.ofSeconds(29));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("short");
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("next");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void nonExpiringTokenIsFetchedOnce() {
        fetchReturns(AccessToken.nonExpiring("forever"));
        provider.getToken().block(TIMEOUT);
        clock.advance(Duration.ofDays(365 * 100));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("forever");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void failedFetchIsNotCachedAndTheNextCallFetchesAgain() {
        nextFetch.set(() -> Mono.error(new IllegalStateException("token endpoint said no")));
        StepVerifier.create(provider.getToken())
                .expectErrorMessage("token endpoint said no")
                .verify(TIMEOUT);
        assertThat(fetches).hasValue(1);

        fetchReturns(token("recovered", Duration.ofMinutes(5)));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("recovered");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void failedFetchReachesEveryWaitingCallerThenTheNextCallRetries() throws Exception {
        Sinks.One<AccessToken> pending = Sinks.one();
        nextFetch.set(pending::asMono);
        List<CompletableFuture<AccessToken>> results = concurrentCallers(10);
        assertThat(fetches).hasValue(1);

        pending.tryEmitError(new IllegalStateException("refused"));
        for (CompletableFuture<AccessToken> result : results) {
            assertThatThrownBy(() -> result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("refused");
        }

        fetchReturns(token("ok", Duration.ofMinutes(5)));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("ok");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void fetchThatCompletesEmptyFailsAndIsNotCached() {
        nextFetch.set(Mono::empty);
        StepVerifier.create(provider.getToken())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CortiAuthenticationException.class)
                        .hasMessageContaining("without a token"))
                .verify(TIMEOUT);

        fetchReturns(token("ok", Duration.ofMinutes(5)));
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("ok");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void fetcherThatThrowsFailsTheCallAndDoesNotWedgeTheProvider() {
        nextFetch.set(() -> {
            throw new IllegalStateException("fetcher blew up");
        });
        StepVerifier.create(provider.getToken())
                .expectErrorMessage("fetcher blew up")
                .verify(TIMEOUT);

        fetchReturns(token("ok", Duration.ofMinutes(5)));
        StepVerifier.create(provider.getToken())
                .assertNext(t -> assertThat(t.value()).isEqualTo("ok"))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aCallerThatCancelsDoesNotCancelTheFetchOthersWaitOn() {
        Sinks.One<AccessToken> pending = Sinks.one();
        AtomicBoolean fetchCancelled = new AtomicBoolean();
        nextFetch.set(() -> pending.asMono().doOnCancel(() -> fetchCancelled.set(true)));

        Disposable impatient = provider.getToken().subscribe();
        CompletableFuture<AccessToken> patient = provider.getToken().toFuture();
        impatient.dispose();

        assertThat(fetchCancelled).isFalse();
        AccessToken fetched = token("t", Duration.ofMinutes(5));
        pending.tryEmitValue(fetched);
        assertThat(patient).succeedsWithin(TIMEOUT).isSameAs(fetched);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void invalidatingTheCachedTokenForcesAFetch() {
        AccessToken first = token("first", Duration.ofMinutes(5));
        fetchReturns(first);
        provider.getToken().block(TIMEOUT);
        fetchReturns(token("second", Duration.ofMinutes(5)));

        assertThat(provider.invalidate(first)).isTrue();
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("second");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void invalidatingAnOlderTokenKeepsTheCurrentOne() {
        AccessToken first = token("first", Duration.ofMinutes(5));
        fetchReturns(first);
        provider.getToken().block(TIMEOUT);
        provider.invalidate(first);
        fetchReturns(token("second", Duration.ofMinutes(5)));
        provider.getToken().block(TIMEOUT);

        // A late 401 for a call that still used "first" must not throw away "second".
        provider.invalidate(first);
        assertThat(provider.getToken().block(TIMEOUT).value()).isEqualTo("second");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void getTokenIsLazy() {
        fetchReturns(token("t", Duration.ofMinutes(5)));
        Mono<AccessToken> notSubscribed = provider.getToken();
        assertThat(notSubscribed).isNotNull();
        assertThat(fetches).hasValue(0);
    }
}
