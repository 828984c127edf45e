package ai.corti.emulator;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one upload's bytes as they arrive, copying each chunk once into direct blocks (64 KiB first, doubling up to
 * 1 MiB, so a short recording costs little and a long one few blocks). Every chunk is checked against the two
 * limits before it is kept: the recording's own (the spec's 150 MB) and the emulator-wide budget. Past either, the
 * upload is refused: what was kept is given back and the rest is only counted, so the client can finish sending
 * and read the 413. Used by one connection at a time.
 */
final class RecordingWriter {

    /** Why an upload was refused. */
    enum Refusal {
        /** Larger than one recording may be. */
        RECORDING_TOO_LARGE,
        /** The emulator-wide budget is spent. */
        EMULATOR_FULL,
        /** The JVM has no direct memory left for it (-XX:MaxDirectMemorySize). */
        NO_DIRECT_MEMORY
    }

    private static final int FIRST_BLOCK = 64 * 1024;
    private static final int LARGEST_BLOCK = 1024 * 1024;

    private final long maxSize;
    private final RecordingMemory memory;
    private final List<ByteBuffer> blocks = new ArrayList<>();
    private ByteBuffer current;
    private long size;
    private long reserved;
    private Refusal refusal;
    private boolean closed;

    /**
     * Starts an upload.
     *
     * @param maxSize the most bytes one recording may have
     * @param memory  the emulator-wide budget
     */
    RecordingWriter(long maxSize, RecordingMemory memory) {
        this.maxSize = maxSize;
        this.memory = memory;
    }

    /**
     * Takes a chunk (copied; the caller keeps ownership of the buffer).
     *
     * @param chunk the bytes
     * @return whether to keep reading: {@code false} once a refused upload has been drained for too long
     */
    boolean append(ByteBuf chunk) {
        int readable = chunk.readableBytes();
        size += readable;
        if (closed) {
            return true;
        }
        if (refusal != null) {
            return size <= maxSize + BodyReader.DRAIN_LIMIT;
        }
        if (size > maxSize) {
            return refuse(Refusal.RECORDING_TOO_LARGE);
        }
        if (!memory.reserve(readable)) {
            return refuse(Refusal.EMULATOR_FULL);
        }
        reserved += readable;
        int at = chunk.readerIndex();
        int left = readable;
        try {
            while (left > 0) {
                if (current == null || !current.hasRemaining()) {
                    current = ByteBuffer.allocateDirect(nextBlockSize());
                    blocks.add(current);
                }
                int n = Math.min(left, current.remaining());
                ByteBuffer target = current.duplicate();
                target.limit(target.position() + n);
                chunk.getBytes(at, target);
                current.position(current.position() + n);
                at += n;
                left -= n;
            }
        } catch (OutOfMemoryError e) {
            // Only allocateDirect throws this here: the JVM's direct memory is exhausted. Refuse this upload
            // instead of failing the emulator; everything kept so far is dropped.
            return refuse(Refusal.NO_DIRECT_MEMORY);
        }
        return true;
    }

    /** The bytes that arrived so far, kept or not. */
    long size() {
        return size;
    }

    /** Why the upload is refused, or {@code null}. */
    Refusal refusal() {
        return refusal;
    }

    /**
     * Finishes a successful upload.
     *
     * @return the stored bytes, now owned by the caller (who must {@link RecordingBytes#release()} them)
     * @throws IllegalStateException when the upload was refused or already finished
     */
    RecordingBytes finish() {
        if (refusal != null || closed) {
            throw new IllegalStateException("the upload was " + (closed ? "finished" : "refused"));
        }
        closed = true;
        List<ByteBuffer> flipped = new ArrayList<>(blocks.size());
        for (ByteBuffer block : blocks) {
            flipped.add(block.duplicate().flip());
        }
        blocks.clear();
        return new RecordingBytes(flipped, reserved, memory);
    }

    /** Drops an unfinished upload: its bytes are given back. Idempotent; nothing happens after {@link #finish()}. */
    void abort() {
        if (!closed) {
            closed = true;
            dropKept();
        }
    }

    private boolean refuse(Refusal why) {
        refusal = why;
        dropKept();
        return size <= maxSize + BodyReader.DRAIN_LIMIT;
    }

    private void dropKept() {
        blocks.clear();
        current = null;
        memory.release(reserved);
        reserved = 0;
    }

    private int nextBlockSize() {
        if (blocks.isEmpty()) {
            return FIRST_BLOCK;
        }
        return Math.min(LARGEST_BLOCK, blocks.get(blocks.size() - 1).capacity() * 2);
    }
}
