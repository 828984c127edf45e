package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.BinaryContent;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.it.support.RecordingServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * A 150 MB recording up and down through each facade in a JVM with a 64 MiB heap (the module's
 * {@code memory-bombs} Surefire execution): an SDK that held the recording in memory would run out of it here.
 * Every transfer is checked byte for byte by CRC32 against what the other side saw.
 */
@Timeout(120)
class LargeRecordingTest {

    private static final long SIZE = 150L * 1000 * 1000;
    private static final UUID INTERACTION = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final UUID RECORDING = UUID.fromString("3c90c3cc-0d44-4b50-8888-8dd25736052a");
    private static final Duration PATIENT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static Path file;
    private static long fileCrc;
    private static RecordingServer server;

    @BeforeAll
    static void start() throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test runs in the small-heap fork")
                .isLessThan(100L * 1024 * 1024);
        server = RecordingServer.start(SIZE);
        file = dir.resolve("visit.wav");
        CRC32 crc = new CRC32();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
            for (long at = 0; at < SIZE; at += chunk.capacity()) {
                chunk.clear();
                int n = (int) Math.min(chunk.capacity(), SIZE - at);
                for (int i = 0; i < n; i++) {
                    chunk.put((byte) ((at + i) * 7));
                }
                chunk.flip();
                crc.update(chunk.duplicate());
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
        }
        fileCrc = crc.getValue();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CortiClient blocking() {
        return CortiClient.builder().tenantName("base").baseUrl(server.baseUrl()).bearerToken("t")
                .responseTimeout(PATIENT).build();
    }

    private static CortiReactiveClient reactive() {
        return CortiReactiveClient.builder().tenantName("base").baseUrl(server.baseUrl()).bearerToken("t")
                .responseTimeout(PATIENT).build();
    }

    @Test
    void blockingUploadsFromAFileAndAStream() throws IOException {
        try (CortiClient client = blocking()) {
            client.recordings().upload(INTERACTION, file);
            assertThat(server.uploadedBytes()).isEqualTo(SIZE);
            assertThat(server.uploadedCrc()).isEqualTo(fileCrc);
            assertThat(server.uploadContentType()).isEqualTo("application/octet-stream");

            try (InputStream in = Files.newInputStream(file)) {
                client.recordings().upload(INTERACTION, in, SIZE);
            }
            assertThat(server.uploadedBytes()).isEqualTo(SIZE);
            assertThat(server.uploadedCrc()).isEqualTo(fileCrc);
        }
    }

    @Test
    void reactiveUploadsFromAFileAndAFluxOfChunks() {
        try (CortiReactiveClient client = reactive()) {
            client.recordings().upload(INTERACTION, file).block(PATIENT);
            assertThat(server.uploadedCrc()).isEqualTo(fileCrc);

            // 150 MB generated chunk by chunk on demand: only what the socket asked for ever exists.
            AtomicLong at = new AtomicLong();
            Flux<ByteBuffer> chunks = Flux.generate(sink -> {
                long from = at.get();
                if (from >= SIZE) {
                    sink.complete();
                    return;
                }
                int n = (int) Math.min(64 * 1024, SIZE - from);
                ByteBuffer chunk = ByteBuffer.allocate(n);
                for (int i = 0; i < n; i++) {
                    chunk.put((byte) ((from + i) * 7));
                }
                at.addAndGet(n);
                sink.next(chunk.flip());
            });
            client.recordings().upload(INTERACTION, BinaryContent.of(chunks, SIZE).withMediaType("audio/wav"))
                    .block(PATIENT);
            assertThat(server.uploadedBytes()).isEqualTo(SIZE);
            assertThat(server.uploadedCrc()).isEqualTo(fileCrc);
            assertThat(server.uploadContentType()).isEqualTo("audio/wav");
        }
    }

    @Test
    void blockingDownloadsToAFileAndAStream() throws IOException {
        try (CortiClient client = blocking()) {
            Path target = dir.resolve("download.wav");
            assertThat(client.recordings().get(INTERACTION, RECORDING, target)).isEqualTo(SIZE);
            assertThat(Files.size(target)).isEqualTo(SIZE);
            assertThat(crcOf(target)).isEqualTo(RecordingServer.patternCrc(SIZE));
            Files.delete(target);

            CrcStream out = new CrcStream();
            assertThat(client.recordings().get(INTERACTION, RECORDING, out)).isEqualTo(SIZE);
            assertThat(out.crc.getValue()).isEqualTo(RecordingServer.patternCrc(SIZE));
        }
    }

    @Test
    void reactiveDownloadsChunkByChunk() {
        try (CortiReactiveClient client = reactive()) {
            CRC32 crc = new CRC32();
            Long total = client.recordings().get(INTERACTION, RECORDING)
                    .map(chunk -> {
                        int n = chunk.remaining();
                        crc.update(chunk);
                        return (long) n;
                    })
                    .reduce(0L, Long::sum)
                    .block(PATIENT);
            assertThat(total).isEqualTo(SIZE);
            assertThat(crc.getValue()).isEqualTo(RecordingServer.patternCrc(SIZE));
        }
    }

    private static long crcOf(Path path) throws IOException {
        CRC32 crc = new CRC32();
        try (FileChannel in = FileChannel.open(path)) {
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
            while (in.read(chunk) > 0) {
                chunk.flip();
                crc.update(chunk);
                chunk.clear();
            }
        }
        return crc.getValue();
    }

    /** Checksums what is written and keeps none of it. */
    private static final class CrcStream extends OutputStream {
        final CRC32 crc = new CRC32();

        @Override
        public void write(int b) {
            crc.update(b);
        }

        @Override
        public void write(byte[] bytes, int off, int len) {
            crc.update(bytes, off, len);
        }
    }
}
