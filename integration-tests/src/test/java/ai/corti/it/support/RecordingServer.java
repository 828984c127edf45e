package ai.corti.it.support;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback server for large recordings that never holds one in memory: an upload is counted and checksummed as
 * it streams in, a download is generated as it streams out (a deterministic byte pattern), so tests can move
 * hundreds of megabytes in a small heap and compare checksums.
 */
public final class RecordingServer implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;
    /** The id every upload gets (a random one would read the OS entropy pool on the event loop). */
    public static final UUID RECORDING_ID = UUID.fromString("6f1c2a9e-4b7d-4e2a-9c3f-8a1b2c3d4e5f");

    private final DisposableServer server;
    private final long downloadSize;
    private final AtomicLong uploadedBytes = new AtomicLong();
    private final AtomicLong uploadedCrc = new AtomicLong();
    private final AtomicReference<String> uploadContentType = new AtomicReference<>();

    private RecordingServer(long downloadSize) {
        this.downloadSize = downloadSize;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/v2/interactions/{id}/recordings/", (request, response) -> {
                            CRC32 crc = new CRC32();
                            AtomicLong count = new AtomicLong();
                            uploadContentType.set(request.requestHeaders().get("Content-Type"));
                            return request.receive().doOnNext(chunk -> {
                                count.addAndGet(chunk.readableBytes());
                                crc.update(chunk.nioBuffer());
                            }).then(Mono.defer(() -> {
                                uploadedBytes.set(count.get());
                                uploadedCrc.set(crc.getValue());
                                return response.status(201).header("Content-Type", "application/json")
                                        .sendString(Mono.just("{\"recordingId\":\"" + RECORDING_ID + "\"}"))
                                        .then();
                            }));
                        })
                        .get("/v2/interactions/{id}/recordings/{recordingId}", (request, response) -> response
                                .header("Content-Type", "application/octet-stream")
                                .header("Content-Length", Long.toString(downloadSize))
                                .send(pattern(downloadSize)).then()))
                .bindNow();
    }

    /** Starts a server whose downloads are {@code downloadSize} bytes. */
    public static RecordingServer start(long downloadSize) {
        return new RecordingServer(downloadSize);
    }

    /** The byte at a position of the download pattern. */
    public static byte patternByte(long position) {
        return (byte) (position * 31 + (position >>> 13));
    }

    /** The CRC32 of the first {@code size} bytes of the download pattern. */
    public static long patternCrc(long size) {
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[CHUNK];
        for (long at = 0; at < size; at += CHUNK) {
            int n = (int) Math.min(CHUNK, size - at);
            for (int i = 0; i < n; i++) {
                chunk[i] = patternByte(at + i);
            }
            crc.update(chunk, 0, n);
        }
        return crc.getValue();
    }

    private static Flux<ByteBuf> pattern(long size) {
        long chunks = (size + CHUNK - 1) / CHUNK;
        return Flux.range(0, (int) chunks).map(index -> {
            long at = (long) index * CHUNK;
            int n = (int) Math.min(CHUNK, size - at);
            ByteBuf chunk = Unpooled.buffer(n);
            for (int i = 0; i < n; i++) {
                chunk.writeByte(patternByte(at + i));
            }
            return chunk;
        });
    }

    /** {@code http://127.0.0.1:<port>/v2}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v2";
    }

    /** The size of the last upload received whole. */
    public long uploadedBytes() {
        return uploadedBytes.get();
    }

    /** The CRC32 of the last upload received whole. */
    public long uploadedCrc() {
        return uploadedCrc.get();
    }

    /** The Content-Type of the last upload. */
    public String uploadContentType() {
        return uploadContentType.get();
    }


    @Override
    public void close() {
        server.disposeNow();
    }
}
