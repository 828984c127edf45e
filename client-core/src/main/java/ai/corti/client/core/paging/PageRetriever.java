package ai.corti.client.core.paging;

import ai.corti.client.core.error.CortiPaginationException;
import java.util.List;

/**
 * The state of one pass over a listing: which page comes next, and the previous page's items to catch a
 * server that ignores {@code index} (which would otherwise loop forever). Each subscription or iterator
 * gets its own. Pages are fetched one after another, never concurrently.
 */
final class PageRetriever<T> {

    private final PageFetcher<T> fetcher;
    private long nextIndex;
    private List<T> previous = List.of();

    PageRetriever(PageFetcher<T> fetcher, long firstIndex) {
        this.fetcher = fetcher;
        this.nextIndex = firstIndex;
    }

    reactor.core.publisher.Mono<Page<T>> next() {
        long index = nextIndex;
        return fetcher.fetch(index).map(page -> {
            if (!page.isEmpty() && page.items().equals(previous)) {
                throw new CortiPaginationException("Page " + index + " has the same items as page " + (index - 1)
                        + ": the server seems to ignore 'index'; stopping the listing instead of looping forever");
            }
            previous = page.items();
            nextIndex = index + 1;
            return page;
        }).defaultIfEmpty(new Page<>(List.of(), index, 0)); // no page at all ends the listing like an empty one
    }
}
