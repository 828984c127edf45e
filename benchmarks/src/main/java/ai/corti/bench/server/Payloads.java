package ai.corti.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The fixed, spec-valid JSON bodies the benchmark server answers with. They are built once, so every client
 * under test decodes exactly the same bytes and the server's cost per request is a constant.
 */
public final class Payloads {

    /** The interaction id every {@code get} asks for. */
    public static final UUID INTERACTION_ID = UUID.fromString("3c90c3cc-0d44-4b50-8888-8dd25736052a");

    /** How many interactions the listing holds. */
    public static final int LISTING_SIZE = 20_000;

    /** The page size of the listing benchmark. */
    public static final int PAGE_SIZE = 100;

    /** How many non-empty pages the listing has; page {@code PAGES + 1} is empty and ends it. */
    public static final int PAGES = LISTING_SIZE / PAGE_SIZE;

    private static final byte[] INTERACTION = utf8(interaction(INTERACTION_ID));
    private static final byte[] CREATED = utf8("{\"interactionId\":\"" + INTERACTION_ID
            + "\",\"websocketUrl\":\"wss://api.eu.corti.app/v2/interactions/" + INTERACTION_ID + "/streams\"}");
    private static final byte[] EMPTY_PAGE = utf8("{\"interactions\":[]}");

    private Payloads() {
    }

    /**
     * Returns the body of {@code GET /interactions/{id}} and {@code PATCH /interactions/{id}}.
     *
     * @return an {@code InteractionsGetResponse}; do not modify
     */
    public static byte[] interaction() {
        return INTERACTION;
    }

    /**
     * Returns the body of {@code POST /interactions/}.
     *
     * @return an {@code InteractionsCreateResponse}; do not modify
     */
    public static byte[] created() {
        return CREATED;
    }

    /**
     * Returns one page of {@code GET /interactions/}: pages 1 to {@link #PAGES} hold {@link #PAGE_SIZE}
     * distinct interactions each (the SDK rejects a page that repeats the previous one), any other is empty.
     *
     * @param index the page number, from 1
     * @return an {@code InteractionsListResponse}; do not modify
     */
    public static byte[] page(long index) {
        return index >= 1 && index <= PAGES ? ListPages.PAGES[(int) index - 1] : EMPTY_PAGE;
    }

    /** Built on first use only: 12 MB of JSON that the get and cold-start runs do not need. */
    private static final class ListPages {
        static final byte[][] PAGES = listPages();
    }

    /**
     * Writes one interaction with every field the spec defines, the optional ones included, so decoding
     * exercises the whole model (nested objects, enums, dates, nullable fields).
     */
    static String interaction(UUID id) {
        return "{\"id\":\"" + id + "\",\"assignedUserId\":\"f47ac10b-58cc-4372-a567-0e02b2c3d479\","
                + "\"encounter\":{\"identifier\":\"encounter-" + id + "\",\"status\":\"in-progress\","
                + "\"type\":\"first_consultation\",\"period\":{\"startedAt\":\"2025-11-07T05:31:56Z\","
                + "\"endedAt\":\"2025-11-07T06:01:12Z\"},\"title\":\"Follow-up consultation\"},"
                + "\"patient\":{\"identifier\":\"patient-4711\",\"name\":\"Alex Example\",\"gender\":\"female\","
                + "\"birthDate\":\"1984-03-02T00:00:00Z\",\"pronouns\":\"she/her\"},"
                + "\"endedAt\":\"2025-11-07T06:01:12Z\",\"createdAt\":\"2025-11-07T05:31:56Z\","
                + "\"updatedAt\":\"2025-11-07T06:01:12Z\","
                + "\"websocketUrl\":\"wss://api.eu.corti.app/v2/interactions/" + id + "/streams\","
                + "\"lastUpdated\":\"2025-11-07T06:01:12Z\"}";
    }

    private static byte[][] listPages() {
        byte[][] pages = new byte[PAGES][];
        for (int p = 0; p < PAGES; p++) {
            StringBuilder page = new StringBuilder("{\"interactions\":[");
            for (int i = 0; i < PAGE_SIZE; i++) {
                page.append(i == 0 ? "" : ",").append(interaction(new UUID(0x0c0e7100L + p, i)));
            }
            pages[p] = utf8(page.append("]}").toString());
        }
        return pages;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
