package ai.corti.client.core.paging;

import reactor.core.publisher.Mono;

/** Stub: fetches a page. */
@FunctionalInterface
public interface PageFetcher<T> {

    Mono<Page<T>> fetch(long index);
}
