package ai.corti.client.core.paging;

import ai.corti.client.core.error.CortiDecodingException;
import java.util.List;
import java.util.Objects;

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
     * Checks and copies the items so a page is immutable.
     *
     * @param items the page's items, in server order
     * @param index the page number, starting at 1
     * @param pageSize the page size that was requested (the server's default when none was)
     * @throws CortiDecodingException when an item is {@code null}
     */
    public Page {
        Objects.requireNonNull(items, "items");
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                // A list such as [item, null] from a server is a broken answer, not an item.
                throw new CortiDecodingException("page " + index + " has a null item at position " + i, 200, "",
                        null);
            }
        }
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
