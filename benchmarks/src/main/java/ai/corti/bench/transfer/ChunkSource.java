package ai.corti.bench.transfer;

import ai.corti.bench.server.Recordings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.InputStream;
import java.nio.ByteBuffer;
import reactor.core.publisher.Flux;

/**
 * What every client uploads: {@code size} bytes in 64 KiB chunks, all views of one pre-filled array, generated as
 * the client asks for them. Nothing is read from disk and nothing of the body is allocated per chunk beyond the
 * view itself, so the figures are the clients' own work. The array is never written after construction, so a
 * client may hold a chunk as long as it likes.
 */
public final class ChunkSource {

    private static final byte[] CHUNK = Recordings.pattern(Recordings.CHUNK);

    private ChunkSource() {
    }

    /**
     * The body as {@code ByteBuffer}s, for the SDK's reactive upload.
     *
     * @param size how many bytes in all
     * @return the chunks, lazily
     */
    public static Flux<ByteBuffer> byteBuffers(long size) {
        return chunkLengths(size).map(n -> ByteBuffer.wrap(CHUNK, 0, n));
    }

    /**
     * The body as Netty {@code ByteBuf}s, for raw Reactor Netty; wrapped, not copied.
     *
     * @param size how many bytes in all
     * @return the chunks, lazily
     */
    public static Flux<ByteBuf> byteBufs(long size) {
        return chunkLengths(size).map(n -> Unpooled.wrappedBuffer(CHUNK, 0, n));
    }

    /**
     * The body as an {@code InputStream}, for the SDK's blocking upload.
     *
     * @param size how many bytes in all
     * @return a stream reading the chunks in turn
     */
    public static InputStream stream(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? CHUNK[(int) (position++ % CHUNK.length)] & 0xff : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (position >= size) {
                    return -1;
                }
                int at = (int) (position % CHUNK.length);
                int n = (int) Math.min(Math.min(length, CHUNK.length - at), size - position);
                System.arraycopy(CHUNK, at, into, offset, n);
                position += n;
                return n;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, size - position);
            }
        };
    }

    private static Flux<Integer> chunkLengths(long size) {
        long chunks = (size + CHUNK.length - 1) / CHUNK.length;
        return Flux.range(0, (int) chunks).map(index -> (int) Math.min(CHUNK.length, size - (long) index * CHUNK.length));
    }
}
