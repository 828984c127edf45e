package ai.corti.client.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Turns files and input streams into chunk publishers for uploads. Reads are blocking, so they run on
 * {@link Schedulers#boundedElastic()}, never on an event loop; a chunk is read only when the connection asked for
 * one, so an upload of any size holds a few chunks in memory at most. Internal to the SDK.
 */
public final class Uploads {

    /** The size of a chunk read from a file or a stream. */
    static final int CHUNK = 64 * 1024;

    private Uploads() {
    }

    /**
     * Reads a file chunk by chunk; each subscription reads it again from the start.
     *
     * @param file the file
     * @return the chunks
     */
    public static Flux<ByteBuffer> chunks(Path file) {
        return Flux.using(() -> FileChannel.open(file, StandardOpenOption.READ),
                        channel -> Flux.<ByteBuffer>generate(sink -> {
                            try {
                                ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
                                int read = channel.read(chunk);
                                if (read < 0) {
                                    sink.complete();
                                } else {
                                    sink.next(chunk.flip());
                                }
                            } catch (IOException e) {
                                sink.error(new UncheckedIOException("cannot read " + file.getFileName(), e));
                            }
                        }),
                        Uploads::closeQuietly)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Reads a stream chunk by chunk. A stream can be read once: the result must not be subscribed twice. The
     * stream is not closed here; its owner closes it.
     *
     * @param in the stream
     * @return the chunks
     */
    public static Flux<ByteBuffer> chunks(InputStream in) {
        return Flux.<ByteBuffer>generate(sink -> {
                    try {
                        byte[] chunk = new byte[CHUNK];
                        int read = in.readNBytes(chunk, 0, CHUNK);
                        if (read <= 0) {
                            sink.complete();
                        } else {
                            sink.next(ByteBuffer.wrap(chunk, 0, read));
                        }
                    } catch (IOException e) {
                        sink.error(new UncheckedIOException("cannot read the upload stream", e));
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of a read-only file loses nothing
        }
    }
}
