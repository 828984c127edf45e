package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting an interaction deletes everything it holds, and only that: its recordings (their memory given back),
 * transcripts, facts, classic documents and the guided documents generated from it. Also for an upload still
 * arriving when the interaction goes.
 */
class CascadeTest {

    private static CortiEmulator emulator;
    private static RawHttp http;
    private static String token;

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
    }

    @Test
    void deletingAnInteractionDeletesEverythingItHoldsAndNothingElse() {
        String doomed = populate();
        String kept = populate();
        String guidedAlone = guided(null);
        UUID doomedId = UUID.fromString(doomed);
        UUID keptId = UUID.fromString(kept);
        long bytesOfOne = emulator.storedRecordingBytes() / 2;

        assertThat(http.call("DELETE", "/interactions/" + doomed, token, "base", null).statusCode()).isEqualTo(204);

        for (String resource : new String[] {"", "/recordings/", "/transcripts/", "/facts/", "/documents/"}) {
            assertThat(http.call("GET", "/interactions/" + doomed + resource, token, "base", null).statusCode())
                    .as(resource).isEqualTo(404);
            assertThat(http.call("GET", "/interactions/" + kept + resource, token, "base", null).statusCode())
                    .as(resource).isEqualTo(200);
        }
        TenantData data = emulator.data("base");
        assertThat(data.interactionIds()).containsExactly(keptId);
        assertThat(data.recordings(doomedId)).isEmpty();
        assertThat(data.transcripts(doomedId)).isEmpty();
        assertThat(data.facts(doomedId)).isEmpty();
        assertThat(data.documents(doomedId)).isEmpty();
        assertThat(data.recordings(keptId)).hasSize(1);
        assertThat(data.transcripts(keptId)).hasSize(1);
        assertThat(data.facts(keptId)).hasSize(2);
        assertThat(data.documents(keptId)).hasSize(1);
        assertThat(data.guidedDocuments()).extracting(TenantData.GuidedDocument::interactionId)
                .containsExactlyInAnyOrder(keptId, null);
        assertThat(data.guidedDocuments()).extracting(d -> d.id().toString()).contains(guidedAlone);
        assertThat(emulator.storedRecordingBytes()).isEqualTo(bytesOfOne);
        assertThat(http.call("DELETE", "/interactions/" + doomed, token, "base", null).statusCode()).isEqualTo(404);
    }

    @Test
    void resetForgetsEveryResourceOfEveryTenant() {
        populate();
        String other = http.token("other");
        String ofOther = http.interaction(other, "other");
        http.upload(other, "other", ofOther, new byte[100]);
        guided(null);

        emulator.reset();

        assertThat(emulator.storedRecordingBytes()).isZero();
        assertThat(emulator.data("base").interactionIds()).isEmpty();
        assertThat(emulator.data("base").guidedDocuments()).isEmpty();
        assertThat(emulator.data("other").interactionIds()).isEmpty();
        assertThat(RawHttp.json(http.call("GET", "/documents/templates/?source=user", token, "base", null))).isEmpty();
        assertThat(http.call("GET", "/interactions/" + ofOther + "/recordings/", other, "other", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anUploadStillArrivingWhenItsInteractionIsDeletedIsNotKept() throws Exception {
        String interaction = http.interaction(token, "base");
        HeldBody body = new HeldBody(16 * 1024, 64);
        HttpClient uploader = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> upload = uploader.sendAsync(HttpRequest.newBuilder(URI.create(
                                emulator.baseUrl() + "/interactions/" + interaction + "/recordings/"))
                        .header("Authorization", "Bearer " + token).header("Tenant-Name", "base")
                        .header("Content-Type", "application/octet-stream").timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.fromPublisher(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(body.halfSent.await(10, TimeUnit.SECONDS)).as("half the body was sent").isTrue();
        // The emulator took the upload (and its first bytes) before the interaction goes: the refusal below comes
        // from the end of the upload, not from its start.
        Await.until(() -> emulator.storedRecordingBytes() > 0, "the emulator is storing the upload");

        assertThat(http.call("DELETE", "/interactions/" + interaction, token, "base", null).statusCode())
                .isEqualTo(204);
        body.release();

        HttpResponse<String> answer = upload.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
        assertThat(emulator.storedRecordingBytes()).isZero();
        assertThat(emulator.data("base").recordings(UUID.fromString(interaction))).isEmpty();
    }

    /** Creates an interaction holding one of everything; answers its id. */
    private String populate() {
        String id = http.interaction(token, "base");
        String in = "/interactions/" + id;
        String recording = RawHttp.json(http.upload(token, "base", id, RecordingsTest.randomBytes(5000, 5)))
                .get("recordingId").asText();
        assertThat(http.call("POST", in + "/transcripts/", token, "base", "{\"recordingId\":\"" + recording
                + "\",\"primaryLanguage\":\"en\"}").statusCode()).isEqualTo(201);
        assertThat(http.call("POST", in + "/facts/", token, "base", "{\"facts\":[{\"text\":\"a\",\"group\":\"other\"},"
                + "{\"text\":\"b\",\"group\":\"plan\"}]}").statusCode()).isEqualTo(200);
        assertThat(http.call("POST", in + "/documents/", token, "base", "{\"templateKey\":\"corti-soap\","
                + "\"outputLanguage\":\"en\",\"context\":[{\"type\":\"string\",\"data\":\"Fever.\"}]}")
                .statusCode()).isEqualTo(201);
        guided(id);
        return id;
    }

    /** Stores a guided document, from an interaction or from text; answers its id. */
    private String guided(String interaction) {
        String template = RawHttp.json(http.call("GET", "/documents/templates/", token, "base", null)).get(0)
                .get("id").asText();
        HttpResponse<String> created = http.call("POST", "/documents/", token, "base", "{\"outputLanguage\":\"en\","
                + (interaction == null ? "\"context\":[{\"type\":\"text\",\"text\":\"Fever.\"}]"
                : "\"interactionId\":\"" + interaction + "\"") + ",\"templateRef\":{\"templateId\":\"" + template
                + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RawHttp.json(created).get("document").get("id").asText();
    }

    /** A chunked body that sends half its chunks, then waits (without blocking anyone) until released. */
    private static final class HeldBody implements Flow.Publisher<ByteBuffer> {

        final CountDownLatch halfSent = new CountDownLatch(1);
        private final int size;
        private final int count;
        private Flow.Subscriber<? super ByteBuffer> subscriber;
        private long demand;
        private int sent;
        private boolean released;
        private boolean done;

        HeldBody(int size, int count) {
            this.size = size;
            this.count = count;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    synchronized (HeldBody.this) {
                        demand += n;
                    }
                    drain();
                }

                @Override
                public void cancel() {
                    synchronized (HeldBody.this) {
                        done = true;
                    }
                }
            });
        }

        void release() {
            synchronized (this) {
                released = true;
            }
            drain();
        }

        private synchronized void drain() {
            while (!done && demand > 0) {
                if (sent == count) {
                    done = true;
                    subscriber.onComplete();
                    return;
                }
                if (sent == count / 2 && !released) {
                    halfSent.countDown();
                    return;
                }
                demand--;
                sent++;
                subscriber.onNext(ByteBuffer.wrap(new byte[size]));
            }
        }
    }
}
