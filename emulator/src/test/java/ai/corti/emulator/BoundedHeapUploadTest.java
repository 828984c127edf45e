package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Recordings larger than the heap go in and out of the emulator: it runs in its own fork with a 64 MiB heap (the
 * module's {@code small-heap} Surefire execution), uploads 96 MiB and downloads it again, comparing checksums computed
 * as the bytes stream (CRC-32 and length: fast, and enough to catch a lost, repeated or changed chunk), and has a
 * 151 MB upload refused. An emulator that aggregated a body, or kept recordings on the
 * heap, runs out of memory here.
 */
@Timeout(120)
class BoundedHeapUploadTest {

    private static final long MIB = 1024L * 1024;
    private static final int CHUNK = 64 * 1024;

    private static CortiEmulator emulator;
    private static RawHttp http;
    private static String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test runs in the small-heap fork")
                .isLessThan(100 * MIB);
        emulator = CortiEmulator.start();
        http = new RawHttp(emulator);
        token = http.token("base");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aRecordingLargerThanTheHeapGoesInAndComesBackUnchanged() throws Exception {
        long size = 96 * MIB;
        assertThat(size).isGreaterThan(Runtime.getRuntime().maxMemory());
        String interaction = http.interaction(token, "base");
        GeneratedBody body = new GeneratedBody(size, 7);

        HttpResponse<String> uploaded = client.send(upload(interaction)
                .POST(HttpRequest.BodyPublishers.fromPublisher(body, size)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String recordingId = RawHttp.json(uploaded).get("recordingId").asText();
        HttpResponse<InputStream> downloaded = client.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                        + "/interactions/" + interaction + "/recordings/" + recordingId))
                .header("Authorization", "Bearer " + token).header("Tenant-Name", "base")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValueAsLong("Content-Length")).hasValue(size);
        Digest received;
        try (InputStream in = downloaded.body()) {
            received = Digest.of(in);
        }
        assertThat(received.length()).isEqualTo(size);
        assertThat(received.hex()).isEqualTo(body.hex());
        TenantData.Recording stored = emulator.data("base").recordings(UUID.fromString(interaction)).get(0);
        try (InputStream in = stored.openStream()) {
            assertThat(Digest.of(in).hex()).isEqualTo(body.hex());
        }
        assertThat(emulator.storedRecordingBytes()).isEqualTo(size);
    }

    @Test
    void anUploadPastTheSpecsLimitStreamsThroughAndIsRefused() throws Exception {
        String interaction = http.interaction(token, "base");
        long before = emulator.storedRecordingBytes();
        long size = 151_000_000L;

        HttpResponse<String> refused = client.send(upload(interaction)
                .POST(HttpRequest.BodyPublishers.fromPublisher(new GeneratedBody(size, 0))).build(), // chunked
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(RawHttp.json(refused).get("detail").asText()).contains("150000000 bytes");
        assertThat(emulator.storedRecordingBytes()).isEqualTo(before);
        assertThat(emulator.data("base").recordings(UUID.fromString(interaction))).isEmpty();
    }

    private HttpRequest.Builder upload(String interaction) {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/interactions/" + interaction
                        + "/recordings/"))
                .header("Authorization", "Bearer " + token).header("Tenant-Name", "base")
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofSeconds(60));
    }

    /** A checksum and length of a stream, read in chunks. */
    private record Digest(long length, String hex) {

        static Digest of(InputStream in) throws IOException {
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[CHUNK];
            long length = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
                length += n;
            }
            return new Digest(length, Long.toHexString(crc.getValue()));
        }
    }

    /**
     * Pseudo-random bytes made chunk by chunk as the client asks, checksummed as they are made (zeros for seed 0,
     * when only the size matters). One subscriber.
     */
    private static final class GeneratedBody implements Flow.Publisher<ByteBuffer> {

        private final long size;
        private final SplittableRandom random;
        private final CRC32 crc = new CRC32();
        private volatile String hex;

        GeneratedBody(long size, long seed) {
            this.size = size;
            this.random = seed == 0 ? null : new SplittableRandom(seed);
        }

        String hex() {
            return hex;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private long sent;
                private boolean done;

                @Override
                public synchronized void request(long n) {
                    for (long i = 0; i < n && !done; i++) {
                        if (sent == size) {
                            done = true;
                            hex = Long.toHexString(crc.getValue());
                            subscriber.onComplete();
                            return;
                        }
                        byte[] chunk = new byte[(int) Math.min(CHUNK, size - sent)];
                        if (random != null) {
                            random.nextBytes(chunk);
                            crc.update(chunk);
                        }
                        sent += chunk.length;
                        subscriber.onNext(ByteBuffer.wrap(chunk));
                    }
                }

                @Override
                public synchronized void cancel() {
                    done = true;
                }
            });
        }
    }
}
