package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.testing.Await;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recordings through real HTTP: bytes in and the same bytes out, listing and deleting, validation, and both caps
 * (one recording's, from the spec, and the emulator-wide budget), including uploads without a Content-Length.
 */
class RecordingsTest {

    private static CortiEmulator emulator;
    private static RawHttp http;
    private static String token;
    private String interaction;

    @BeforeAll
    static void start() {
        emulator = CortiEmulator.start();
        http = new RawHttp(emulator);
        token = http.token("base");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void fresh() {
        emulator.reset();
        interaction = http.interaction(token, "base");
    }

    @Test
    void aRecordingComesBackByteForByte() {
        byte[] audio = randomBytes(3 * 1024 * 1024 + 17, 42); // several storage blocks, every byte value

        HttpResponse<String> uploaded = http.upload(token, "base", interaction, audio);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String recordingId = RawHttp.json(uploaded).get("recordingId").asText();
        HttpResponse<byte[]> downloaded = http.download(token, "base", interaction, recordingId);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(downloaded.headers().firstValueAsLong("Content-Length")).hasValue(audio.length);
        assertThat(downloaded.body()).isEqualTo(audio);
        TenantData.Recording stored = emulator.data("base").recordings(UUID.fromString(interaction)).get(0);
        assertThat(stored.id().toString()).isEqualTo(recordingId);
        assertThat(stored.bytes()).isEqualTo(audio);
        assertThat(emulator.storedRecordingBytes()).isEqualTo(audio.length);
        assertThat(emulator.exchanges()).filteredOn(e -> CortiOperations.RECORDINGS_UPLOAD.equals(e.operationId()))
                .singleElement().satisfies(e -> assertThat(e.requestBody()).isEqualTo("<binary, " + audio.length
                        + " bytes>"));
    }

    @Test
    void recordingsAreListedInUploadOrderAndDeletedOneByOne() {
        String first = recordingId(http.upload(token, "base", interaction, new byte[] {1, 2, 3}));
        String second = recordingId(http.upload(token, "base", interaction, new byte[] {4, 5}));

        assertThat(ids(http.call("GET", "/interactions/" + interaction + "/recordings/", token, "base", null)))
                .containsExactly(first, second);
        HttpResponse<String> deleted = http.call("DELETE", "/interactions/" + interaction + "/recordings/" + first,
                token, "base", null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.headers().firstValue("Content-Type")).isEmpty();
        assertThat(ids(http.call("GET", "/interactions/" + interaction + "/recordings", token, "base", null)))
                .containsExactly(second);
        assertThat(http.call("DELETE", "/interactions/" + interaction + "/recordings/" + first, token, "base", null)
                .statusCode()).isEqualTo(404);
        assertThat(http.download(token, "base", interaction, first).statusCode()).isEqualTo(404);
        assertThat(emulator.storedRecordingBytes()).isEqualTo(2);
    }

    @Test
    void badIdsUnknownInteractionsAndWrongBodiesAreRefusedNamingWhatIsWrong() {
        HttpResponse<String> badId = http.call("GET", "/interactions/" + interaction + "/recordings/nope", token,
                "base", null);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(badId).path("validationErrors").get(0).has("recordingId")).isTrue();

        HttpResponse<String> unknown = http.upload(token, "base", UUID.randomUUID().toString(), new byte[] {1});
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(unknown).get("detail").asText()).contains("Interaction");

        HttpResponse<String> empty = http.upload(token, "base", interaction, new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(empty).path("validationErrors").get(0).has("body")).isTrue();

        HttpResponse<String> json = http.call("POST", "/interactions/" + interaction + "/recordings/", token, "base",
                "{\"audio\":1}");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(RawHttp.json(json).get("detail").asText()).contains("application/octet-stream");

        HttpResponse<String> unauthorized = http.upload("not-a-token", "base", interaction, new byte[] {1});
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(emulator.storedRecordingBytes()).isZero();
        assertThat(emulator.data("base").recordings(UUID.fromString(interaction))).isEmpty();
    }

    @Test
    void audioMediaTypesAreAcceptedToo() {
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                        + "/interactions/" + interaction + "/recordings/"))
                .header("Authorization", "Bearer " + token).header("Tenant-Name", "base")
                .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {9})));

        assertThat(uploaded.statusCode()).isEqualTo(201);
    }

    @Test
    void theSpecsSizeLimitIsReadFromItsProseAndEnforcedToTheByte() {
        ObjectNode document = SpecSchemas.shared().document().deepCopy();
        ObjectNode upload = (ObjectNode) document.at("/paths/~1interactions~1{id}~1recordings~1/post");
        upload.put("description", "Upload a recording. There is a maximum limit of 1 MB in file size.");
        try (CortiEmulator small = CortiEmulator.builder().spec(SpecSchemas.of(document)).start()) {
            RawHttp smallHttp = new RawHttp(small);
            String smallToken = smallHttp.token("base");
            String id = smallHttp.interaction(smallToken, "base");

            assertThat(small.maxRecordingSize()).isEqualTo(1_000_000);
            assertThat(smallHttp.upload(smallToken, "base", id, new byte[1_000_000]).statusCode()).isEqualTo(201);
            HttpResponse<String> tooLarge = smallHttp.upload(smallToken, "base", id, new byte[1_000_001]);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(RawHttp.json(tooLarge).get("detail").asText()).contains("1000001 bytes")
                    .contains("1000000 bytes");
            assertThat(small.storedRecordingBytes()).isEqualTo(1_000_000);
        }
        assertThat(emulator.maxRecordingSize()).isEqualTo(150_000_000);
    }

    @Test
    void anUploadWithoutContentLengthIsCutOffAtTheLimitAndNothingIsKept() {
        try (CortiEmulator small = CortiEmulator.builder().maxRecordingSize(100_000).start()) {
            RawHttp smallHttp = new RawHttp(small);
            String smallToken = smallHttp.token("base");
            String id = smallHttp.interaction(smallToken, "base");

            HttpResponse<String> refused = smallHttp.send(HttpRequest.newBuilder(URI.create(small.baseUrl()
                            + "/interactions/" + id + "/recordings/"))
                    .header("Authorization", "Bearer " + smallToken).header("Tenant-Name", "base")
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(chunks(8192, 40)))); // 320 KiB, chunked

            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(small.storedRecordingBytes()).isZero();
            assertThat(small.data("base").recordings(UUID.fromString(id))).isEmpty();
            assertThat(smallHttp.upload(smallToken, "base", id, new byte[100_000]).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void aDeclaredSizePastTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        try (CortiEmulator small = CortiEmulator.builder().maxRecordingSize(1000).start()) {
            RawHttp smallHttp = new RawHttp(small);
            String smallToken = smallHttp.token("base");
            String id = smallHttp.interaction(smallToken, "base");

            // A plain socket: the JDK client of Java 17 waits forever for a 100 that a refusal never sends.
            String answer;
            try (Socket socket = new Socket("127.0.0.1", small.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST /v2/interactions/" + id + "/recordings/ HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Bearer " + smallToken + "\r\nTenant-Name: base\r\n"
                        + "Content-Type: application/octet-stream\r\nContent-Length: 5000\r\n"
                        + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }

            assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue")
                    .containsIgnoringCase("connection: close").contains("5000 bytes");
            assertThat(small.exchanges()).filteredOn(RecordedExchange::isApiCall).last()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(413));
            assertThat(small.storedRecordingBytes()).isZero();
        }
    }

    @Test
    void aBodyThatStopsArrivingClosesItsConnectionAndKeepsNothing() throws IOException {
        try (CortiEmulator impatient = CortiEmulator.builder().readTimeout(Duration.ofMillis(300)).start()) {
            RawHttp impatientHttp = new RawHttp(impatient);
            String impatientToken = impatientHttp.token("base");
            String id = impatientHttp.interaction(impatientToken, "base");

            long started = System.nanoTime();
            int read;
            try (Socket socket = new Socket("127.0.0.1", impatient.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST /v2/interactions/" + id + "/recordings/ HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Bearer " + impatientToken + "\r\nTenant-Name: base\r\n"
                        + "Content-Type: application/octet-stream\r\nContent-Length: 5000\r\n\r\n").getBytes(
                        StandardCharsets.US_ASCII));
                socket.getOutputStream().write(new byte[1000]); // then nothing more
                socket.getOutputStream().flush();
                read = socket.getInputStream().read();
            }

            assertThat(read).as("the emulator closed the connection unanswered").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300))
                    .isLessThan(Duration.ofSeconds(8));
            Await.until(() -> impatient.storedRecordingBytes() == 0, "the partial upload was given back");
            assertThat(impatient.data("base").recordings(UUID.fromString(id))).isEmpty();
        }
    }

    @Test
    void theEmulatorWideBudgetRefusesUploadsUntilSpaceIsFreed() {
        try (CortiEmulator budget = CortiEmulator.builder().recordingMemoryLimit(1_000_000).start()) {
            RawHttp budgetHttp = new RawHttp(budget);
            String a = budgetHttp.token("tenant-a");
            String b = budgetHttp.token("tenant-b");
            String ofA = budgetHttp.interaction(a, "tenant-a");
            String ofB = budgetHttp.interaction(b, "tenant-b");

            String kept = recordingId(budgetHttp.upload(a, "tenant-a", ofA, new byte[700_000]));
            HttpResponse<String> full = budgetHttp.upload(b, "tenant-b", ofB, new byte[400_000]);

            assertThat(full.statusCode()).isEqualTo(413);
            assertThat(RawHttp.json(full).get("detail").asText()).contains("recordingMemoryLimit")
                    .contains("1000000 bytes");
            assertThat(budget.storedRecordingBytes()).isEqualTo(700_000);
            assertThat(budgetHttp.call("DELETE", "/interactions/" + ofA + "/recordings/" + kept, a, "tenant-a", null)
                    .statusCode()).isEqualTo(204);
            assertThat(budget.storedRecordingBytes()).isZero();
            assertThat(budgetHttp.upload(b, "tenant-b", ofB, new byte[400_000]).statusCode()).isEqualTo(201);
            assertThat(budget.data("tenant-b").recordingBytes()).isEqualTo(400_000);
            assertThat(budget.data("tenant-a").recordingBytes()).isZero();
        }
    }

    private static String recordingId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RawHttp.json(response).get("recordingId").asText();
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(RawHttp.json(response).get("recordings").spliterator(), false)
                .map(node -> node.asText()).toList();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A body of {@code count} chunks of {@code size} bytes, without a length: sent chunked. */
    static Flow.Publisher<ByteBuffer> chunks(int size, int count) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private int sent;
            private boolean done;

            @Override
            public synchronized void request(long n) {
                for (long i = 0; i < n && !done; i++) {
                    if (sent == count) {
                        done = true;
                        subscriber.onComplete();
                        return;
                    }
                    sent++;
                    subscriber.onNext(ByteBuffer.wrap(new byte[size]));
                }
            }

            @Override
            public synchronized void cancel() {
                done = true;
            }
        });
    }
}
