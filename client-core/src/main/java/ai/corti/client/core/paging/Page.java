package ai.corti.client.core.paging;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items    the page's items, in server order
 * @param index    the page number, starting at 1
 * @param pageSize the page size that was requested (the server's default when none was)
 * @param <T>      the item type
 */
public record Page<T>(List<T> items, long index, long pageSize) {

    /**
     * Copies the items so a page is immutable.
     *
     * @param items the page's items, in server order
     * @param index the page number, starting at 1
     * @param pageSize the page size that was requested (the server's default when none was)
     */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Tells whether the page has no items, which ends a listing.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return items.isEmpty();
    }
}
