package ai.corti.client.core.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * A listing in memory that records which pages were fetched. Per the {@link PageFetcher} contract a page
 * is fetched when its {@code Mono} is subscribed (that is when a real fetcher sends the request), so that
 * is what is counted; calling {@code fetch} only assembles the request. Item {@code i} of page {@code n}
 * is {@code n * 1000 + i}, so items never repeat.
 */
final class CountingFetcher implements PageFetcher<Integer> {

    static final int PAGE_SIZE = 10;

    private final long firstIndex;
    private final int[] sizes;
    private final List<Long> fetched = new CopyOnWriteArrayList<>();

    private CountingFetcher(long firstIndex, int[] sizes) {
        this.firstIndex = firstIndex;
        this.sizes = sizes.clone();
    }

    /** Pages 1, 2, ... of the given sizes, then empty pages. */
    static CountingFetcher pages(int... sizes) {
        return new CountingFetcher(1, sizes);
    }

    /** Pages {@code firstIndex}, {@code firstIndex + 1}, ... of the given sizes, then empty pages. */
    static CountingFetcher pagesFrom(long firstIndex, int... sizes) {
        return new CountingFetcher(firstIndex, sizes);
    }

    @Override
    public Mono<Page<Integer>> fetch(long index) {
        // Like a real fetcher (HttpPipeline.execute): the request goes out on subscription, not on demand.
        return Mono.defer(() -> {
            fetched.add(index);
            return Mono.just(page(index));
        });
    }

    Page<Integer> page(long index) {
        long position = index - firstIndex;
        if (index < firstIndex) {
            throw new AssertionError("page " + index + " is before the first page " + firstIndex);
        }
        int size = position < sizes.length ? sizes[(int) position] : 0;
        List<Integer> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(item(index, i));
        }
        return new Page<>(items, index, PAGE_SIZE);
    }

    static int item(long index, int position) {
        return (int) (index * 1000 + position);
    }

    /** The indices fetched so far, in order. */
    List<Long> fetched() {
        return List.copyOf(fetched);
    }

    /** A synchronous listing of {@code pages} full pages ({@code Mono.just}), counting items handed out. */
    static final class Synchronous implements PageFetcher<Integer> {
        private final long pages;
        final AtomicLong fetches = new AtomicLong();
        final AtomicLong itemsHandedOut = new AtomicLong();
        final AtomicLong itemsConsumed = new AtomicLong();
        private long mostItemsInHand;

        Synchronous(long pages) {
            this.pages = pages;
        }

        @Override
        public Mono<Page<Integer>> fetch(long index) {
            // Items handed out but not yet consumed when the next page is created: what the consumer holds.
            mostItemsInHand = Math.max(mostItemsInHand, itemsHandedOut.get() - itemsConsumed.get());
            fetches.incrementAndGet();
            List<Integer> items = new ArrayList<>(PAGE_SIZE);
            if (index <= pages) {
                for (int i = 0; i < PAGE_SIZE; i++) {
                    items.add((int) ((index - 1) * PAGE_SIZE + i));
                }
            }
            itemsHandedOut.addAndGet(items.size());
            return Mono.just(new Page<>(items, index, PAGE_SIZE));
        }

        long mostItemsInHandAtAFetch() {
            return mostItemsInHand;
        }
    }
}
