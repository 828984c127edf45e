package ai.corti.client.core.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.function.Function;

/** Stub: keeps what the listing was built from. */
public final class PagedIterable<T> implements Iterable<T> {

    public final PageFetcher<T> fetcher;
    public final long firstIndex;
    public final Function<? super T, ?> identity;

    public PagedIterable(PageFetcher<T> fetcher, long firstIndex, Function<? super T, ?> identity) {
        this.fetcher = fetcher;
        this.firstIndex = firstIndex;
        this.identity = identity;
    }

    @Override
    public Iterator<T> iterator() {
        return Collections.emptyIterator();
    }
}
