package ai.corti.client.core;

import ai.corti.client.core.internal.http.Uploads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Content to upload (a recording): a file, bytes, a stream or a publisher of chunks, with its length when known.
 * It is sent as the connection takes it, so memory stays flat whatever its size: a file is read chunk by chunk from
 * disk, never whole.
 *
 * <pre>{@code
 * recordings.upload(interactionId, BinaryContent.of(Path.of("visit.wav")));
 * recordings.upload(interactionId, BinaryContent.of(inputStream, length));   // read once
 * }</pre>
 *
 * <p>A file or bytes can be sent again (a retry, when the request provably never left); a stream or a publisher
 * is read once, so an upload from one is never retried. Unless you set one, the media type sent is the one the
 * operation declares ({@code application/octet-stream} for recordings).
 */
public final class BinaryContent {

    private final Path file;
    private final byte[] bytes;
    private final Publisher<ByteBuffer> chunks;
    private final long length;
    private final String mediaType;

    private BinaryContent(Path file, byte[] bytes, Publisher<ByteBuffer> chunks, long length, String mediaType) {
        this.file = file;
        this.bytes = bytes;
        this.chunks = chunks;
        this.length = length;
        this.mediaType = mediaType;
    }

    /**
     * Content read from a file when it is sent.
     *
     * @param file a readable regular file
     * @return the content
     * @throws IllegalArgumentException when the file is not a readable regular file
     */
    public static BinaryContent of(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("file is not a readable regular file: " + file.getFileName());
        }
        try {
            return new BinaryContent(file, null, null, Files.size(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file.getFileName(), e);
        }
    }

    /**
     * Content read from a file when it is sent, with the media type its extension names: {@code audio/wav} for
     * {@code .wav}, {@code audio/mpeg} for {@code .mp3}, and so on for {@code .webm}, {@code .ogg}, {@code .opus},
     * {@code .flac}, {@code .m4a} and {@code .mp4}; another extension sends the type the operation declares.
     *
     * <pre>{@code
     * recordings.upload(interactionId, BinaryContent.fromFile(Path.of("visit.wav")));   // Content-Type: audio/wav
     * }</pre>
     *
     * @param file a readable regular file
     * @return the content
     * @throws IllegalArgumentException when the file is not a readable regular file
     */
    public static BinaryContent fromFile(Path file) {
        BinaryContent content = of(file);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : AUDIO_TYPES.get(name.substring(dot + 1));
        return type == null ? content : content.withMediaType(type);
    }

    /** The audio formats Corti takes, by file extension. */
    private static final java.util.Map<String, String> AUDIO_TYPES = java.util.Map.of(
            "wav", "audio/wav", "mp3", "audio/mpeg", "webm", "audio/webm", "ogg", "audio/ogg", "opus", "audio/ogg",
            "flac", "audio/flac", "m4a", "audio/mp4", "mp4", "audio/mp4");

    /**
     * Content held in memory. The array is not copied: do not change it until the call has completed.
     *
     * @param bytes the content
     * @return the content
     */
    public static BinaryContent of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes must not be null");
        return new BinaryContent(null, bytes, null, bytes.length, null);
    }

    /**
     * Content read from a stream as the connection takes it, on a thread where blocking reads are fine. The stream
     * is read once (an upload from it is never retried) and not closed here.
     *
     * @param stream the content
     * @param length its length in bytes, or {@code -1} when unknown (then sent chunked)
     * @return the content
     */
    public static BinaryContent of(InputStream stream, long length) {
        Objects.requireNonNull(stream, "stream must not be null");
        return new BinaryContent(null, null, Uploads.chunks(stream), requireLength(length), null);
    }

    /**
     * Content from a publisher of chunks, requested as the connection takes them (backpressure). It is subscribed
     * once: an upload from it is never retried.
     *
     * @param chunks the content
     * @param length its length in bytes, or {@code -1} when unknown (then sent chunked)
     * @return the content
     */
    public static BinaryContent of(Publisher<ByteBuffer> chunks, long length) {
        Objects.requireNonNull(chunks, "chunks must not be null");
        return new BinaryContent(null, null, chunks, requireLength(length), null);
    }

    /**
     * Returns this content sent with another media type than the operation declares, e.g. {@code audio/wav}.
     *
     * @param mediaType the media type
     * @return the content
     * @throws IllegalArgumentException when the media type is blank or not visible ASCII
     */
    public BinaryContent withMediaType(String mediaType) {
        ai.corti.client.core.internal.validation.HeaderValidation.requireValue("mediaType", mediaType);
        if (mediaType.isBlank()) {
            throw new IllegalArgumentException("mediaType must not be blank");
        }
        return new BinaryContent(file, bytes, chunks, length, mediaType);
    }

    private static long requireLength(long length) {
        if (length < -1) {
            throw new IllegalArgumentException("length must be -1 (unknown) or >= 0, was " + length);
        }
        return length;
    }

    /**
     * Returns the length.
     *
     * @return the length in bytes, or {@code -1} when unknown
     */
    public long length() {
        return length;
    }

    /**
     * Returns the media type set with {@link #withMediaType(String)}.
     *
     * @return the media type, or empty for the operation's own
     */
    public Optional<String> mediaType() {
        return Optional.ofNullable(mediaType);
    }

    /**
     * Returns the file this content is read from.
     *
     * @return the file, or empty when the content is not a file
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Tells whether the content can be sent again.
     *
     * @return {@code true} for a file or bytes; {@code false} for a stream or a publisher, which are read once
     */
    public boolean isReplayable() {
        return chunks == null;
    }

    /**
     * Returns the content as chunks; for a file, each subscription reads it again. Used by the SDK when sending.
     *
     * @return the chunks
     */
    public Flux<ByteBuffer> chunks() {
        if (file != null) {
            return Uploads.chunks(file);
        }
        if (bytes != null) {
            return Flux.just(ByteBuffer.wrap(bytes));
        }
        return Flux.from(chunks);
    }

    /** Shows the kind and length only: the content may be a patient's recording. */
    @Override
    public String toString() {
        String kind = file != null ? "file" : bytes != null ? "bytes" : "stream";
        return "BinaryContent[" + kind + ", length=" + length + (mediaType == null ? "" : ", " + mediaType) + "]";
    }
}
