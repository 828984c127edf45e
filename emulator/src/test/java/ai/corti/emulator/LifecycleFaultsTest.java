package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults aimed at one operation: a failed, delayed or dropped upload, and faults of other operations untouched. */
class LifecycleFaultsTest {

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
    void aFaultForUploadsWaitsForTheNextUploadAndStoresNothing() {
        Faults uploads = emulator.faults().forOperation(CortiOperations.RECORDINGS_UPLOAD);
        uploads.failNext(1, 503, Duration.ofSeconds(3));

        assertThat(http.call("GET", "/interactions/" + interaction + "/recordings/", token, "base", null).statusCode())
                .isEqualTo(200);
        assertThat(uploads.pending()).isEqualTo(1);
        HttpResponse<String> failed = http.upload(token, "base", interaction, new byte[200_000]);

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(RawHttp.json(failed).get("detail").asText()).contains("Injected fault");
        assertThat(emulator.storedRecordingBytes()).isZero();
        assertThat(emulator.data("base").recordings(UUID.fromString(interaction))).isEmpty();
        assertThat(http.upload(token, "base", interaction, new byte[] {1}).statusCode()).isEqualTo(201);
    }

    @Test
    void aDelayedUploadIsAnsweredLateAndItsRecordingExistsOnceAnswered() {
        emulator.faults().forOperation(CortiOperations.RECORDINGS_UPLOAD).delayNext(1, Duration.ofMillis(300));

        long started = System.nanoTime();
        HttpResponse<String> uploaded = http.upload(token, "base", interaction, new byte[] {1, 2, 3});

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(300);
        assertThat(uploaded.statusCode()).isEqualTo(201);
        assertThat(emulator.data("base").recordings(UUID.fromString(interaction))).singleElement()
                .satisfies(recording -> assertThat(recording.bytes()).containsExactly(1, 2, 3));
    }

    @Test
    void aDroppedUploadLosesItsConnectionAndStoresNothing() {
        emulator.faults().forOperation(CortiOperations.RECORDINGS_UPLOAD).dropNext(1);
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/interactions/"
                        + interaction + "/recordings/"))
                .header("Authorization", "Bearer " + token).header("Tenant-Name", "base")
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[50_000]));

        assertThatThrownBy(() -> http.client().send(upload.build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(emulator.storedRecordingBytes()).isZero();
        assertThat(emulator.exchanges()).filteredOn(RecordedExchange::isApiCall).last()
                .satisfies(exchange -> assertThat(exchange.status()).isZero());
    }

    @Test
    void aScopedFaultComesBeforeOneForAnyCallAndEachScopeCountsAndClearsItsOwn() {
        Faults facts = emulator.faults().forOperation(CortiOperations.FACTS_CREATE);
        emulator.faults().failNext(1, 502);
        facts.failNext(1, 500);
        emulator.faults().failNextTranscriptions(2);

        assertThat(emulator.faults().pending()).isEqualTo(4);
        assertThat(facts.pending()).isEqualTo(1);
        HttpResponse<String> created = http.call("POST", "/interactions/" + interaction + "/facts/", token, "base",
                "{\"facts\":[{\"text\":\"x\",\"group\":\"other\"}]}");
        assertThat(created.statusCode()).isEqualTo(500);
        assertThat(emulator.data("base").facts(UUID.fromString(interaction))).isEmpty();
        assertThat(http.call("GET", "/factgroups/", token, "base", null).statusCode()).isEqualTo(502);
        assertThat(facts.pending()).isZero();
        assertThat(emulator.faults().pending()).isEqualTo(2);

        facts.dropNext(2);
        facts.clear();
        assertThat(emulator.faults().pending()).isEqualTo(2);
        emulator.faults().clear();
        assertThat(emulator.faults().pending()).isZero();
        assertThatThrownBy(() -> emulator.faults().forOperation("recordings_transcode"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordings_upload");
        assertThatThrownBy(() -> emulator.faults().failNextTranscriptions(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
