package ai.corti.client.core.paging;

import ai.corti.client.core.internal.Blocking;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing as an {@link Iterable} of items for blocking code, fetched page by page as iteration
 * reaches them. The iterator pulls the next page itself when {@code hasNext()} needs it and holds at
 * most one page; it does not wrap {@code Flux.toIterable()}, which prefetches.
 *
 * <pre>{@code
 * for (InteractionsGetResponse interaction : interactions.list()) { ... }
 * interactions.list(request).stream().limit(25).forEach(...);   // fetches only the pages it needs
 * for (Page<InteractionsGetResponse> page : interactions.list(request).byPage()) { ... }
 * }</pre>
 *
 * <p>Each {@code iterator()} / {@code stream()} / {@code byPage()} starts a fresh pass. Same paging rules
 * as {@link PagedFlux}.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    private final PageFetcher<T> fetcher;
    private final long firstIndex;
    private final Function<? super T, ?> identity;

    /**
     * Creates the listing.
     *
     * @param fetcher    fetches one page by index
     * @param firstIndex the first page to fetch, from 1
     */
    public PagedIterable(PageFetcher<T> fetcher, long firstIndex) {
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
    public PagedIterable(PageFetcher<T> fetcher, long firstIndex, Function<? super T, ?> identity) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.identity = Objects.requireNonNull(identity, "identity");
        if (firstIndex < 1) {
            throw new IllegalArgumentException("firstIndex must be >= 1, was " + firstIndex);
        }
        this.firstIndex = firstIndex;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = new PageIterator<>(new PageRetriever<>(fetcher, firstIndex, identity));
        return new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    current = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /**
     * Returns the items as a sequential stream; {@code limit(n)} stops fetching once it has enough.
     *
     * @return a lazy stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * Returns the listing page by page. Empty pages are not returned: the first one ends the listing.
     *
     * @return an iterable whose each iterator starts a fresh pass
     */
    public Iterable<Page<T>> byPage() {
        return () -> new PageIterator<>(new PageRetriever<>(fetcher, firstIndex, identity));
    }

    /** Fetches a page only when {@code hasNext()} has no page in hand. */
    private static final class PageIterator<T> implements Iterator<Page<T>> {
        private final PageRetriever<T> retriever;
        private Page<T> next;
        private boolean done;

        PageIterator(PageRetriever<T> retriever) {
            this.retriever = retriever;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                Page<T> page = Blocking.await(retriever.next());
                if (page == null || page.isEmpty()) {
                    done = true;
                } else {
                    next = page;
                }
            }
            return next != null;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Page<T> page = next;
            next = null;
            return page;
        }
    }
}
