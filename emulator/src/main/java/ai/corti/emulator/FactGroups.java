package ai.corti.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fixed catalogue of fact groups ({@code GET /factgroups/}), the same for every tenant: the sections of a
 * clinical history, each with a stable key, a stable id (a name-based UUID of the key) and names in English, Danish
 * and German. A fact's {@code group} must be one of the keys.
 */
final class FactGroups {

    /**
     * One group.
     *
     * @param key     its key, e.g. {@code allergies}
     * @param id      its stable id, a name-based UUID of the key
     * @param english its English name
     * @param danish  its Danish name
     * @param german  its German name
     */
    record Group(String key, UUID id, String english, String danish, String german) {
    }

    static final List<Group> ALL = List.of(
            group("other", "Other", "Andet", "Sonstiges"),
            group("chief-complaint", "Chief complaint", "Henvendelsesårsag", "Hauptbeschwerde"),
            group("history-of-present-illness", "History of present illness", "Aktuel sygehistorie",
                    "Aktuelle Anamnese"),
            group("past-medical-history", "Past medical history", "Tidligere sygdomme", "Vorerkrankungen"),
            group("medications", "Medications", "Medicin", "Medikation"),
            group("allergies", "Allergies", "Allergier", "Allergien"),
            group("family-history", "Family history", "Familieanamnese", "Familienanamnese"),
            group("social-history", "Social history", "Social anamnese", "Sozialanamnese"),
            group("vitals", "Vital signs", "Vitale værdier", "Vitalparameter"),
            group("physical-exam", "Physical examination", "Objektiv undersøgelse", "Körperliche Untersuchung"),
            group("assessment", "Assessment", "Vurdering", "Beurteilung"),
            group("plan", "Plan", "Plan", "Plan"));

    private FactGroups() {
    }

    /** A group; its id is computed here, once, when the emulator starts (never on an event loop). */
    private static Group group(String key, String english, String danish, String german) {
        return new Group(key, UUID.nameUUIDFromBytes(("corti-emulator/fact-group/" + key)
                .getBytes(StandardCharsets.UTF_8)), english, danish, german);
    }

    /** The group with a key. */
    static Optional<Group> byKey(String key) {
        return ALL.stream().filter(group -> group.key().equals(key)).findFirst();
    }

    /** The keys, for messages. */
    static List<String> keys() {
        return ALL.stream().map(Group::key).toList();
    }

    /** The {@code FactsFactGroupsListResponse}. */
    static ObjectNode listResponse() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode data = body.putArray("data");
        int translationId = 1;
        for (Group group : ALL) {
            ObjectNode item = data.addObject();
            item.put("id", group.id().toString());
            item.put("key", group.key());
            ArrayNode translations = item.putArray("translations");
            translations.addObject().put("id", translationId++).put("languages_id", "en").put("name", group.english());
            translations.addObject().put("id", translationId++).put("languages_id", "da").put("name", group.danish());
            translations.addObject().put("id", translationId++).put("languages_id", "de").put("name", group.german());
        }
        return body;
    }
}
