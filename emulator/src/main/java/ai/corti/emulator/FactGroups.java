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
     * @param english its English name
     * @param danish  its Danish name
     * @param german  its German name
     */
    record Group(String key, String english, String danish, String german) {

        /** Its stable id. */
        UUID id() {
            return UUID.nameUUIDFromBytes(("corti-emulator/fact-group/" + key).getBytes(StandardCharsets.UTF_8));
        }
    }

    static final List<Group> ALL = List.of(
            new Group("other", "Other", "Andet", "Sonstiges"),
            new Group("chief-complaint", "Chief complaint", "Henvendelsesårsag", "Hauptbeschwerde"),
            new Group("history-of-present-illness", "History of present illness", "Aktuel sygehistorie",
                    "Aktuelle Anamnese"),
            new Group("past-medical-history", "Past medical history", "Tidligere sygdomme", "Vorerkrankungen"),
            new Group("medications", "Medications", "Medicin", "Medikation"),
            new Group("allergies", "Allergies", "Allergier", "Allergien"),
            new Group("family-history", "Family history", "Familieanamnese", "Familienanamnese"),
            new Group("social-history", "Social history", "Social anamnese", "Sozialanamnese"),
            new Group("vitals", "Vital signs", "Vitale værdier", "Vitalparameter"),
            new Group("physical-exam", "Physical examination", "Objektiv undersøgelse", "Körperliche Untersuchung"),
            new Group("assessment", "Assessment", "Vurdering", "Beurteilung"),
            new Group("plan", "Plan", "Plan", "Plan"));

    private FactGroups() {
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
