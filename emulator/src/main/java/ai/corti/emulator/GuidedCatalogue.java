package ai.corti.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Corti's standard guided sections and templates as the emulator lists them ({@code source: corti}), the same for
 * every tenant: sections with each kind of output schema (text, a list, an object with typed fields) and two
 * templates built from them. Ids are name-based UUIDs of their names, so they never change.
 */
final class GuidedCatalogue {

    /** When the catalogue was published. */
    static final String CREATED = "2026-01-15T09:00:00Z";

    static final GuidedDefinitions.Section HPI = section("History of present illness",
            "The presenting complaint and its course, in prose.", string("The complaint, onset and course."),
            new DocumentWriter.Rule(List.of("chief-complaint", "history-of-present-illness"),
                    List.of("have had", "since", "pain", "sore", "fever", "cough", "sugars")));
    static final GuidedDefinitions.Section MEDICATIONS = section("Medications", "Current medication, one per line.",
            list("Each medication with dose and frequency where stated."),
            new DocumentWriter.Rule(List.of("medications"),
                    List.of("taking", "ibuprofen", "metformin", "lisinopril", " mg")));
    static final GuidedDefinitions.Section ALLERGIES = section("Allergies", "Known allergies, one per line.",
            list("Each allergy and the reaction where stated."),
            new DocumentWriter.Rule(List.of("allergies"), List.of("allerg")));
    static final GuidedDefinitions.Section VITALS = section("Vital signs", "Measured vital signs.", vitals(),
            new DocumentWriter.Rule(List.of("vitals"), List.of("temperature", "blood pressure", "degrees", "pulse")));
    static final GuidedDefinitions.Section ASSESSMENT = section("Assessment", "The clinician's assessment.",
            string("The working diagnosis and its reasoning."),
            new DocumentWriter.Rule(List.of("assessment"), List.of("looks like", "this is", "controlled", "diagnos")));
    static final GuidedDefinitions.Section PLAN = section("Plan", "The plan, one step per line.",
            list("Each step of the plan: treatment, tests, follow-up."),
            new DocumentWriter.Rule(List.of("plan"),
                    List.of("will start", "review", "come back", "rest", "keep active", "check")));

    static final List<GuidedDefinitions.Section> SECTIONS = List.of(HPI, MEDICATIONS, ALLERGIES, VITALS, ASSESSMENT,
            PLAN);

    static final List<GuidedDefinitions.Template> TEMPLATES = List.of(
            template("SOAP note", "A SOAP-style consultation note.",
                    "Write a concise consultation note for a general practitioner.",
                    List.of(HPI, VITALS, ASSESSMENT, PLAN), label("specialty", "general-practice")),
            template("Medication review", "Current medication and allergies.",
                    "List what the patient takes and what they react to.", List.of(MEDICATIONS, ALLERGIES),
                    label("use", "medication-review")));

    private GuidedCatalogue() {
    }

    private static GuidedDefinitions.Section section(String name, String description, ObjectNode outputSchema,
                                                     DocumentWriter.Rule rule) {
        ObjectNode generation = JsonNodeFactory.instance.objectNode();
        generation.put("heading", name);
        generation.putObject("instructions").put("contentPrompt", description)
                .put("writingStylePrompt", "Concise clinical language.");
        generation.set("outputSchema", outputSchema);
        return new GuidedDefinitions.Section(meta("section", name, description, JsonNodeFactory.instance.arrayNode()),
                generation, rule);
    }

    private static GuidedDefinitions.Template template(String name, String description, String prompt,
                                                       List<GuidedDefinitions.Section> sections, ArrayNode labels) {
        return new GuidedDefinitions.Template(meta("template", name, description, labels), prompt, sections);
    }

    private static GuidedDefinitions.Meta meta(String kind, String name, String description, ArrayNode labels) {
        return new GuidedDefinitions.Meta(id(kind, name), id(kind + "-version", name), name, description,
                List.of("en"), List.of(), List.of("general-practice"), labels, "corti", false, null, CREATED);
    }

    private static UUID id(String kind, String name) {
        return UUID.nameUUIDFromBytes(("corti-emulator/guided-" + kind + "/" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode string(String description) {
        return JsonNodeFactory.instance.objectNode().put("type", "string").put("description", description);
    }

    private static ObjectNode list(String description) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "array").put("description", description);
        schema.putObject("items").put("type", "string");
        return schema;
    }

    private static ObjectNode vitals() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object")
                .put("description", "The vital signs measured during the encounter.");
        ArrayNode fields = schema.putArray("fields");
        ObjectNode temperature = fields.addObject().put("key", "temperature")
                .put("description", "Body temperature in degrees Celsius");
        temperature.putObject("value").put("type", "number");
        ObjectNode pressure = fields.addObject().put("key", "bloodPressure").put("description", "Blood pressure");
        pressure.putObject("value").put("type", "string");
        return schema;
    }

    private static ArrayNode label(String key, String value) {
        ArrayNode labels = JsonNodeFactory.instance.arrayNode();
        labels.addObject().put("key", key).put("value", value);
        return labels;
    }
}
