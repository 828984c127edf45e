package ai.corti.codegen;

/**
 * How a listing pages: {@code index} and {@code pageSize} query parameters, and an answer with one list of items.
 */
public final class Paging {

    /** The item type, e.g. {@code InteractionsGetResponse}. */
    public final String itemType;
    /** The getter of the answer's list, e.g. {@code getInteractions}. */
    public final String itemsGetter;
    /** An item's identity for the repeat check, e.g. {@code InteractionsGetResponse::getId}. */
    public final String identity;

    Paging(String itemType, String itemsGetter, String identity) {
        this.itemType = itemType;
        this.itemsGetter = itemsGetter;
        this.identity = identity;
    }
}
