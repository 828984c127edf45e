package ai.corti.bench.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The recordings the bench server serves and the reply to an upload. A download streams slices of one shared,
 * pre-filled, read-only buffer, so the server allocates next to nothing per megabyte and its cost is the same
 * for every client; the recording id says how many bytes.
 */
public final class Recordings {

    /** One megabyte, decimal, as recording sizes and MB/s are counted here. */
    public static final long MB = 1_000_000L;

    /** The id of the 1 MB recording. */
    public static final UUID SMALL_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    /** The id of the 150 MB recording (the spec's largest upload). */
    public static final UUID LARGE_ID = UUID.fromString("00000000-0000-4000-8000-000000000150");

    /** The id every upload is given. */
    public static final UUID UPLOADED_ID = UUID.fromString("00000000-0000-4000-8000-0000000000aa");

    /** Bytes per chunk of a download, and of every client's upload source ({@code ChunkSource}). */
    public static final int CHUNK = 64 * 1024;

    // Unreleasable: every download sends slices of it, and Netty releasing a sent slice must not free the shared
    // memory. Its bytes never change after this line, so the slices can be read from any event loop at once.
    private static final ByteBuf SHARED = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(CHUNK, CHUNK).writeBytes(pattern(CHUNK)).asReadOnly());

    private Recordings() {
    }

    /**
     * Returns the size of a recording, from its id.
     *
     * @param recordingId the id in the request path
     * @return the size in bytes, or -1 for an unknown recording
     */
    public static long size(String recordingId) {
        if (SMALL_ID.toString().equals(recordingId)) {
            return MB;
        }
        if (LARGE_ID.toString().equals(recordingId)) {
            return 150 * MB;
        }
        return -1;
    }

    /**
     * Returns the bytes every chunk is made of, the same on the server and in every client's source.
     *
     * @param length how many
     * @return a new array holding a fixed, non-repeating-within-a-chunk pattern
     */
    public static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 8));
        }
        return bytes;
    }

    /**
     * Streams a recording as slices of the shared buffer, generated as the socket asks for them.
     *
     * @param size how many bytes in all
     * @return the chunks; releasing them is a no-op
     */
    static Flux<ByteBuf> download(long size) {
        long chunks = (size + CHUNK - 1) / CHUNK;
        return Flux.range(0, (int) chunks).map(index -> {
            int n = (int) Math.min(CHUNK, size - (long) index * CHUNK);
            return SHARED.slice(0, n);
        });
    }

    /**
     * Returns the body of a 201 reply to an upload, as the spec's {@code RecordingsCreateResponse}.
     *
     * @return JSON bytes
     */
    static byte[] created() {
        return ("{\"recordingId\":\"" + UPLOADED_ID + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
