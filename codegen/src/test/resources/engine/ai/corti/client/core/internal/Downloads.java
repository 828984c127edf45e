package ai.corti.client.core.internal;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import reactor.core.publisher.Flux;

/** Stub: writes a download somewhere; answers how many bytes (always 0 here: nothing is downloaded). */
public final class Downloads {

    private Downloads() {
    }

    public static long toFile(Flux<ByteBuffer> chunks, Path target) {
        return 0;
    }

    public static long toStream(Flux<ByteBuffer> chunks, OutputStream out) {
        return 0;
    }
}
