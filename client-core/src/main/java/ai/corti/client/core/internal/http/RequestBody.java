package ai.corti.client.core.internal.http;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import org.reactivestreams.Publisher;

/** What a request sends. Internal to the SDK. */
public sealed interface RequestBody {

    /** No body. */
    RequestBody NONE = new Empty();

    /**
     * Returns the body's content type.
     *
     * @return the {@code Content-Type}, or {@code null} without a body
     */
    String contentType();

    /**
     * Tells whether the body can be sent again on a retry without the caller's help.
     *
     * @return {@code true} for no body, bytes and files; {@code false} for a one-shot stream
     */
    boolean replayable();

    /** No body. */
    record Empty() implements RequestBody {
        @Override
        public String contentType() {
            return null;
        }

        @Override
        public boolean replayable() {
            return true;
        }
    }

    /**
     * A body held in memory (JSON, a form, a small upload).
     *
     * @param content     the bytes
     * @param contentType the {@code Content-Type}
     */
    record Bytes(byte[] content, String contentType) implements RequestBody {
        /**
         * Checks the values.
         *
         * @param content     the bytes
         * @param contentType the {@code Content-Type}
         */
        public Bytes {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override
        public boolean replayable() {
            return true;
        }
    }

    /**
     * A file, sent from disk without reading it into memory.
     *
     * @param file        the file
     * @param length      its size in bytes
     * @param contentType the {@code Content-Type}
     */
    record File(Path file, long length, String contentType) implements RequestBody {
        /**
         * Checks the values.
         *
         * @param file        the file
         * @param length      its size in bytes
         * @param contentType the {@code Content-Type}
         */
        public File {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override
        public boolean replayable() {
            return true;
        }
    }

    /**
     * A body streamed from a publisher, chunk by chunk as the connection can take them.
     *
     * @param content     the chunks; subscribed once per attempt
     * @param length      the total length when known, else {@code -1} (sent chunked)
     * @param contentType the {@code Content-Type}
     * @param replayable  whether {@code content} can be subscribed again (a {@code Flux} over a file can, an
     *                    {@code InputStream} cannot)
     */
    record Streamed(Publisher<ByteBuffer> content, long length, String contentType, boolean replayable)
            implements RequestBody {
        /**
         * Checks the values.
         *
         * @param content     the chunks
         * @param length      the total length, or {@code -1}
         * @param contentType the {@code Content-Type}
         * @param replayable  whether {@code content} can be subscribed again
         */
        public Streamed {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(contentType, "contentType");
        }
    }
}
