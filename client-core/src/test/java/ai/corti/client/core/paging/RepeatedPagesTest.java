package ai.corti.client.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.error.CortiDecodingException;
import ai.corti.client.core.error.CortiPaginationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A server that ignores {@code index} makes a naive client loop forever. The listing stops at the first page whose
 * items were all returned before, telling items apart by id: the same page again with a field changed each time,
 * and two pages answered in turn, both end it with {@link CortiPaginationException}, on both paging styles.
 */
class RepeatedPagesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** An item with an id and a field a hostile server changes on every request. */
    record Item(String id, int version) {
    }

    private final AtomicInteger requests = new AtomicInteger();

    private PageFetcher<Item> server(LongFunction<List<String>> idsOfPage) {
        return index -> Mono.fromSupplier(() -> {
            int version = requests.incrementAndGet();
            List<Item> items = idsOfPage.apply(index).stream().map(id -> new Item(id, version)).toList();
            return new Page<>(items, index, 3);
        });
    }

    private static List<String> ids(String... ids) {
        return Arrays.asList(ids);
    }

    @Test
    void theSamePageWithAFieldChangingEachTimeEndsTheListing() {
        PageFetcher<Item> ignoresIndex = server(index -> ids("a", "b", "c"));

        StepVerifier.create(new PagedFlux<>(ignoresIndex, 1, Item::id).map(Item::id))
                .expectNext("a", "b", "c")
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CortiPaginationException.class)
                        .hasMessageContaining("Page 2 has only items already returned"))
                .verify(WAIT);
        assertThat(requests).as("two pages fetched, not 61").hasValue(2);
    }

    @Test
    void twoPagesInTurnEndTheListingWithoutDuplicates() {
        PageFetcher<Item> alternates = server(index -> index % 2 == 1 ? ids("a", "b", "c") : ids("d", "e", "f"));
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> new PagedIterable<>(alternates, 1, Item::id).forEach(item -> seen.add(item.id())))
                .isInstanceOf(CortiPaginationException.class).hasMessageContaining("Page 3");
        assertThat(seen).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(requests).hasValue(3);
    }

    @Test
    void aPageThatOnlyPartlyOverlapsIsReturnedAsItIs() {
        // An insert between two fetches shifts one item onto the next page: not a loop.
        PageFetcher<Item> shifted = server(index -> switch ((int) index) {
            case 1 -> ids("a", "b", "c");
            case 2 -> ids("c", "d", "e");
            default -> ids();
        });

        StepVerifier.create(new PagedFlux<>(shifted, 1, Item::id).map(Item::id))
                .expectNext("a", "b", "c", "c", "d", "e")
                .verifyComplete();
    }

    @Test
    void withoutAnIdentityWholeItemsAreCompared() {
        CountingFetcher distinct = CountingFetcher.pages(10, 10, 3);

        StepVerifier.create(new PagedFlux<>(distinct, 1)).expectNextCount(23).verifyComplete();
    }

    @Test
    void aPageWithANullItemIsADecodingError() {
        assertThatThrownBy(() -> new Page<>(Arrays.asList("a", null), 4, 10))
                .isInstanceOf(CortiDecodingException.class)
                .hasMessage("page 4 has a null item at position 1");
        assertThatThrownBy(() -> new Page<>(Arrays.asList((String) null), 1, 10))
                .isInstanceOf(CortiDecodingException.class);
    }

    @Test
    void memoryStaysBoundedOverALongListing() {
        // 100 pages of fresh ids go through; only the last pages' ids are remembered.
        PageFetcher<Item> long100 = server(index -> index > 100 ? ids()
                : List.of("p" + index + "a", "p" + index + "b", "p" + index + "c"));

        StepVerifier.create(new PagedFlux<>(long100, 1, Item::id)).expectNextCount(300).verifyComplete();
        assertThat(PageRetriever.WINDOW_PAGES).isLessThan(100);
    }
}
