package ai.corti.client.core.paging;

import java.util.List;

/** Stub: one page. */
public record Page<T>(List<T> items, long index, long pageSize) {
}
