package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an interaction holds is its tenant's: another tenant can neither see, change, delete nor use any of it. */
class LifecycleTenantIsolationTest {

    @Test
    void anotherTenantCannotReachAnythingAnInteractionHolds() {
        try (CortiEmulator emulator = CortiEmulator.start()) {
            RawHttp http = new RawHttp(emulator);
            String a = http.token("tenant-a");
            String b = http.token("tenant-b");
            String id = http.interaction(a, "tenant-a");
            String in = "/interactions/" + id;
            String recording = RawHttp.json(http.upload(a, "tenant-a", id, new byte[] {1, 2})).get("recordingId")
                    .asText();
            String transcript = RawHttp.json(http.call("POST", in + "/transcripts/", a, "tenant-a",
                    "{\"recordingId\":\"" + recording + "\",\"primaryLanguage\":\"en\"}")).get("id").asText();
            String fact = RawHttp.json(http.call("POST", in + "/facts/", a, "tenant-a",
                    "{\"facts\":[{\"text\":\"x\",\"group\":\"other\"}]}")).get("facts").get(0).get("id").asText();
            String document = RawHttp.json(http.call("POST", in + "/documents/", a, "tenant-a",
                    "{\"templateKey\":\"corti-soap\",\"outputLanguage\":\"en\",\"context\":[]}")).get("id").asText();
            String template = RawHttp.json(http.call("GET", "/documents/templates/", b, "tenant-b", null)).get(0)
                    .get("id").asText();

            HttpResponse<?>[] attempts = {
                http.call("GET", in + "/recordings/", b, "tenant-b", null),
                http.upload(b, "tenant-b", id, new byte[] {3}),
                http.download(b, "tenant-b", id, recording),
                http.call("DELETE", in + "/recordings/" + recording, b, "tenant-b", null),
                http.call("GET", in + "/transcripts/" + transcript, b, "tenant-b", null),
                http.call("GET", in + "/transcripts/" + transcript + "/status", b, "tenant-b", null),
                http.call("POST", in + "/transcripts/", b, "tenant-b", "{\"recordingId\":\"" + recording
                        + "\",\"primaryLanguage\":\"en\"}"),
                http.call("GET", in + "/facts/", b, "tenant-b", null),
                http.call("PATCH", in + "/facts/" + fact, b, "tenant-b", "{\"text\":\"taken\"}"),
                http.call("PATCH", in + "/facts/", b, "tenant-b", "{\"facts\":[{\"factId\":\"" + fact + "\"}]}"),
                http.call("GET", in + "/documents/" + document, b, "tenant-b", null),
                http.call("PATCH", in + "/documents/" + document, b, "tenant-b", "{\"name\":\"taken\"}"),
                http.call("POST", "/documents/", b, "tenant-b", "{\"outputLanguage\":\"en\",\"interactionId\":\"" + id
                        + "\",\"templateRef\":{\"templateId\":\"" + template + "\"}}"),
                http.call("POST", "/tools/coding/", b, "tenant-b", "{\"system\":[\"cpt\"],\"context\":[{\"type\":"
                        + "\"documentId\",\"documentId\":\"" + document + "\"}]}"),
                http.call("DELETE", in, b, "tenant-b", null)};

            for (HttpResponse<?> attempt : attempts) {
                assertThat(attempt.statusCode()).as(attempt.request().method() + " " + attempt.request().uri())
                        .isEqualTo(404);
            }
            TenantData ofA = emulator.data("tenant-a");
            UUID interaction = UUID.fromString(id);
            assertThat(ofA.recordings(interaction)).hasSize(1);
            assertThat(ofA.transcripts(interaction)).hasSize(1);
            assertThat(ofA.facts(interaction)).extracting(TenantData.Fact::text).containsExactly("x");
            assertThat(ofA.documents(interaction)).extracting(TenantData.Document::name).containsExactly("SOAP Note");
            TenantData ofB = emulator.data("tenant-b");
            assertThat(ofB.interactionIds()).isEmpty();
            assertThat(ofB.recordings(interaction)).isEmpty();
            assertThat(ofB.recordingBytes()).isZero();
            assertThat(ofB.guidedDocuments()).isEmpty();
        }
    }
}
