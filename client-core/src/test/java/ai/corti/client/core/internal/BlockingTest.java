package ai.corti.client.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.paging.Page;
import ai.corti.client.core.paging.PagedIterable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The blocking facade waits for the engine, but refuses to do so on a Reactor non-blocking thread. */
class BlockingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void awaitReturnsTheValueOnAnOrdinaryThread() {
        assertThat(Blocking.await(Mono.just("value"))).isEqualTo("value");
        assertThat(Blocking.await(Mono.delay(Duration.ofMillis(5)).thenReturn(42))).isEqualTo(42);
        assertThat(Blocking.await(Mono.<String>empty())).isNull();
        assertThatCode(Blocking::requireBlockingAllowed).doesNotThrowAnyException();
    }

    @Test
    void awaitRethrowsTheCallsException() {
        IllegalStateException failure = new IllegalStateException("the call failed");
        assertThatThrownBy(() -> Blocking.await(Mono.error(failure))).isSameAs(failure);
    }

    @Test
    void awaitOnAReactorNonBlockingThreadFailsFastWithoutSubscribing() {
        AtomicBoolean subscribed = new AtomicBoolean();
        Mono<String> call = Mono.fromSupplier(() -> {
            subscribed.set(true);
            return "never asked for";
        });

        StepVerifier.create(Mono.delay(Duration.ZERO, Schedulers.parallel()).map(tick -> Blocking.await(call)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith(Blocking.ON_REACTOR_THREAD)
                        .hasMessageContaining("parallel-")
                        .hasMessageContaining("CortiReactiveClient"))
                .verify(WAIT);

        assertThat(subscribed).as("the call was not started").isFalse();
    }

    @Test
    void awaitIsAllowedOnBoundedElasticThreads() {
        StepVerifier.create(Mono.fromCallable(() -> Blocking.await(Mono.just("ok")))
                        .subscribeOn(Schedulers.boundedElastic()))
                .expectNext("ok")
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void iteratingAPagedIterableOnAReactorThreadFailsFastToo() {
        PagedIterable<String> listing = new PagedIterable<>(index -> Mono.just(new Page<>(List.of("a"), index, 1)), 1);

        StepVerifier.create(Mono.delay(Duration.ZERO, Schedulers.parallel()).map(tick -> listing.iterator().hasNext()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("CortiReactiveClient"))
                .verify(WAIT);
    }
}
