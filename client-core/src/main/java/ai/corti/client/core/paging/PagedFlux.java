package ai.corti.client.core.paging;

import java.util.Objects;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;

/**
 * A listing as a {@link Flux} of items, fetched page by page as demand reaches them.
 *
 * <pre>{@code
 * interactions.list(request)
 *     .take(3)                       // fetches one page, not all of them
 *     .subscribe(i -> log.info("{}", i.getId()));
 *
 * interactions.list(request).byPage() // Flux<Page<T>>
 *     .subscribe(page -> log.info("page {} has {} items", page.index(), page.items().size()));
 * }</pre>
 *
 * <p>Rules: pages are numbered from the requested index (default 1) upwards and never re-requested; the
 * listing ends at the first empty page (the API gives no total, and a short page may be clamped by the
 * server, so it does not prove the end); page n+1 is requested only when downstream demand reaches it;
 * each subscription starts its own pass.
 *
 * @param <T> the item type
 */
public final class PagedFlux<T> extends Flux<T> {

    private final PageFetcher<T> fetcher;
    private final long firstIndex;

    /**
     * Creates the listing.
     *
     * @param fetcher    fetches one page by index
     * @param firstIndex the first page to fetch, from 1
     */
    public PagedFlux(PageFetcher<T> fetcher, long firstIndex) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        if (firstIndex < 1) {
            throw new IllegalArgumentException("firstIndex must be >= 1, was " + firstIndex);
        }
        this.firstIndex = firstIndex;
    }

    /**
     * Returns the listing page by page. Empty pages are not emitted: the first one ends the listing.
     *
     * @return a cold {@code Flux} of pages; each subscription starts at the first index again
     */
    public Flux<Page<T>> byPage() {
        return Flux.defer(() -> {
            PageRetriever<T> retriever = new PageRetriever<>(fetcher, firstIndex);
            // generate emits one page request per unit of demand; concatMap without prefetch subscribes to it
            // only after the previous page completed: one page in flight, none fetched ahead of demand.
            return Flux.generate((SynchronousSink<reactor.core.publisher.Mono<Page<T>>> sink) -> sink.next(retriever.next()))
                    .concatMap(page -> page, 0)
                    .takeWhile(page -> !page.isEmpty());
        });
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        byPage().concatMap(page -> Flux.fromIterable(page.items()), 0).subscribe(actual);
    }
}
