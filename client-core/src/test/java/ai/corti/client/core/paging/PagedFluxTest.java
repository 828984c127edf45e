package ai.corti.client.core.paging;

import static ai.corti.client.core.paging.CountingFetcher.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.error.CortiPaginationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** {@link PagedFlux}: pages are fetched lazily, in order, once per pass, and the listing ends at an empty page. */
class PagedFluxTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static List<Integer> itemsOf(long index, int count) {
        return IntStream.range(0, count).mapToObj(i -> item(index, i)).toList();
    }

    @Test
    void takeThreeFetchesOnlyTheFirstPage() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 10, 10);

        StepVerifier.create(new PagedFlux<>(fetcher, 1).take(3))
                .expectNext(1000, 1001, 1002)
                .expectComplete()
                .verify(WAIT);

        assertThat(fetcher.fetched()).containsExactly(1L);
    }

    @Test
    void nothingIsFetchedBeforeDemand() {
        CountingFetcher fetcher = CountingFetcher.pages(10);
        PagedFlux<Integer> listing = new PagedFlux<>(fetcher, 1);
        assertThat(fetcher.fetched()).isEmpty();

        StepVerifier.create(listing, 0)
                .expectSubscription()
                .then(() -> assertThat(fetcher.fetched()).isEmpty())
                .thenCancel()
                .verify(WAIT);
        assertThat(fetcher.fetched()).isEmpty();
    }

    @Test
    void itemsRequestedOneByOneFetchTheNextPageOnlyWhenDemandReachesIt() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 10, 5);

        StepVerifier.Step<Integer> steps = StepVerifier.create(new PagedFlux<>(fetcher, 1), 0).expectSubscription();
        for (int n = 1; n <= 25; n++) {
            long page = (n - 1) / 10 + 1;
            int expectedItem = item(page, (n - 1) % 10);
            int itemsSoFar = n;
            steps = steps.thenRequest(1)
                    .expectNext(expectedItem)
                    .then(() -> assertThat(fetcher.fetched()).as("pages fetched after %d items", itemsSoFar)
                            .hasSize((int) page));
        }
        steps.thenRequest(1)
                .expectComplete()
                .verify(WAIT);

        assertThat(fetcher.fetched()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aWholePageOfDemandDoesNotFetchTheNextPage() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 10);

        StepVerifier.create(new PagedFlux<>(fetcher, 1), 0)
                .thenRequest(10)
                .expectNextSequence(itemsOf(1, 10))
                .then(() -> assertThat(fetcher.fetched()).containsExactly(1L))
                .thenRequest(10)
                .expectNextSequence(itemsOf(2, 10))
                .then(() -> assertThat(fetcher.fetched()).containsExactly(1L, 2L))
                .thenRequest(1)
                .expectComplete()
                .verify(WAIT);

        assertThat(fetcher.fetched()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aShortPageDoesNotEndTheListingTheFirstEmptyPageDoes() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 3, 10);

        StepVerifier.create(new PagedFlux<>(fetcher, 1))
                .expectNextSequence(itemsOf(1, 10))
                .expectNextSequence(itemsOf(2, 3))
                .expectNextSequence(itemsOf(3, 10))
                .expectComplete()
                .verify(WAIT);

        assertThat(fetcher.fetched()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void anEmptyFirstPageIsAnEmptyListing() {
        CountingFetcher fetcher = CountingFetcher.pages();

        StepVerifier.create(new PagedFlux<>(fetcher, 1)).expectComplete().verify(WAIT);

        assertThat(fetcher.fetched()).containsExactly(1L);
    }

    @Test
    void indicesStartAtTheGivenFirstIndexAndIncrement() {
        CountingFetcher fetcher = CountingFetcher.pagesFrom(5, 2, 2);

        StepVerifier.create(new PagedFlux<>(fetcher, 5))
                .expectNext(5000, 5001, 6000, 6001)
                .expectComplete()
                .verify(WAIT);

        assertThat(fetcher.fetched()).containsExactly(5L, 6L, 7L);
    }

    @Test
    void eachSubscriptionStartsAFreshPassFromTheFirstIndex() {
        CountingFetcher fetcher = CountingFetcher.pages(2, 1);
        PagedFlux<Integer> listing = new PagedFlux<>(fetcher, 1);

        assertThat(listing.collectList().block(WAIT)).containsExactly(1000, 1001, 2000);
        assertThat(listing.collectList().block(WAIT)).containsExactly(1000, 1001, 2000);

        assertThat(fetcher.fetched()).containsExactly(1L, 2L, 3L, 1L, 2L, 3L);
    }

    @Test
    void byPageEmitsNonEmptyPagesWithTheirIndexAndPageSize() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 10, 3);

        StepVerifier.create(new PagedFlux<>(fetcher, 1).byPage())
                .assertNext(page -> assertThat(page).extracting(Page::index, Page::pageSize, p -> p.items().size())
                        .containsExactly(1L, 10L, 10))
                .assertNext(page -> assertThat(page).extracting(Page::index, Page::pageSize, p -> p.items().size())
                        .containsExactly(2L, 10L, 10))
                .assertNext(page -> {
                    assertThat(page).extracting(Page::index, Page::pageSize).containsExactly(3L, 10L);
                    assertThat(page.items()).containsExactlyElementsOf(itemsOf(3, 3));
                })
                .expectComplete()
                .verify(WAIT);

        assertThat(fetcher.fetched()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void byPageFetchesOnePagePerRequest() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 10, 10);

        StepVerifier.create(new PagedFlux<>(fetcher, 1).byPage(), 0)
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(fetcher.fetched()).containsExactly(1L))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(fetcher.fetched()).containsExactly(1L, 2L))
                .thenCancel()
                .verify(WAIT);

        assertThat(fetcher.fetched()).containsExactly(1L, 2L);
    }

    @Test
    void aServerRepeatingThePreviousPageStopsTheListingNamingTheIndex() {
        PageFetcher<String> ignoresIndex = index -> Mono.just(new Page<>(List.of("a", "b"), index, 2));

        StepVerifier.create(new PagedFlux<>(ignoresIndex, 1))
                .expectNext("a", "b")
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CortiPaginationException.class)
                        .hasMessageContaining("Page 2").hasMessageContaining("index"))
                .verify(WAIT);
    }

    @Test
    void aFailingPageEndsTheListingWithItsErrorAfterTheEarlierItems() {
        IllegalStateException boom = new IllegalStateException("page 2 failed");
        List<Long> asked = new CopyOnWriteArrayList<>();
        PageFetcher<Integer> fetcher = index -> {
            asked.add(index);
            return index == 2 ? Mono.error(boom) : Mono.just(new Page<>(itemsOf(index, 2), index, 2));
        };

        StepVerifier.create(new PagedFlux<>(fetcher, 1))
                .expectNext(1000, 1001)
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(boom))
                .verify(WAIT);
        assertThat(asked).containsExactly(1L, 2L);
    }

    @Test
    void aFetcherCompletingWithoutAPageEndsTheListingInsteadOfAskingAgain() {
        List<Long> asked = new CopyOnWriteArrayList<>();
        PageFetcher<Integer> fetcher = index -> Mono.defer(() -> {
            asked.add(index);
            if (asked.size() > 5) {
                return Mono.error(new AssertionError("pages asked for: " + asked));
            }
            return index == 1 ? Mono.just(new Page<>(itemsOf(1, 2), 1, 2)) : Mono.empty();
        });

        StepVerifier.create(new PagedFlux<>(fetcher, 1))
                .expectNext(1000, 1001)
                .expectComplete()
                .verify(WAIT);

        assertThat(asked).containsExactly(1L, 2L);
    }

    @Test
    void aHundredThousandItemsFromSynchronousPagesDoNotOverflowTheStack() throws Throwable {
        CountingFetcher.Synchronous fetcher = new CountingFetcher.Synchronous(10_000);

        SmallStack.run(() -> StepVerifier.create(new PagedFlux<>(fetcher, 1))
                .expectNextCount(100_000)
                .expectComplete()
                .verify(Duration.ofSeconds(10)));

        assertThat(fetcher.itemsHandedOut).hasValue(100_000);
    }

    @Test
    void cancellingWhileAPageIsInFlightCancelsItsFetch() {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<Long> asked = new CopyOnWriteArrayList<>();
        PageFetcher<Integer> fetcher = index -> Mono.defer(() -> {
            asked.add(index);
            return index == 1 ? Mono.just(new Page<>(itemsOf(1, 2), 1, 2))
                    : Mono.<Page<Integer>>never().doOnCancel(() -> cancelled.set(true));
        });

        StepVerifier.create(new PagedFlux<>(fetcher, 1))
                .expectNext(1000, 1001)
                .expectNoEvent(Duration.ofMillis(20))
                .thenCancel()
                .verify(WAIT);

        assertThat(asked).containsExactly(1L, 2L);
        assertThat(cancelled).isTrue();
    }

    @Test
    void firstIndexMustBePositive() {
        assertThatThrownBy(() -> new PagedFlux<>(CountingFetcher.pages(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstIndex");
        assertThatThrownBy(() -> new PagedFlux<Integer>(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("fetcher");
    }
}
