package ai.corti.client.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import reactor.core.publisher.Flux;

/**
 * How the blocking facade writes a download: chunk by chunk as it arrives, a few chunks requested ahead at most
 * ({@link BlockingChunks}),
 * so memory stays flat whatever the size. A file is written next to the target and moved into place only when the
 * download completed, so a failed download never leaves a truncated file behind. Internal to the SDK.
 */
public final class Downloads {

    /**
     * Chunks requested ahead of what was written: enough that the event loop rarely waits for the writer and is asked
     * for more in batches of 16; at most 32 socket reads (a few MiB) held at once, whatever the download's size.
     */
    private static final int AHEAD = 32;

    private Downloads() {
    }

    /**
     * Writes a download to a file, replacing it.
     *
     * @param chunks the download
     * @param target the file
     * @return the number of bytes written
     */
    public static long toFile(Flux<ByteBuffer> chunks, Path target) {
        Blocking.requireBlockingAllowed();
        Path absolute = target.toAbsolutePath();
        Path partial;
        try {
            Files.createDirectories(absolute.getParent());
            partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write next to " + target.getFileName(), e);
        }
        boolean done = false;
        try (BlockingChunks it = BlockingChunks.of(chunks, AHEAD);
             FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long written = 0;
            while (it.hasNext()) {
                ByteBuffer chunk = it.next();
                while (chunk.hasRemaining()) {
                    written += file.write(chunk);
                }
            }
            file.force(false);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target.getFileName(), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the partial file is hidden and named .part: harmless if it stays
                }
            }
        }
    }

    /**
     * Writes a download to a stream, which is not closed.
     *
     * @param chunks the download
     * @param out    where to write
     * @return the number of bytes written
     */
    public static long toStream(Flux<ByteBuffer> chunks, OutputStream out) {
        Blocking.requireBlockingAllowed();
        long written = 0;
        byte[] copy = new byte[64 * 1024];
        try (BlockingChunks it = BlockingChunks.of(chunks, AHEAD)) {
            while (it.hasNext()) {
                ByteBuffer chunk = it.next();
                if (chunk.hasArray()) { // the usual case: written from its own array, not copied once more
                    out.write(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
                    written += chunk.remaining();
                    continue;
                }
                while (chunk.hasRemaining()) {
                    int n = Math.min(copy.length, chunk.remaining());
                    chunk.get(copy, 0, n);
                    out.write(copy, 0, n);
                    written += n;
                }
            }
            out.flush();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the download", e);
        }
    }
}
