package ai.corti.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fixed catalogue of classic templates and sections ({@code GET /templates/}, {@code GET /templateSections/}),
 * the same for every tenant, modelled on Corti's standard {@code corti-*} keys. Each section says which fact groups
 * and which cue words belong in it; {@link DocumentWriter} uses that to place context in sections.
 */
final class ClassicCatalogue {

    /** Corti's templates and sections; the real API also lists an organisation's own. */
    static final String ORGANISATION = "corti";
    /** The status of every catalogue template. */
    static final String STATUS = "published";
    /** When the catalogue last changed. */
    static final String UPDATED = "2025-05-01T00:00:00Z";

    /**
     * A section.
     *
     * @param key         its key, e.g. {@code corti-plan}
     * @param id          its stable id (a name-based UUID of the key), as {@code template.sectionIds} refers to it
     * @param name        its heading
     * @param description what it holds
     * @param groups      the fact groups that go in it; empty: everything does
     * @param cues        lower-case words that place a sentence or utterance in it
     */
    record ClassicSection(String key, UUID id, String name, String description, List<String> groups,
                         List<String> cues) {
    }

    /**
     * A template.
     *
     * @param key         its key, e.g. {@code corti-soap}
     * @param name        its name
     * @param description what it makes
     * @param sections    its sections, in order
     * @param languages   the output languages it is available in
     */
    record ClassicTemplate(String key, String name, String description, List<ClassicSection> sections,
                           List<String> languages) {
    }

    static final ClassicSection SUBJECTIVE = section("corti-subjective", "Subjective",
            "The patient's own account: complaint, history, medication and allergies.",
            List.of("chief-complaint", "history-of-present-illness", "past-medical-history", "medications",
                    "allergies", "family-history", "social-history"),
            List.of("have had", "since", "pain", "sore", "fever", "taking", "allerg", "father", "mother", "cough",
                    "sugars", "walking"));
    static final ClassicSection OBJECTIVE = section("corti-objective", "Objective",
            "Findings: vital signs and examination.", List.of("vitals", "physical-exam"),
            List.of("temperature", "blood pressure", "tenderness", "red", "normal", "pulse", "degrees", "exam"));
    static final ClassicSection ASSESSMENT = section("corti-assessment", "Assessment",
            "The clinician's assessment.", List.of("assessment"),
            List.of("looks like", "this is", "controlled", "diagnos", "likely"));
    static final ClassicSection PLAN = section("corti-plan", "Plan", "What happens next.",
            List.of("plan"), List.of("will start", "review", "come back", "rest", "keep active", "check", "follow"));
    static final ClassicSection HPI = section("corti-hpi", "History of present illness",
            "The complaint and its history.", List.of("chief-complaint", "history-of-present-illness"),
            List.of("have had", "since", "pain", "sore", "fever", "cough"));
    static final ClassicSection MEDICATIONS = section("corti-medications", "Medications",
            "Current medication.", List.of("medications"),
            List.of("taking", "ibuprofen", "metformin", "lisinopril", " mg"));
    static final ClassicSection ALLERGIES = section("corti-allergies", "Allergies", "Known allergies.",
            List.of("allergies"), List.of("allerg"));
    static final ClassicSection BRIEF = section("corti-brief-clinical-note", "Brief clinical note",
            "A one-paragraph summary of the encounter.", List.of(), List.of());

    static final List<ClassicSection> SECTIONS = List.of(SUBJECTIVE, OBJECTIVE, ASSESSMENT, PLAN, HPI, MEDICATIONS,
            ALLERGIES, BRIEF);

    static final List<ClassicTemplate> TEMPLATES = List.of(
            new ClassicTemplate("corti-soap", "SOAP Note",
                    "Classic SOAP note with Subjective, Objective, Assessment, Plan.",
                    List.of(SUBJECTIVE, OBJECTIVE, ASSESSMENT, PLAN), List.of("en", "en-GB", "da", "de")),
            new ClassicTemplate("corti-brief-clinical-note", "Brief Clinical Note",
                    "A brief, one-paragraph document summarizing the encounter.", List.of(BRIEF),
                    List.of("en", "en-GB", "da", "de")),
            new ClassicTemplate("corti-patient-history", "Patient History",
                    "The history of present illness, medication and allergies.", List.of(HPI, MEDICATIONS, ALLERGIES),
                    List.of("en", "en-GB")));

    /** The languages every section is available in. */
    static final List<String> SECTION_LANGUAGES = List.of("en", "en-GB", "da", "de");

    private ClassicCatalogue() {
    }

    /** A section; its id is computed here, once, when the emulator starts (never on an event loop). */
    private static ClassicSection section(String key, String name, String description, List<String> groups,
                                          List<String> cues) {
        return new ClassicSection(key, UUID.nameUUIDFromBytes(("corti-emulator/classic-section/" + key)
                .getBytes(StandardCharsets.UTF_8)), name, description, groups, cues);
    }

    static Optional<ClassicTemplate> template(String key) {
        return TEMPLATES.stream().filter(template -> template.key().equals(key)).findFirst();
    }

    static Optional<ClassicSection> section(String key) {
        return SECTIONS.stream().filter(section -> section.key().equals(key)).findFirst();
    }

    static Optional<ClassicSection> section(UUID id) {
        return SECTIONS.stream().filter(section -> section.id().equals(id)).findFirst();
    }

    /** A template as {@code TemplateFiltered} (and the items of {@code ResponseAllTemplates}) show it. */
    static ObjectNode json(ClassicTemplate template) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("date_updated", UPDATED);
        json.put("name", template.name());
        json.put("description", template.description());
        json.put("key", template.key());
        json.put("status", STATUS);
        ArrayNode sections = json.putArray("template_sections");
        for (int i = 0; i < template.sections().size(); i++) {
            ObjectNode link = sections.addObject();
            link.put("sort", i + 1);
            link.set("sections_id", json(template.sections().get(i)));
        }
        ArrayNode translations = json.putArray("translations");
        template.languages().forEach(language -> translations.addObject().put("languages_id", language)
                .put("name", template.name()).put("description", template.description()));
        return json;
    }

    /** A section as {@code Section} shows it. */
    static ObjectNode json(ClassicSection section) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("date_updated", UPDATED);
        json.put("name", section.name());
        json.putArray("alternate_names");
        json.put("key", section.key());
        json.put("description", section.description());
        json.putObject("default_writing_style").put("name", "concise");
        json.put("section_type", "text");
        ArrayNode translations = json.putArray("translations");
        SECTION_LANGUAGES.forEach(language -> translations.addObject().put("languages_id", language)
                .put("name", section.name()).put("description", section.description()));
        return json;
    }

    /** The sections of the catalogue, for listings. */
    static List<ClassicSection> sections() {
        return new ArrayList<>(SECTIONS);
    }
}
