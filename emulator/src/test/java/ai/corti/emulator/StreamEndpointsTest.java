package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.testing.MutableClock;
import ai.corti.emulator.streams.LiveStreamSession;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.emulator.streams.StreamSessionRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator's real-time endpoints, spoken to with the JDK's own WebSocket client (not the SDK): the upgrade's
 * checks, the handshake rules (configuration first, within the deadline, once), the answers, transcripts and
 * commands as audio arrives, flush, end, and what tests can script.
 */
@Timeout(60)
class StreamEndpointsTest {

    private static final String DICTATION = "{\"type\":\"config\",\"configuration\":{\"primaryLanguage\":\"en\","
            + "\"commands\":[{\"id\":\"next\",\"phrases\":[\"next section\"]},{\"id\":\"insert\",\"phrases\":"
            + "[\"insert {template} exam template\"],\"variables\":[{\"key\":\"template\",\"type\":\"enum\",\"enum\":"
            + "[\"normal\",\"abnormal\"]}]}]}}";
    private static final String CONSULTATION = "{\"type\":\"config\",\"configuration\":{\"transcription\":"
            + "{\"primaryLanguage\":\"en\",\"participants\":[{\"channel\":0,\"role\":\"multiple\"}]},\"mode\":"
            + "{\"type\":\"transcription\"}}}";

    private static final MutableClock CLOCK = new MutableClock();
    private static CortiEmulator emulator;
    private static RawHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = CortiEmulator.builder().clock(CLOCK).tokenLifetime(Duration.ofSeconds(60)).start();
        http = new RawHttp(emulator);
        token = "Bearer " + http.token("base");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    private static RawSocket transcribe() {
        return RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/transcribe", "base", token);
    }

    private static StreamControls streams() {
        return emulator.streams();
    }

    @Test
    void theConfigurationIsAcceptedWithItsEchoAndASessionIdThenEndClosesTheSession() {
        try (RawSocket socket = transcribe()) {
            JsonNode accepted = socket.text(DICTATION).nextJson();

            assertThat(accepted.get("type").asText()).isEqualTo("CONFIG_ACCEPTED");
            assertThat(UUID.fromString(accepted.get("sessionId").asText())).isNotNull();
            assertThat(accepted.get("configuration").get("commands")).hasSize(2);

            socket.binary(48_000).text("{\"type\":\"end\"}");
            assertThat(socket.nextJson().get("data").get("text").asText())
                    .isEqualTo("patient presents with a sore throat and fever for three days period");
            assertThat(socket.nextJson().get("data").get("id").asText()).isEqualTo("next"); // the held half second
            assertThat(socket.nextJson()).isEqualTo(json("{\"type\":\"usage\",\"credits\":0.025}"));
            assertThat(socket.nextJson()).isEqualTo(json("{\"type\":\"ended\"}"));
            assertThat(socket.awaitClose()).isEqualTo(1000);
        }
        StreamSessionRecord record = streams().sessions().get(0);
        assertThat(record.audioBytes()).isEqualTo(48_000);
        assertThat(record.clientMessages()).containsExactly("end");
        assertThat(record.closedBy()).isEqualTo("server");
        assertThat(record.tokenLabel()).hasSize(12);
        assertThat(token).doesNotContain(record.tokenLabel());
    }

    @Test
    void commandsAreRecognisedWithTheirVariables() {
        streams().transcriptEvery(8_000);
        try (RawSocket socket = transcribe()) {
            socket.text(DICTATION).next();
            socket.binary(32_000);
            socket.next(); // the first line
            assertThat(socket.nextJson()).isEqualTo(json("{\"type\":\"command\",\"data\":{\"id\":\"next\",\"variables\":{},"
                    + "\"rawTranscriptText\":\"next section\",\"start\":0.25,\"end\":0.5}}"));
            socket.next();
            assertThat(socket.nextJson().get("data").get("variables")).isEqualTo(json("{\"template\":\"normal\"}"));
        }
    }

    @Test
    void interimResultsAndAutomaticPunctuation() {
        streams().transcriptEvery(8_000);
        try (RawSocket socket = transcribe()) {
            socket.text("{\"type\":\"config\",\"configuration\":{\"primaryLanguage\":\"en\",\"interimResults\":true,"
                    + "\"automaticPunctuation\":true}}").next();
            socket.binary(4_000);
            JsonNode interim = socket.nextJson().get("data");
            socket.binary(4_000);
            JsonNode last = socket.nextJson().get("data");

            assertThat(interim.get("isFinal").asBoolean()).isFalse();
            assertThat(interim.get("text").asText()).isEqualTo("patient presents with a sore throat");
            assertThat(last.get("isFinal").asBoolean()).isTrue();
            assertThat(last.get("text").asText())
                    .isEqualTo("Patient presents with a sore throat and fever for three days period.");
        }
    }

    @Test
    void flushEmitsWhatIsHeldThenFlushedAndTheSessionStaysOpen() {
        try (RawSocket socket = transcribe()) {
            socket.text(DICTATION).next();
            socket.binary(16_000).text("{\"type\":\"flush\"}");

            assertThat(socket.nextJson().get("data").get("end").asDouble()).isEqualTo(0.5);
            assertThat(socket.nextJson()).isEqualTo(json("{\"type\":\"flushed\"}"));
            socket.text("{\"type\":\"flush\"}");
            assertThat(socket.nextJson()).isEqualTo(json("{\"type\":\"flushed\"}")); // nothing held this time
        }
    }

    @Test
    void noConfigurationWithinTheDeadlineIsAnsweredAndClosed() {
        streams().configTimeout(Duration.ofMillis(200));
        try (RawSocket socket = transcribe()) {
            assertThat(socket.nextJson().get("type").asText()).isEqualTo("CONFIG_TIMEOUT");
            assertThat(socket.awaitClose()).isEqualTo(1000);
        }
        String interaction = createInteraction();
        try (RawSocket socket = RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/interactions/" + interaction
                + "/streams", "base", token)) {
            assertThat(socket.nextJson().get("type").asText()).isEqualTo("CONFIG_NOT_PROVIDED");
            assertThat(socket.awaitClose()).isEqualTo(1000);
        }
    }

    @Test
    void audioBeforeTheConfigurationIsConfigMissing() {
        try (RawSocket socket = transcribe()) {
            socket.binary(100);
            assertThat(socket.nextJson().get("type").asText()).isEqualTo("CONFIG_MISSING");
            assertThat(socket.awaitClose()).isEqualTo(1000);
        }
    }

    @Test
    void aSecondConfigurationIsAlreadyReceivedAndAnUnknownMessageAnError() {
        try (RawSocket socket = transcribe()) {
            socket.text(DICTATION).next();
            socket.text(DICTATION);
            assertThat(socket.nextJson().get("type").asText()).isEqualTo("CONFIG_ALREADY_RECEIVED");
            socket.text("{\"type\":\"pause\"}");
            JsonNode error = socket.nextJson();
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("error").get("details").asText()).isEqualTo("unknown message type 'pause'");
            socket.text("{\"type\":\"flush\"}");
            assertThat(socket.nextJson().get("type").asText()).isEqualTo("flushed");
        }
    }

    @Test
    void audioBeforeTheDelayedAcceptanceIsCountedAsLost() {
        streams().nextSession().delayAcceptance(Duration.ofMillis(300));
        try (RawSocket socket = transcribe()) {
            socket.text(DICTATION).binary(1_000);
            assertThat(socket.nextJson().get("type").asText()).isEqualTo("CONFIG_ACCEPTED");
            socket.binary(2_000).text("{\"type\":\"end\"}");
            assertThat(socket.awaitClose()).isEqualTo(1000);
        }
        assertThat(streams().sessions().get(0).audioBytesBeforeAcceptance()).isEqualTo(1_000);
        assertThat(streams().sessions().get(0).audioBytes()).isEqualTo(2_000);
    }

    @Test
    void theUpgradeIsCheckedLikeARestCall() throws Exception {
        String interaction = createInteraction();
        String other = "Bearer " + http.token("other");

        assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/transcribe", null, token), 400);
        assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/transcribe", "base", null), 401);
        assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/transcribe", "base", "Bearer nope"), 401);
        assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/transcribe", "base", other), 403);
        assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/interactions/" + UUID.randomUUID()
                + "/streams", "base", token), 404);
        assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/interactions/" + interaction
                + "/streams", "other", other), 404); // another tenant's interaction
        assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/interactions/not-a-uuid/streams",
                "base", token), 404);
        assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/somewhere", "base", token), 404);
        streams().nextSession().refuseUpgrade(503);
        assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/transcribe", "base", token), 503);

        HttpResponse<String> plain = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                emulator.baseUrl().replace("/v2", "/audio-bridge/v2/transcribe?tenant-name=base"))).GET());
        assertThat(plain.statusCode()).isEqualTo(426);
        assertThat(plain.headers().firstValue("Upgrade")).contains("websocket");

        assertThat(streams().sessions()).extracting(StreamSessionRecord::upgradeStatus)
                .containsExactly(400, 401, 401, 403, 404, 404, 404, 404, 503, 426);
        assertThat(streams().sessions()).extracting(StreamSessionRecord::closedBy).containsOnly("refused");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String shortLived = "Bearer " + http.token("base");
        CLOCK.advance(Duration.ofSeconds(61));
        try {
            assertRefused(() -> RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/transcribe", "base", shortLived), 401);
        } finally {
            token = "Bearer " + http.token("base"); // a new one for the tests after this
        }
    }

    @Test
    void scriptsAreTakenInOrderOnePerUpgrade() {
        streams().nextSession().answerConfig("CONFIG_DENIED", "first");
        streams().nextSession().afterAcceptance("{\"type\":\"hello\"}");
        assertThat(streams().pendingScripts()).isEqualTo(2);
        try (RawSocket first = transcribe()) {
            JsonNode denied = first.text(DICTATION).nextJson();
            assertThat(denied).isEqualTo(json("{\"type\":\"CONFIG_DENIED\",\"reason\":\"first\"}"));
            assertThat(first.awaitClose()).isEqualTo(1000);
        }
        try (RawSocket second = transcribe()) {
            second.text(DICTATION).next();
            assertThat(second.next()).isEqualTo("{\"type\":\"hello\"}");
        }
        assertThat(streams().pendingScripts()).isZero();
    }

    @Test
    void aLiveSessionCanBeDroppedOrClosedByTheTest() {
        try (RawSocket socket = transcribe()) {
            socket.text(DICTATION).next();
            LiveStreamSession live = streams().awaitSession(0, RawSocket.WAIT);
            live.close(4000, "bye");
            assertThat(socket.awaitClose()).isEqualTo(4000);
            assertThat(live.awaitClosed(RawSocket.WAIT).closedBy()).isEqualTo("server");
        }
        try (RawSocket socket = transcribe()) {
            socket.text(DICTATION).next();
            streams().awaitSession(1, RawSocket.WAIT).drop();
            assertThat(socket.awaitDropped()).isIn(-1, 1006);
        }
    }

    @Test
    void resetDropsOpenSessionsAndForgetsRecords() {
        try (RawSocket socket = transcribe()) {
            socket.text(DICTATION).next();
            assertThat(streams().openSessions()).isEqualTo(1);

            emulator.reset();

            assertThat(socket.awaitClose()).isIn(-1, 1006);
            assertThat(streams().sessions()).isEmpty();
            assertThatThrownBy(() -> streams().awaitSession(0, Duration.ofMillis(50))).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> streams().transcriptEvery(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> streams().dialogue(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> streams().nextSession().refuseUpgrade(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> streams().nextSession().delayAcceptance(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCustomDialogueIsTranscribedAndItsLinesBecomeFacts() {
        streams().transcriptEvery(1_000).dialogue(java.util.List.of("Hello there.", "Chest pain since Monday."));
        String interaction = createInteraction();
        try (RawSocket socket = RawSocket.open(emulator.baseUrl(), "/audio-bridge/v2/interactions/" + interaction
                + "/streams", "base", token)) {
            socket.text(CONSULTATION.replace("\"transcription\"}", "\"facts\",\"outputLocale\":\"en\"}")).next();
            socket.binary(2_000).text("{\"type\":\"end\"}");

            assertThat(socket.nextJson().get("data").get(0).get("transcript").asText()).isEqualTo("Hello there.");
            assertThat(socket.nextJson().get("data").get(0).get("speakerId").asInt()).isEqualTo(-1);
            JsonNode facts = socket.nextJson();
            assertThat(facts.get("type").asText()).isEqualTo("facts");
            assertThat(facts.get("fact")).extracting(f -> f.get("text").asText())
                    .containsExactly("Hello there.", "Chest pain since Monday.");
            assertThat(socket.nextJson().get("type").asText()).isEqualTo("usage");
            assertThat(socket.nextJson().get("type").asText()).isEqualTo("ENDED");
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable open, int status) {
        assertThatThrownBy(open).isInstanceOfSatisfying(RawSocket.Refused.class, e -> assertThat(e.status).isEqualTo(status));
    }

    private static String createInteraction() {
        HttpResponse<String> created = http.call("POST", "/interactions/", token.substring(7), "base",
                RawHttp.createBody("enc", "planned", "consultation"));
        return RawHttp.json(created).get("interactionId").asText();
    }

    private static JsonNode json(String text) {
        try {
            return RawHttp.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
