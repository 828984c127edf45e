package ai.corti.client.core.paging;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
    private final Function<? super T, ?> identity;

    /**
     * Creates the listing.
     *
     * @param fetcher    fetches one page by index
     * @param firstIndex the first page to fetch, from 1
     */
    public PagedFlux(PageFetcher<T> fetcher, long firstIndex) {
        this(fetcher, firstIndex, Function.identity());
    }

    /**
     * Creates the listing, telling items apart by an identity (their id): a page whose items were all returned
     * before ends the listing with {@code CortiPaginationException}, even when the server changed a field of them.
     *
     * @param fetcher    fetches one page by index
     * @param firstIndex the first page to fetch, from 1
     * @param identity   an item's id; items whose id is {@code null} are compared whole
     */
    public PagedFlux(PageFetcher<T> fetcher, long firstIndex, Function<? super T, ?> identity) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.identity = Objects.requireNonNull(identity, "identity");
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
            PageRetriever<T> retriever = new PageRetriever<>(fetcher, firstIndex, identity);
            // generate emits one page request at a time; concatMap without prefetch subscribes to it only after
            // the previous page completed, but at once, demand or not: onDemand holds the fetch back until
            // downstream asks for the page. One page in flight, none fetched ahead of demand.
            return Flux.generate((SynchronousSink<Mono<Page<T>>> sink) -> sink.next(onDemand(retriever)))
                    .concatMap(page -> page, 0)
                    .takeWhile(page -> !page.isEmpty());
        });
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        // A page's items end only when demand asks past its last item: Flux.fromIterable would complete with
        // the last item and make concatMap ask for the next page while downstream wants nothing more.
        byPage().concatMap(page -> Flux.<T, Iterator<T>>generate(() -> page.items().iterator(), PagedFlux::nextItem), 0)
                .subscribe(actual);
    }

    private static <T> Iterator<T> nextItem(Iterator<T> items, SynchronousSink<T> sink) {
        if (items.hasNext()) {
            sink.next(items.next());
        } else {
            sink.complete();
        }
        return items;
    }

    /** The next page, fetched when it is requested rather than when it is subscribed. */
    private static <T> Mono<Page<T>> onDemand(PageRetriever<T> retriever) {
        return Mono.create(sink -> {
            AtomicBoolean started = new AtomicBoolean();
            sink.onRequest(n -> {
                if (started.compareAndSet(false, true)) {
                    // next() signals exactly one page or an error, never a bare completion
                    sink.onCancel(retriever.next().subscribe(sink::success, sink::error));
                }
            });
        });
    }
}
