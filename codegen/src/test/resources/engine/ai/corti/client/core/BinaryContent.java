package ai.corti.client.core;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.reactivestreams.Publisher;

/** Stub: what a binary body was made from. */
public final class BinaryContent {

    /** How it was made, e.g. {@code bytes:3}. */
    public final String source;

    private BinaryContent(String source) {
        this.source = source;
    }

    public static BinaryContent of(Path file) {
        return new BinaryContent("file:" + file.getFileName());
    }

    public static BinaryContent of(byte[] bytes) {
        return new BinaryContent("bytes:" + bytes.length);
    }

    public static BinaryContent of(InputStream stream, long length) {
        return new BinaryContent("stream:" + length);
    }

    public static BinaryContent of(Publisher<ByteBuffer> chunks, long length) {
        return new BinaryContent("chunks:" + length);
    }
}
