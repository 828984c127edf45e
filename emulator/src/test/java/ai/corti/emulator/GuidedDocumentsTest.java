package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guided documents through real HTTP: each template path, both retention answers, the interaction as context, the
 * refusals the spec describes (400, 404, 422), and the section and template lists with their filters.
 */
class GuidedDocumentsTest {

    private static final String TEXT = "{\"type\":\"text\",\"text\":\"I have had a sore throat for three days. "
            + "I am allergic to penicillin. Temperature 38.5 degrees and blood pressure 120 over 80. "
            + "We will review in a week.\"}";

    private static CortiEmulator emulator;
    private static RawHttp http;
    private static String token;
    private static String soap;
    private static String medicationReview;
    private static List<String> soapSections;

    @BeforeAll
    static void start() {
        emulator = CortiEmulator.start();
        http = new RawHttp(emulator);
        token = http.token("base");
        JsonNode templates = RawHttp.json(http.call("GET", "/documents/templates/", token, "base", null));
        soap = idNamed(templates, "SOAP note");
        medicationReview = idNamed(templates, "Medication review");
        soapSections = new java.util.ArrayList<>();
        for (JsonNode template : templates) {
            if (template.get("id").asText().equals(soap)) {
                template.path("publishedVersion").path("generation").path("sections")
                        .forEach(section -> soapSections.add(section.get("id").asText()));
            }
        }
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
    void aStoredTemplateWritesEachSectionInItsOutputSchemasShapeAndIsKept() {
        HttpResponse<String> created = generate(null, "{\"outputLanguage\":\"en\",\"templateRef\":{\"templateId\":\""
                + soap + "\"},\"context\":[" + TEXT + "],\"labels\":[{\"key\":\"visit\",\"value\":\"42\"}]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode document = RawHttp.json(created).get("document");
        assertThat(document.get("templateId").asText()).isEqualTo(soap);
        assertThat(document.get("name").asText()).isEqualTo("SOAP note");
        JsonNode strings = document.get("stringDocument");
        // The allergy has no section of its own in this template: it goes to the first, not lost.
        assertThat(strings.get("history-of-present-illness").asText()).isEqualTo(
                "I have had a sore throat for three days. I am allergic to penicillin.");
        assertThat(strings.get("vital-signs").asText()).isEqualTo("temperature: 38.5\n"
                + "bloodPressure: Temperature 38.5 degrees and blood pressure 120 over 80.");
        assertThat(strings.get("plan").asText()).isEqualTo("- We will review in a week.");
        JsonNode structured = document.get("structuredDocument");
        assertThat(structured.get("vital-signs").get("temperature").decimalValue()).isEqualByComparingTo("38.5");
        assertThat(structured.get("plan")).hasSize(1);
        assertThat(structured.get("assessment").isNull()).isTrue();
        assertThat(document.get("labels").get(0).get("value").asText()).isEqualTo("42");
        assertThat(RawHttp.json(created).get("usageInfo").get("creditsConsumed").asDouble()).isPositive();
        assertThat(emulator.data("base").guidedDocuments()).singleElement().satisfies(stored -> {
            assertThat(stored.id().toString()).isEqualTo(document.get("id").asText());
            assertThat(stored.stringDocument()).containsEntry("plan", "- We will review in a week.");
        });
        // A plain templateRef makes no new template.
        assertThat(RawHttp.json(http.call("GET", "/documents/templates/?source=user", token, "base", null)))
                .isEmpty();
    }

    @Test
    void withRetentionNoneTheDocumentIsAnsweredWith200AndNotKept() {
        HttpResponse<String> ephemeral = generate("none", "{\"outputLanguage\":\"en\",\"templateRef\":{"
                + "\"templateId\":\"" + medicationReview + "\"},\"context\":[" + TEXT + "]}");

        assertThat(ephemeral.statusCode()).as(ephemeral.body()).isEqualTo(200);
        JsonNode document = RawHttp.json(ephemeral).get("document");
        assertThat(document.has("id")).isFalse();
        assertThat(document.has("createdAt")).isFalse();
        assertThat(document.get("stringDocument").get("allergies").asText()).isEqualTo("- I am allergic to penicillin.");
        assertThat(emulator.data("base").guidedDocuments()).isEmpty();

        HttpResponse<String> badPolicy = generate("forever", "{\"outputLanguage\":\"en\",\"templateRef\":{"
                + "\"templateId\":\"" + soap + "\"},\"context\":[" + TEXT + "]}");
        assertThat(badPolicy.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(badPolicy).path("validationErrors").get(0).has("X-Corti-Retention-Policy")).isTrue();
    }

    @Test
    void overridesAssembliesAndDynamicTemplatesMakeTemplatesTheTenantThenLists() {
        HttpResponse<String> overridden = generate(null, "{\"outputLanguage\":\"en\",\"templateRef\":{\"templateId\":\""
                + soap + "\",\"overrides\":{\"sections\":[{\"sectionId\":\"" + soapSections.get(3)
                + "\",\"generation\":{\"heading\":\"Next steps\",\"outputSchema\":{\"type\":\"string\"}}}]}},"
                + "\"context\":[" + TEXT + "]}");
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
        JsonNode overriddenDocument = RawHttp.json(overridden).get("document");
        assertThat(overriddenDocument.get("templateId").asText()).isNotEqualTo(soap);
        assertThat(overriddenDocument.get("stringDocument").get("next-steps").asText())
                .isEqualTo("We will review in a week.");

        HttpResponse<String> assembled = generate(null, "{\"outputLanguage\":\"en\",\"assemblyTemplate\":{"
                + "\"name\":\"Plan only\",\"sectionRefs\":[{\"sectionId\":\"" + soapSections.get(3) + "\"}]},"
                + "\"context\":[" + TEXT + "]}");
        assertThat(assembled.statusCode()).as(assembled.body()).isEqualTo(201);
        assertThat(RawHttp.json(assembled).get("document").get("name").asText()).isEqualTo("Plan only");

        HttpResponse<String> dynamic = generate("none", "{\"outputLanguage\":\"en\",\"dynamicTemplate\":{"
                + "\"name\":\"Inline\",\"generation\":{\"instructions\":{\"prompt\":\"Be brief\"},\"sections\":["
                + "{\"heading\":\"Allergies\",\"instructions\":{\"contentPrompt\":\"Allergies\"},"
                + "\"outputSchema\":{\"type\":\"boolean\",\"default\":false}},"
                + "{\"heading\":\"Temperature\",\"instructions\":{\"contentPrompt\":\"Temperature\"},"
                + "\"outputSchema\":{\"type\":\"number\",\"maximum\":45}},"
                + "{\"heading\":\"Smoking\",\"instructions\":{\"contentPrompt\":\"Smoking\"},"
                + "\"outputSchema\":{\"type\":\"string\",\"default\":\"Not asked\"}}]}},"
                + "\"context\":[" + TEXT + "]}");
        assertThat(dynamic.statusCode()).as(dynamic.body()).isEqualTo(200);
        JsonNode structured = RawHttp.json(dynamic).get("document").get("structuredDocument");
        assertThat(structured.get("allergies").asBoolean()).isTrue();
        assertThat(structured.get("temperature").decimalValue()).isEqualByComparingTo("38.5");
        assertThat(structured.get("smoking").asText()).isEqualTo("Not asked");

        JsonNode ours = RawHttp.json(http.call("GET", "/documents/templates/?source=user", token, "base", null));
        assertThat(ours).extracting(t -> t.get("name").asText()).containsExactly("SOAP note", "Plan only", "Inline");
        assertThat(ours).allSatisfy(t -> assertThat(t.get("autoGenerated").asBoolean()).isTrue());
        assertThat(ours.get(0).get("inheritedFromId").asText()).isEqualTo(soap);
        JsonNode sections = RawHttp.json(http.call("GET", "/documents/sections/?source=user", token, "base", null));
        assertThat(sections).extracting(s -> s.get("name").asText())
                .containsExactly("Next steps", "Allergies", "Temperature", "Smoking");
        String other = http.token("other");
        assertThat(RawHttp.json(http.call("GET", "/documents/templates/?source=user", other, "other", null)))
                .isEmpty();
    }

    @Test
    void theInteractionsFactsAndTranscriptsAreTheContextWithoutDiscardedFacts() {
        String interaction = http.interaction(token, "base");
        HttpResponse<String> facts = http.call("POST", "/interactions/" + interaction + "/facts/", token, "base",
                "{\"facts\":[{\"text\":\"Amoxicillin allergy\",\"group\":\"allergies\"},"
                        + "{\"text\":\"Latex allergy\",\"group\":\"allergies\"}]}");
        String latex = RawHttp.json(facts).get("facts").get(1).get("id").asText();
        http.call("PATCH", "/interactions/" + interaction + "/facts/" + latex, token, "base",
                "{\"isDiscarded\":true}");

        HttpResponse<String> created = generate(null, "{\"outputLanguage\":\"en\",\"interactionId\":\"" + interaction
                + "\",\"templateRef\":{\"templateId\":\"" + medicationReview + "\"}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode document = RawHttp.json(created).get("document");
        assertThat(document.get("interactionId").asText()).isEqualTo(interaction);
        assertThat(document.get("structuredDocument").get("allergies")).extracting(JsonNode::asText)
                .containsExactly("Amoxicillin allergy.");
        assertThat(emulator.data("base").guidedDocuments().get(0).interactionId()).isEqualTo(
                UUID.fromString(interaction));
    }

    @Test
    void refusalsAreTheOnesTheSpecDescribes() {
        assertThat(status(generate(null, "{\"outputLanguage\":\"en\",\"context\":[" + TEXT + "]}"))).isEqualTo(422);
        assertThat(status(generate(null, "{\"outputLanguage\":\"en\",\"templateRef\":{\"templateId\":\"" + soap
                + "\"}}"))).isEqualTo(422);
        HttpResponse<String> notLinked = generate(null, "{\"outputLanguage\":\"en\",\"templateRef\":{\"templateId\":\""
                + medicationReview + "\",\"overrides\":{\"sections\":[{\"sectionId\":\"" + soapSections.get(0)
                + "\"}]}},\"context\":[" + TEXT + "]}");
        assertThat(notLinked.statusCode()).isEqualTo(422);
        assertThat(RawHttp.json(notLinked).get("detail").asText()).contains("overrides.sections[0].sectionId");
        HttpResponse<String> unknownTemplate = generate(null, "{\"outputLanguage\":\"en\",\"templateRef\":{"
                + "\"templateId\":\"" + UUID.randomUUID() + "\"},\"context\":[" + TEXT + "]}");
        assertThat(unknownTemplate.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(unknownTemplate).get("detail").asText()).contains("templateRef.templateId");
        assertThat(status(generate(null, "{\"outputLanguage\":\"en\",\"templateRef\":{\"templateId\":\"" + soap
                + "\",\"templateVersionId\":\"" + UUID.randomUUID() + "\"},\"context\":[" + TEXT + "]}")))
                .isEqualTo(404);
        assertThat(status(generate(null, "{\"outputLanguage\":\"en\",\"assemblyTemplate\":{\"name\":\"x\","
                + "\"sectionRefs\":[{\"sectionId\":\"" + UUID.randomUUID() + "\"}]},\"context\":[" + TEXT + "]}")))
                .isEqualTo(404);
        assertThat(status(generate(null, "{\"outputLanguage\":\"en\",\"interactionId\":\"" + UUID.randomUUID()
                + "\",\"templateRef\":{\"templateId\":\"" + soap + "\"}}"))).isEqualTo(404);
        HttpResponse<String> both = generate(null, "{\"outputLanguage\":\"en\",\"templateRef\":{\"templateId\":\""
                + soap + "\"},\"assemblyTemplate\":{\"name\":\"x\",\"sectionRefs\":[{\"sectionId\":\"" + soap
                + "\"}]},\"context\":[" + TEXT + "]}");
        assertThat(both.statusCode()).isEqualTo(400);
        HttpResponse<String> badContext = generate(null, "{\"outputLanguage\":\"en\",\"templateRef\":{"
                + "\"templateId\":\"" + soap + "\"},\"context\":[{\"type\":\"text\",\"text\":\"\"}]}");
        assertThat(badContext.statusCode()).isEqualTo(400);
        assertThat(badContext.body()).contains("context[0].text");
        assertThat(emulator.data("base").guidedDocuments()).isEmpty();
    }

    @Test
    void theListsFilterByLanguageLabelSourceAndPublishStatus() {
        assertThat(names("/documents/sections/")).contains("History of present illness", "Vital signs", "Plan");
        assertThat(names("/documents/templates/?label=specialty:general-practice")).containsExactly("SOAP note");
        assertThat(names("/documents/templates/?label=use:medication-review&label=specialty:none"))
                .containsExactly("Medication review");
        assertThat(names("/documents/templates/?lang=en&lang=fr")).hasSize(2);
        assertThat(names("/documents/templates/?lang=fr")).isEmpty();
        assertThat(names("/documents/templates/?published=false")).isEmpty();
        assertThat(names("/documents/sections/?source=corti&specialty=general-practice")).hasSize(6);
        HttpResponse<String> bad = http.call("GET", "/documents/sections/?source=mine", token, "base", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(bad).path("validationErrors").get(0).has("source")).isTrue();
    }

    private HttpResponse<String> generate(String retention, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/documents/"))
                .header("Authorization", "Bearer " + token).header("Tenant-Name", "base")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (retention != null) {
            request.header("X-Corti-Retention-Policy", retention);
        }
        return http.send(request);
    }

    private List<String> names(String path) {
        HttpResponse<String> response = http.call("GET", path, token, "base", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        RawHttp.json(response).forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private static String idNamed(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.get("name").asText().equals(name)) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + items);
    }
}
