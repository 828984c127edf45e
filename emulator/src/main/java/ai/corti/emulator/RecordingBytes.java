package ai.corti.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;

/**
 * The stored bytes of one recording: direct (off-heap) blocks, full except the last, never changed once written. Off
 * the Java heap so that the audio a test suite uploads does not crowd the heap of the code under test; counted
 * against the emulator-wide limit ({@link RecordingMemory}) until {@link #release()}.
 *
 * <p>The blocks are plain JDK buffers: the garbage collector frees them once nothing refers to them, so a download
 * still running when the recording is deleted keeps its bytes, and a cancelled one leaks nothing.
 */
final class RecordingBytes implements Reply.Binary {

    private final List<ByteBuffer> blocks;
    private final long length;
    private final RecordingMemory memory;
    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * Wraps blocks written by a {@link RecordingWriter}.
     *
     * @param blocks the blocks, each flipped (position 0, limit at its end)
     * @param length their total length
     * @param memory where the bytes are counted
     */
    RecordingBytes(List<ByteBuffer> blocks, long length, RecordingMemory memory) {
        this.blocks = blocks.stream().map(ByteBuffer::asReadOnlyBuffer).toList();
        this.length = length;
        this.memory = memory;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Flux<ByteBuf> chunks() {
        // A read-only duplicate per block: its own position, and Netty's wrapper never frees a read-only buffer.
        return Flux.fromIterable(blocks).map(block -> Unpooled.wrappedBuffer(block.duplicate()));
    }

    /**
     * Returns the first bytes, for choosing a transcript.
     *
     * @param max at most this many
     * @return a copy
     */
    byte[] head(int max) {
        byte[] head = new byte[(int) Math.min(max, length)];
        int at = 0;
        for (ByteBuffer block : blocks) {
            if (at == head.length) {
                break;
            }
            ByteBuffer view = block.duplicate();
            int n = Math.min(view.remaining(), head.length - at);
            view.get(head, at, n);
            at += n;
        }
        return head;
    }

    /**
     * Opens the bytes as a stream, for tests that inspect a recording.
     *
     * @return a stream over the bytes
     */
    InputStream open() {
        return new BlocksInputStream(blocks);
    }

    /** Stops counting these bytes against the emulator's limit. Idempotent. */
    void release() {
        if (released.compareAndSet(false, true)) {
            memory.release(length);
        }
    }

    /** Reads blocks in order; each read works on duplicates, so streams never disturb each other. */
    private static final class BlocksInputStream extends InputStream {

        private final List<ByteBuffer> blocks;
        private int index;
        private ByteBuffer current;

        BlocksInputStream(List<ByteBuffer> blocks) {
            this.blocks = blocks;
        }

        @Override
        public int read() {
            ByteBuffer block = block();
            return block == null ? -1 : block.get() & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int count) {
            if (count == 0) {
                return 0;
            }
            ByteBuffer block = block();
            if (block == null) {
                return -1;
            }
            int n = Math.min(count, block.remaining());
            block.get(target, offset, n);
            return n;
        }

        private ByteBuffer block() {
            while (current == null || !current.hasRemaining()) {
                if (index == blocks.size()) {
                    return null;
                }
                current = blocks.get(index++).duplicate();
            }
            return current;
        }
    }
}
