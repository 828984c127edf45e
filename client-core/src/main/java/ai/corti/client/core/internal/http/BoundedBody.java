package ai.corti.client.core.internal.http;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an answer into memory chunk by chunk, counting before it copies, so memory stays bounded whatever the
 * server sends: a chunk that would take the total past the limit fails the read before anything of it is kept.
 * The chunks arrive decompressed (Netty's decompressor forwards a bounded amount per step), so a small gzip
 * body that inflates to gigabytes is stopped at the limit too. Bytes are kept in fixed blocks
 * ({@link BodyBytes}), so the memory held is the body plus at most one partly filled block, and no large array
 * is ever allocated or copied. Not thread-safe: one answer, read in order.
 */
final class BoundedBody {

    private final long limit;
    private final List<byte[]> blocks = new ArrayList<>();
    private byte[] current;
    private int inCurrent;
    private long size;

    /**
     * Starts a read.
     *
     * @param limit          the most bytes accepted
     * @param announcedBytes the {@code Content-Length}, or {@code -1}; used only to size a small first block, never
     *                       trusted beyond the limit
     */
    BoundedBody(long limit, long announcedBytes) {
        this.limit = limit;
        if (announcedBytes > 0 && announcedBytes < BodyBytes.BLOCK) {
            current = new byte[(int) Math.min(announcedBytes, limit)];
        }
    }

    /**
     * Copies a chunk out of Netty's buffer; the caller keeps ownership of (and releases) the chunk.
     *
     * @param chunk the next bytes of the answer
     * @throws BodyTooLargeException when the answer would exceed the limit
     */
    void append(ByteBuf chunk) {
        int n = chunk.readableBytes();
        if (size + n > limit) {
            throw new BodyTooLargeException(limit);
        }
        int from = chunk.readerIndex();
        int left = n;
        while (left > 0) {
            if (current == null || inCurrent == current.length) {
                seal();
                current = new byte[(int) Math.min(BodyBytes.BLOCK, limit - size - (n - left))];
            }
            int take = Math.min(left, current.length - inCurrent);
            chunk.getBytes(from, current, inCurrent, take);
            inCurrent += take;
            from += take;
            left -= take;
        }
        size += n;
    }

    private void seal() {
        if (current != null && inCurrent > 0) {
            blocks.add(inCurrent == current.length ? current : java.util.Arrays.copyOf(current, inCurrent));
        }
        current = null;
        inCurrent = 0;
    }

    /**
     * Returns what was read.
     *
     * @return the body
     */
    BodyBytes bytes() {
        seal();
        return size == 0 ? BodyBytes.EMPTY : new BodyBytes(blocks, size);
    }

    /** The answer went past the limit; carries the limit only (never any of the body). */
    static final class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        BodyTooLargeException(long limit) {
            super("answer larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
