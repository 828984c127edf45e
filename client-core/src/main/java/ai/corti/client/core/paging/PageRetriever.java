package ai.corti.client.core.paging;

import ai.corti.client.core.error.CortiPaginationException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The state of one pass over a listing: which page comes next, and the identities of the items of the last pages,
 * to catch a server that ignores {@code index} (which would otherwise loop forever). A page all of whose items were
 * already returned ends the listing with {@link CortiPaginationException}: that catches a server that answers the
 * same page again (even with a field changing each time) and one that alternates between pages. A page that only
 * partly overlaps (items shifted by an insert between two fetches) is returned as it is.
 *
 * <p>Memory stays bounded: only the last {@value #WINDOW_PAGES} pages' ids are kept, at most {@value #WINDOW_IDS}.
 * Each subscription or iterator gets its own. Pages are fetched one after another, never concurrently.
 */
final class PageRetriever<T> {

    static final int WINDOW_PAGES = 32;
    static final int WINDOW_IDS = 10_000;

    private final PageFetcher<T> fetcher;
    private final Function<? super T, ?> identity;
    private long nextIndex;
    /** Ids seen on the remembered pages, with the page that last showed each. */
    private final Map<Object, Long> seen = new HashMap<>();
    private final Deque<Set<Object>> pages = new ArrayDeque<>();
    private int remembered;

    PageRetriever(PageFetcher<T> fetcher, long firstIndex, Function<? super T, ?> identity) {
        this.fetcher = fetcher;
        this.identity = identity;
        this.nextIndex = firstIndex;
    }

    Mono<Page<T>> next() {
        long index = nextIndex;
        return fetcher.fetch(index).map(page -> {
            check(page, index);
            nextIndex = index + 1;
            return page;
        }).defaultIfEmpty(new Page<>(List.of(), index, 0)); // no page at all ends the listing like an empty one
    }

    private void check(Page<T> page, long index) {
        if (page.isEmpty()) {
            return;
        }
        Set<Object> ids = new HashSet<>();
        long firstSeenOn = Long.MAX_VALUE;
        boolean allSeen = true;
        for (T item : page.items()) {
            Object id = identity.apply(item);
            Object key = id == null ? item : id;
            ids.add(key);
            Long previous = seen.get(key);
            if (previous == null) {
                allSeen = false;
            } else {
                firstSeenOn = Math.min(firstSeenOn, previous);
            }
        }
        if (allSeen) {
            throw new CortiPaginationException("Page " + index + " has only items already returned (last seen on page "
                    + firstSeenOn + " or later): the server seems to ignore 'index'; stopping the listing instead of "
                    + "looping forever");
        }
        remember(ids, index);
    }

    private void remember(Set<Object> ids, long index) {
        pages.addLast(ids);
        remembered += ids.size();
        ids.forEach(id -> seen.put(id, index));
        while (pages.size() > WINDOW_PAGES || (remembered > WINDOW_IDS && pages.size() > 1)) {
            Set<Object> oldest = pages.removeFirst();
            remembered -= oldest.size();
            for (Object id : oldest) {
                // keep an id a newer page showed again
                if (pages.stream().noneMatch(p -> p.contains(id))) {
                    seen.remove(id);
                }
            }
        }
    }
}
