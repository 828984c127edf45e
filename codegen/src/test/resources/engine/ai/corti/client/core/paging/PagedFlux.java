package ai.corti.client.core.paging;

import java.util.function.Function;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/** Stub: keeps what the listing was built from. */
public final class PagedFlux<T> extends Flux<T> {

    public final PageFetcher<T> fetcher;
    public final long firstIndex;
    public final Function<? super T, ?> identity;

    public PagedFlux(PageFetcher<T> fetcher, long firstIndex, Function<? super T, ?> identity) {
        this.fetcher = fetcher;
        this.firstIndex = firstIndex;
        this.identity = identity;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        Flux.<T>empty().subscribe(actual);
    }
}
