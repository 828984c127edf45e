package ai.corti.client.core.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.internal.auth.RefreshingTokenProvider;
import ai.corti.client.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One bad token fetch never wedges the client: whatever it ends with (an error, a JVM {@code Error}, completing
 * empty, never answering), the waiting calls get an error and the next call starts a fresh fetch.
 */
@Timeout(10)
class TokenFetchTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AccessToken GOOD = new AccessToken("good", Instant.parse("2030-01-01T00:00:00Z"));

    private final AtomicInteger fetches = new AtomicInteger();
    private final Deque<Supplier<Mono<AccessToken>>> next = new ArrayDeque<>();
    private final RefreshingTokenProvider provider = new RefreshingTokenProvider(() -> {
        fetches.incrementAndGet();
        return next.poll().get();
    }, new MutableClock(Instant.parse("2025-01-01T00:00:00Z")), Duration.ofMinutes(2), Duration.ofMillis(300),
            Schedulers.parallel());

    private void thenGood() {
        next.add(() -> Mono.just(GOOD));
    }

    private void assertRecovers() {
        assertThat(provider.getToken().block(WAIT)).isEqualTo(GOOD);
        assertThat(fetches).as("a fresh fetch after the failed one").hasValue(2);
    }

    @Test
    void anErrorThrownWhileStartingTheFetchFreesTheSlot() {
        next.add(() -> {
            throw new OutOfMemoryError("simulated: a 200 MiB token answer");
        });
        thenGood();

        assertThatThrownBy(() -> provider.getToken().block(WAIT)).isInstanceOfAny(OutOfMemoryError.class,
                CortiAuthenticationException.class);
        assertRecovers();
    }

    @Test
    void anErrorSignalledByTheFetchFreesTheSlot() {
        next.add(() -> Mono.error(new OutOfMemoryError("simulated")));
        thenGood();

        assertThatThrownBy(() -> provider.getToken().block(WAIT)).isInstanceOf(Throwable.class);
        assertRecovers();
    }

    @Test
    void aFetchThatNeverAnswersEndsAtItsDeadline() {
        next.add(Mono::never);
        thenGood();

        assertThatThrownBy(() -> provider.getToken().block(WAIT)).isInstanceOf(CortiAuthenticationException.class)
                .hasMessageContaining("no token within PT0.3S");
        assertRecovers();
    }

    @Test
    void aFetchThatCompletesEmptyFreesTheSlot() {
        next.add(Mono::empty);
        thenGood();

        assertThatThrownBy(() -> provider.getToken().block(WAIT)).isInstanceOf(CortiAuthenticationException.class)
                .hasMessageContaining("without a token");
        assertRecovers();
    }

    @Test
    void aCallerThatCancelsDoesNotCancelTheSharedFetch() {
        reactor.core.publisher.Sinks.One<AccessToken> slow = reactor.core.publisher.Sinks.one();
        next.add(slow::asMono);

        provider.getToken().subscribe().dispose();
        Mono<AccessToken> other = provider.getToken();
        slow.tryEmitValue(GOOD);

        assertThat(other.block(WAIT)).isEqualTo(GOOD);
        assertThat(fetches).hasValue(1);
    }
}
