package ai.corti.client.core.paging;

import static ai.corti.client.core.paging.CountingFetcher.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.error.CortiPaginationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** {@link PagedIterable}: the iterator pulls one page at a time, only when iteration reaches it. */
class PagedIterableTest {

    private static List<Integer> itemsOf(long index, int count) {
        return IntStream.range(0, count).mapToObj(i -> item(index, i)).toList();
    }

    @Test
    void aForLoopVisitsEveryItemOfEveryPageAndStopsAtTheEmptyPage() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 10, 10);

        List<Integer> seen = new ArrayList<>();
        for (Integer item : new PagedIterable<>(fetcher, 1)) {
            seen.add(item);
        }

        List<Integer> expected = new ArrayList<>(itemsOf(1, 10));
        expected.addAll(itemsOf(2, 10));
        expected.addAll(itemsOf(3, 10));
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(fetcher.fetched()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void nothingIsFetchedUntilTheIteratorIsAsked() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 10);
        PagedIterable<Integer> listing = new PagedIterable<>(fetcher, 1);
        Iterator<Integer> iterator = listing.iterator();
        assertThat(fetcher.fetched()).isEmpty();

        assertThat(iterator.hasNext()).isTrue();
        assertThat(iterator.hasNext()).isTrue();
        assertThat(fetcher.fetched()).as("hasNext twice fetches once").containsExactly(1L);

        for (int i = 0; i < 10; i++) {
            iterator.next();
        }
        assertThat(fetcher.fetched()).as("the last item of page 1 does not fetch page 2").containsExactly(1L);
        assertThat(iterator.next()).isEqualTo(2000);
        assertThat(fetcher.fetched()).containsExactly(1L, 2L);
    }

    @Test
    void streamLimitFetchesOnlyThePagesItNeeds() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 10, 10, 10);
        PagedIterable<Integer> listing = new PagedIterable<>(fetcher, 1);

        assertThat(listing.stream().limit(3).toList()).containsExactly(1000, 1001, 1002);
        assertThat(fetcher.fetched()).containsExactly(1L);

        assertThat(listing.stream().limit(10).toList()).containsExactlyElementsOf(itemsOf(1, 10));
        assertThat(fetcher.fetched()).containsExactly(1L, 1L);

        assertThat(listing.stream().limit(15).toList()).hasSize(15).endsWith(2004);
        assertThat(fetcher.fetched()).containsExactly(1L, 1L, 1L, 2L);
    }

    @Test
    void aShortPageDoesNotEndTheListing() {
        CountingFetcher fetcher = CountingFetcher.pages(10, 2, 10);

        assertThat(new PagedIterable<>(fetcher, 1).stream().count()).isEqualTo(22);
        assertThat(fetcher.fetched()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void byPageGivesThePagesWithIndexAndPageSizeAndEachIterationStartsAFreshPass() {
        CountingFetcher fetcher = CountingFetcher.pagesFrom(3, 10, 4);
        PagedIterable<Integer> listing = new PagedIterable<>(fetcher, 3);

        List<Page<Integer>> pages = new ArrayList<>();
        for (Page<Integer> page : listing.byPage()) {
            pages.add(page);
        }
        assertThat(pages).extracting(Page::index).containsExactly(3L, 4L);
        assertThat(pages).extracting(Page::pageSize).containsOnly((long) CountingFetcher.PAGE_SIZE);
        assertThat(pages.get(1).items()).containsExactlyElementsOf(itemsOf(4, 4));

        assertThat(listing.byPage()).hasSize(2);
        assertThat(listing).hasSize(14);
        assertThat(fetcher.fetched()).containsExactly(3L, 4L, 5L, 3L, 4L, 5L, 3L, 4L, 5L);
    }

    @Test
    void nextPastTheEndThrowsNoSuchElementException() {
        CountingFetcher fetcher = CountingFetcher.pages(1);
        Iterator<Integer> iterator = new PagedIterable<>(fetcher, 1).iterator();

        assertThat(iterator.next()).isEqualTo(1000);
        assertThat(iterator.hasNext()).isFalse();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
        assertThat(fetcher.fetched()).as("the end is not fetched again").containsExactly(1L, 2L);

        Iterator<Page<Integer>> pages = new PagedIterable<>(CountingFetcher.pages(), 1).byPage().iterator();
        assertThat(pages.hasNext()).isFalse();
        assertThatThrownBy(pages::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aRepeatedPageStopsTheIterationNamingTheIndex() {
        PageFetcher<String> ignoresIndex = index -> Mono.just(new Page<>(List.of("a"), index, 1));
        Iterator<String> iterator = new PagedIterable<>(ignoresIndex, 1).iterator();

        assertThat(iterator.next()).isEqualTo("a");
        assertThatThrownBy(iterator::hasNext).isInstanceOf(CortiPaginationException.class)
                .hasMessageContaining("Page 2");
    }

    @Test
    void aFetcherCompletingWithoutAPageEndsTheIteration() {
        List<Long> asked = new CopyOnWriteArrayList<>();
        PageFetcher<Integer> fetcher = index -> Mono.defer(() -> {
            asked.add(index);
            return index == 1 ? Mono.just(new Page<>(itemsOf(1, 2), 1, 2)) : Mono.empty();
        });

        assertThat(new PagedIterable<>(fetcher, 1)).containsExactly(1000, 1001);
        assertThat(asked).containsExactly(1L, 2L);
    }

    @Test
    void aHundredThousandItemsFromSynchronousPagesHoldOnePageAtATime() throws Throwable {
        CountingFetcher.Synchronous fetcher = new CountingFetcher.Synchronous(10_000);

        long count = SmallStack.run(() -> {
            long n = 0;
            for (Integer item : new PagedIterable<>(fetcher, 1)) {
                fetcher.itemsConsumed.incrementAndGet();
                n++;
            }
            return n;
        });

        assertThat(count).isEqualTo(100_000);
        assertThat(fetcher.fetches).hasValue(10_001);
        assertThat(fetcher.mostItemsInHandAtAFetch()).as("every page was used up before the next was fetched")
                .isZero();
    }

    @Test
    void firstIndexMustBePositive() {
        assertThatThrownBy(() -> new PagedIterable<>(CountingFetcher.pages(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstIndex");
    }
}
