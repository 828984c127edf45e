package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transcripts through real HTTP: made from a recording, deterministic, in both modes (the synchronous 201 and the
 * asynchronous 202 whose status moves on with the emulator's clock), listed, read, deleted, failed on request.
 */
class TranscriptsTest {

    private static final MutableClock CLOCK = MutableClock.at("2026-03-01T09:00:00Z");
    private static CortiEmulator emulator;
    private static RawHttp http;
    private static String token;
    private String interaction;
    private String recording;

    @BeforeAll
    static void start() {
        emulator = CortiEmulator.builder().clock(CLOCK).tokenLifetime(Duration.ofHours(1))
                .transcriptProcessingTime(Duration.ofSeconds(10)).start();
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
        recording = upload(RecordingsTest.randomBytes(20_000, 1));
    }

    @Test
    void aSynchronousTranscriptIsFinishedAndTheSameForTheSameRecording() {
        HttpResponse<String> created = create("{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode transcript = RawHttp.json(created);
        assertThat(transcript.get("status").asText()).isEqualTo("completed");
        assertThat(transcript.get("recordingId").asText()).isEqualTo(recording);
        assertThat(transcript.get("transcripts")).hasSize(8);
        JsonNode first = transcript.get("transcripts").get(0);
        assertThat(first.get("start").asLong()).isZero();
        assertThat(first.get("end").asLong()).isPositive();
        assertThat(first.get("speakerId").asInt()).isEqualTo(-1);
        assertThat(transcript.path("metadata").path("participantsRoles").get(0).get("role").asText())
                .isEqualTo("multiple");
        assertThat(transcript.path("usageInfo").path("creditsConsumed").asDouble()).isPositive();
        JsonNode again = RawHttp.json(create("{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\"}"));
        assertThat(texts(again)).isEqualTo(texts(transcript));
        assertThat(again.get("id").asText()).isNotEqualTo(transcript.get("id").asText());
    }

    @Test
    void differentRecordingsHearEachOfTheDialogues() {
        List<String> openings = new ArrayList<>();
        for (int seed = 0; seed < 12 && openings.size() < Dialogues.ALL.size(); seed++) {
            String other = upload(RecordingsTest.randomBytes(1000 + seed, seed));
            String opening = texts(RawHttp.json(create("{\"recordingId\":\"" + other
                    + "\",\"primaryLanguage\":\"en\"}"))).get(0);
            if (!openings.contains(opening)) {
                openings.add(opening);
            }
        }

        assertThat(openings).containsExactlyInAnyOrderElementsOf(Dialogues.ALL.stream()
                .map(dialogue -> dialogue.lines().get(0).text()).toList());
    }

    @Test
    void theRequestShapesTheText() {
        JsonNode transcript = RawHttp.json(create("{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\","
                + "\"diarize\":true,\"automaticPunctuation\":false,"
                + "\"participants\":[{\"channel\":0,\"role\":\"doctor\"},{\"channel\":1,\"role\":\"patient\"}],"
                + "\"replacements\":[{\"find\":\"TODAY\",\"replace\":\"this day\"}]}"));

        List<String> texts = texts(transcript);
        assertThat(String.join(" ", texts)).doesNotContain("today").doesNotContain(".").doesNotContain("?")
                .isLowerCase();
        assertThat(texts).anyMatch(text -> text.contains("this day"));
        for (JsonNode utterance : transcript.get("transcripts")) {
            int participant = utterance.get("participant").asInt();
            assertThat(utterance.get("channel").asInt()).isEqualTo(participant);
            assertThat(utterance.get("speakerId").asInt()).isEqualTo(participant); // doctor 0, patient 1
        }
        assertThat(transcript.get("metadata").get("participantsRoles")).hasSize(2);
    }

    @Test
    void anAsynchronousTranscriptProcessesUntilTheClockMovesOn() {
        HttpResponse<String> accepted = create("{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\","
                + "\"async\":true}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode body = RawHttp.json(accepted);
        String id = body.get("id").asText();
        assertThat(body.get("status").asText()).isEqualTo("processing");
        assertThat(body.get("transcripts")).isEmpty();
        assertThat(accepted.headers().firstValue("Location")).hasValue(emulator.baseUrl() + "/interactions/"
                + interaction + "/transcripts/" + id);
        assertThat(status(id)).isEqualTo("processing");

        emulator.advanceClock(Duration.ofSeconds(5));
        JsonNode halfway = RawHttp.json(get(id));
        assertThat(halfway.get("status").asText()).isEqualTo("processing");
        assertThat(halfway.get("transcripts").size()).isBetween(1, 7);
        assertThat(emulator.data("base").transcripts(UUID.fromString(interaction)).get(0).status())
                .isEqualTo("processing");

        CLOCK.advance(Duration.ofSeconds(5)); // the injected clock moves the emulator's time too
        assertThat(status(id)).isEqualTo("completed");
        assertThat(RawHttp.json(get(id)).get("transcripts")).hasSize(8);
        assertThat(emulator.data("base").transcripts(UUID.fromString(interaction)).get(0).utterances()).hasSize(8);
    }

    @Test
    void anInjectedFailureEndsTheTranscriptFailedWithoutText() {
        emulator.faults().failNextTranscriptions(1);

        HttpResponse<String> failed = create("{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\"}");

        assertThat(failed.statusCode()).isEqualTo(201);
        assertThat(RawHttp.json(failed).get("status").asText()).isEqualTo("failed");
        assertThat(RawHttp.json(failed).get("transcripts").isNull()).isTrue();
        assertThat(status(RawHttp.json(failed).get("id").asText())).isEqualTo("failed");
        assertThat(emulator.faults().pending()).isZero();
        JsonNode next = RawHttp.json(create("{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\"}"));
        assertThat(next.get("status").asText()).isEqualTo("completed");
    }

    @Test
    void transcriptsAreListedWithSamplesOrInFullAndDeleted() {
        String a = RawHttp.json(create("{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\"}"))
                .get("id").asText();
        String b = RawHttp.json(create("{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"de\"}"))
                .get("id").asText();

        JsonNode samples = RawHttp.json(http.call("GET", "/interactions/" + interaction + "/transcripts/", token,
                "base", null));
        assertThat(samples.get("transcripts")).extracting(item -> item.get("id").asText()).containsExactly(a, b);
        assertThat(samples.get("transcripts").get(0).get("transcriptSample").asText()).isNotBlank().hasSizeLessThan(121);
        assertThat(samples.get("transcripts").get(0).has("transcript")).isFalse();
        JsonNode full = RawHttp.json(http.call("GET", "/interactions/" + interaction + "/transcripts/?full=true",
                token, "base", null));
        assertThat(full.get("transcripts").get(0).path("transcript").path("transcripts")).hasSize(8);

        assertThat(http.call("DELETE", "/interactions/" + interaction + "/transcripts/" + a, token, "base", null)
                .statusCode()).isEqualTo(204);
        assertThat(get(a).statusCode()).isEqualTo(404);
        assertThat(http.call("DELETE", "/interactions/" + interaction + "/transcripts/" + a, token, "base", null)
                .statusCode()).isEqualTo(404);
        assertThat(emulator.data("base").transcripts(UUID.fromString(interaction)))
                .extracting(TenantData.Transcript::id).containsExactly(UUID.fromString(b));
    }

    @Test
    void badRequestsNameTheFieldAndUnknownReferencesAre404() {
        HttpResponse<String> missing = create("{\"recordingId\":\"" + recording + "\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("primaryLanguage");
        HttpResponse<String> badId = create("{\"recordingId\":\"nope\",\"primaryLanguage\":\"en\"}");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(badId).path("validationErrors").get(0).has("recordingId")).isTrue();
        HttpResponse<String> full = http.call("GET", "/interactions/" + interaction + "/transcripts/?full=yes",
                token, "base", null);
        assertThat(full.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(full).path("validationErrors").get(0).has("full")).isTrue();

        HttpResponse<String> unknownRecording = create("{\"recordingId\":\"" + UUID.randomUUID()
                + "\",\"primaryLanguage\":\"en\"}");
        assertThat(unknownRecording.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(unknownRecording).get("detail").asText()).contains("recordingId");
        assertThat(status(UUID.randomUUID().toString())).isEqualTo("404");
        assertThat(http.call("GET", "/interactions/" + interaction + "/transcripts/x/status", token, "base", null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void the401OfATranscriptsOperationCarriesTheErrorBodyItsSpecDocuments() {
        HttpResponse<String> unauthorized = http.call("GET", "/interactions/" + interaction + "/transcripts/",
                "bogus", "base", null);
        HttpResponse<String> elsewhere = http.call("GET", "/interactions/" + interaction + "/recordings/", "bogus",
                "base", null);

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
        assertThat(RawHttp.json(unauthorized).get("status").asInt()).isEqualTo(401);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(elsewhere.body()).isEmpty();
    }

    private String upload(byte[] audio) {
        HttpResponse<String> uploaded = http.upload(token, "base", interaction, audio);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return RawHttp.json(uploaded).get("recordingId").asText();
    }

    private HttpResponse<String> create(String body) {
        return http.call("POST", "/interactions/" + interaction + "/transcripts/", token, "base", body);
    }

    private HttpResponse<String> get(String id) {
        return http.call("GET", "/interactions/" + interaction + "/transcripts/" + id, token, "base", null);
    }

    private String status(String id) {
        HttpResponse<String> response = http.call("GET", "/interactions/" + interaction + "/transcripts/" + id
                + "/status", token, "base", null);
        return response.statusCode() == 200 ? RawHttp.json(response).get("status").asText()
                : Integer.toString(response.statusCode());
    }

    private static List<String> texts(JsonNode transcript) {
        List<String> texts = new ArrayList<>();
        transcript.get("transcripts").forEach(utterance -> texts.add(utterance.get("text").asText()));
        return texts;
    }
}
