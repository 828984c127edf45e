package ai.corti.client.core.internal.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;

/**
 * An answer's body held in memory as blocks of at most {@link #BLOCK} bytes. Never one large array: a 16 MiB
 * body in a small heap would need 16 MiB of contiguous free space (a "humongous" object to G1), which a
 * fragmented heap may not have even when it has the bytes; and growing one array by doubling would need one and
 * a half times the body at once. JSON is parsed from {@link #stream()}; only small bodies (errors, token answers)
 * are joined. Internal to the SDK.
 */
public final class BodyBytes {

    /** The largest block: well under G1's humongous threshold (half a region, at least 512 KiB). */
    public static final int BLOCK = 64 * 1024;

    /** No body. */
    public static final BodyBytes EMPTY = new BodyBytes(List.of(), 0);

    private final List<byte[]> blocks;
    private final long length;

    BodyBytes(List<byte[]> blocks, long length) {
        this.blocks = List.copyOf(blocks);
        this.length = length;
    }

    /**
     * Wraps bytes already in one array (tests, small bodies).
     *
     * @param bytes the body
     * @return the body
     */
    public static BodyBytes of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new BodyBytes(List.of(bytes), bytes.length);
    }

    /**
     * Returns the body's size.
     *
     * @return bytes
     */
    public long length() {
        return length;
    }

    /**
     * Reads the body without copying it.
     *
     * @return a stream over the blocks
     */
    public InputStream stream() {
        return new SequenceInputStream(Collections.enumeration(blocks.stream()
                .map(block -> (InputStream) new ByteArrayInputStream(block)).toList()));
    }

    /**
     * Returns the first bytes of the body, for messages.
     *
     * @param max the most bytes wanted
     * @return up to {@code max} bytes
     */
    public byte[] prefix(int max) {
        return copy((int) Math.min(max, length));
    }

    /**
     * Joins the body into one array: for bodies bounded small (error answers, token answers).
     *
     * @return the bytes
     */
    public byte[] toArray() {
        return blocks.size() == 1 && blocks.get(0).length == length ? blocks.get(0) : copy((int) length);
    }

    private byte[] copy(int n) {
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] block : blocks) {
            if (at == n) {
                break;
            }
            int take = Math.min(block.length, n - at);
            System.arraycopy(block, 0, out, at, take);
            at += take;
        }
        return out;
    }
}
