package ai.corti.client.core.internal.http;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Reads an answer into memory chunk by chunk, counting before it copies, so memory stays bounded whatever the
 * server sends: a chunk that would take the total past the limit fails the read before anything of it is kept.
 * The chunks arrive decompressed (Netty's decompressor forwards a bounded amount per step), so a small gzip
 * body that inflates to gigabytes is stopped at the limit too. Not thread-safe: one answer, read in order.
 */
final class BoundedBody {

    private static final byte[] EMPTY = new byte[0];
    private static final int FIRST_CAPACITY = 8 * 1024;

    private final long limit;
    private byte[] buffer;
    private int size;

    /**
     * Starts a read.
     *
     * @param limit          the most bytes accepted
     * @param announcedBytes the {@code Content-Length}, or {@code -1}; used only to size the buffer, never trusted
     *                       beyond the limit
     */
    BoundedBody(long limit, long announcedBytes) {
        this.limit = limit;
        long first = announcedBytes >= 0 ? Math.min(announcedBytes, limit) : Math.min(FIRST_CAPACITY, limit);
        this.buffer = first == 0 ? EMPTY : new byte[(int) Math.min(first, Integer.MAX_VALUE - 8)];
    }

    /**
     * Copies a chunk out of Netty's buffer; the caller keeps ownership of (and releases) the chunk.
     *
     * @param chunk the next bytes of the answer
     * @throws BodyTooLargeException when the answer would exceed the limit
     */
    void append(ByteBuf chunk) {
        int n = chunk.readableBytes();
        if ((long) size + n > limit) {
            throw new BodyTooLargeException(limit);
        }
        if (size + n > buffer.length) {
            long grown = Math.max((long) buffer.length * 2, (long) size + n);
            buffer = Arrays.copyOf(buffer, (int) Math.min(Math.min(grown, limit), Integer.MAX_VALUE - 8));
        }
        chunk.getBytes(chunk.readerIndex(), buffer, size, n);
        size += n;
    }

    /**
     * Returns what was read.
     *
     * @return the bytes, without spare capacity
     */
    byte[] bytes() {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
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
