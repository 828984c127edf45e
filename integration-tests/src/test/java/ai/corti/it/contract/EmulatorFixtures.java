package ai.corti.it.contract;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsPatient;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What the contract calls refer to, created on the emulator through the SDK (the emulator answers only for what
 * exists): one interaction holding a recording of {@link ContractRequests#AUDIO}, a finished transcript of it, a
 * fact and a classic document, plus ids read from the emulator's catalogues. The calls of an operation run on these
 * shared ids, but a delete's, which each get a resource of their own to delete.
 */
final class EmulatorFixtures {

    /**
     * Interactions for the fully filtered listing ({@code patient-1}, planned): its calls ask for page 2 and 3 of 25,
     * so 51 make both pages hold items.
     */
    static final int LISTED_INTERACTIONS = 51;

    private final CortiClient client;
    private final ContractIds shared;

    /**
     * Creates the shared resources.
     *
     * @param client a client of the emulator's default tenant
     */
    EmulatorFixtures(CortiClient client) {
        this.client = client;
        IntStream.range(0, LISTED_INTERACTIONS).forEach(i -> client.interactions().create(
                ContractRequests.minimalInteraction().patient(new InteractionsPatient().identifier("patient-1"))));
        UUID interaction = newInteraction();
        JsonNode guidedTemplate = json(client.guidedTemplates().list()).path(0);
        JsonNode guidedSection = guidedTemplate.path("publishedVersion").path("generation").path("sections").path(0);
        JsonNode classicSection = json(client.templates().sectionList()).path("data").path(0);
        String classicKey = classicSection.path("key").asText();
        List<UUID> templateSections = new ArrayList<>();
        guidedTemplate.path("publishedVersion").path("generation").path("sections")
                .forEach(section -> templateSections.add(uuid(section.path("id"))));
        ContractIds catalogue = new ContractIds(interaction, null, null, null, null, ContractRequests.TEMPLATE_KEY,
                classicSectionId(classicKey), classicKey, null, uuid(guidedTemplate.path("id")),
                uuid(guidedTemplate.path("publishedVersion").path("id")), uuid(guidedSection.path("id")),
                uuid(guidedSection.path("publishedVersion").path("id")), List.copyOf(templateSections), interaction);
        UUID recording = newRecording(catalogue);
        ContractIds withRecording = catalogue.withChildren(recording, null, null, null);
        UUID transcript = newTranscript(withRecording);
        UUID fact = uuid(json(client.facts().create(interaction, ContractRequests.minimalFacts()))
                .path("facts").path(0).path("id"));
        JsonNode document = json(client.documents().create(interaction, ContractRequests.minimalDocument(catalogue)));
        this.shared = withRecording.withChildren(recording, transcript, fact, document.path("id").asText())
                .withDocumentSectionKey(document.path("sections").path(0).path("key").asText());
    }

    /**
     * The ids one call of an operation runs with: the shared ones, or for a delete, the shared ones with a new
     * resource of the kind it deletes.
     *
     * @param operationId the operation
     * @return the ids
     */
    ContractIds idsFor(String operationId) {
        return switch (operationId) {
            case "interactions_delete" -> shared.withInteraction(newInteraction());
            case "recordings_delete" -> shared.withChildren(newRecording(shared), shared.transcript(), shared.fact(),
                    shared.document());
            case "transcripts_delete" -> shared.withChildren(shared.recording(), newTranscript(shared), shared.fact(),
                    shared.document());
            case "documents_delete" -> shared.withChildren(shared.recording(), shared.transcript(), shared.fact(),
                    json(client.documents().create(shared.interaction(), ContractRequests.minimalDocument(shared)))
                            .path("id").asText());
            default -> shared;
        };
    }

    /**
     * The shared ids.
     *
     * @return the ids every call but a delete's runs with
     */
    ContractIds shared() {
        return shared;
    }

    private UUID newInteraction() {
        return client.interactions().create(ContractRequests.minimalInteraction()
                .encounter(ContractRequests.minimalInteraction().getEncounter()
                        .status(InteractionsEncounterStatusEnum.IN_PROGRESS))).getInteractionId();
    }

    private UUID newRecording(ContractIds ids) {
        return client.recordings().upload(ids.interaction(), ContractRequests.AUDIO).getRecordingId();
    }

    /** A transcript finished at once (not {@code async}), so its words are there to read. */
    private UUID newTranscript(ContractIds ids) {
        return client.transcripts().create(ids.interaction(), ContractRequests.minimalTranscript(ids)).getId();
    }

    /**
     * The id the emulator gives a classic section. The spec's {@code Section} has no id, so no answer tells it,
     * although {@code documents_create} takes {@code template.sectionIds}; the emulator derives each from the
     * section's key, the rule repeated here.
     */
    private static UUID classicSectionId(String key) {
        return UUID.nameUUIDFromBytes(("corti-emulator/classic-section/" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isTextual()) {
            throw new AssertionError("the emulator's catalogue has no id where the fixtures read one: " + node);
        }
        return UUID.fromString(node.asText());
    }

    private static JsonNode json(Object value) {
        return CortiJson.mapper().valueToTree(value);
    }
}
