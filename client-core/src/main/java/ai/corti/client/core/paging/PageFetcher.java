package ai.corti.client.core.paging;

import reactor.core.publisher.Mono;

/**
 * Fetches one page of a listing by its index. Both {@link PagedFlux} and {@link PagedIterable} drive one.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

    /**
     * Fetches a page; nothing is sent until the result is subscribed.
     *
     * @param index the page number, starting at 1
     * @return the page, lazily
     */
    Mono<Page<T>> fetch(long index);
}
