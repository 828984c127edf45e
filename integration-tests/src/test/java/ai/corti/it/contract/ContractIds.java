package ai.corti.it.contract;

import java.util.List;
import java.util.UUID;

/**
 * The ids and keys a contract call refers to, in its path or its body. MockServer takes any id of the right format,
 * so its suite uses {@link #FIXED}; the emulator answers only for what exists, so its suite creates the resources
 * first and passes their ids (or unknown ones, to provoke a 404).
 *
 * @param interaction           the interaction of every call under {@code /interactions/{id}}, and of a guided
 *                              document generated from an interaction
 * @param recording             a recording of the interaction (downloads, deletes, a transcript's source)
 * @param transcript            a transcript of the interaction
 * @param fact                  a fact of the interaction
 * @param document              a classic document of the interaction (also a {@code documentId} context of codes)
 * @param templateKey           a classic template's key
 * @param classicSectionId      a classic section's id ({@code template.sectionIds} of a classic document)
 * @param classicSectionKey     a classic section's key ({@code template.sectionKeys} of a classic document)
 * @param documentSectionKey    the key of a section of {@link #document} (a classic document update)
 * @param guidedTemplate        a guided template
 * @param guidedTemplateVersion a version of {@link #guidedTemplate}
 * @param guidedSection         a guided section (of {@link #guidedTemplate}), for an assembly
 * @param guidedSectionVersion  a version of {@link #guidedSection}
 * @param templateSections      sections of {@link #guidedTemplate}, for its overrides: each override takes the next,
 *                              round the list
 * @param guidedInteraction     the interaction a minimal guided document is generated from, or {@code null} to send
 *                              neither {@code context} nor {@code interactionId}: the schema requires neither (so
 *                              MockServer's minimal request has none), while the spec's prose wants one of them,
 *                              which the emulator enforces with a 422
 */
public record ContractIds(UUID interaction, UUID recording, UUID transcript, UUID fact, String document,
                          String templateKey, UUID classicSectionId, String classicSectionKey,
                          String documentSectionKey, UUID guidedTemplate, UUID guidedTemplateVersion,
                          UUID guidedSection, UUID guidedSectionVersion, List<UUID> templateSections,
                          UUID guidedInteraction) {

    /** The ids of the MockServer suite: constants, any value of the right format being accepted there. */
    static final ContractIds FIXED = new ContractIds(ContractRequests.INTERACTION, ContractRequests.RECORDING,
            ContractRequests.TRANSCRIPT, ContractRequests.FACT, ContractRequests.DOCUMENT, ContractRequests.TEMPLATE_KEY,
            ContractRequests.SECTION, "corti-hpi", "corti-hpi", ContractRequests.TEMPLATE, ContractRequests.VERSION,
            ContractRequests.SECTION, ContractRequests.VERSION, List.of(ContractRequests.SECTION), null);

    /**
     * The same ids with another interaction (also the guided one, when set), e.g. one that does not exist.
     *
     * @param other the interaction
     * @return the ids
     */
    ContractIds withInteraction(UUID other) {
        return new ContractIds(other, recording, transcript, fact, document, templateKey, classicSectionId,
                classicSectionKey, documentSectionKey, guidedTemplate, guidedTemplateVersion, guidedSection,
                guidedSectionVersion, templateSections, guidedInteraction == null ? null : other);
    }

    /**
     * The same ids with the resources under the interaction replaced, e.g. by ones that do not exist.
     *
     * @param recording  the recording
     * @param transcript the transcript
     * @param fact       the fact
     * @param document   the document
     * @return the ids
     */
    ContractIds withChildren(UUID recording, UUID transcript, UUID fact, String document) {
        return new ContractIds(interaction, recording, transcript, fact, document, templateKey, classicSectionId,
                classicSectionKey, documentSectionKey, guidedTemplate, guidedTemplateVersion, guidedSection,
                guidedSectionVersion, templateSections, guidedInteraction);
    }

    /**
     * The same ids with another key for the document's section.
     *
     * @param key the key
     * @return the ids
     */
    ContractIds withDocumentSectionKey(String key) {
        return new ContractIds(interaction, recording, transcript, fact, document, templateKey, classicSectionId,
                classicSectionKey, key, guidedTemplate, guidedTemplateVersion, guidedSection, guidedSectionVersion,
                templateSections, guidedInteraction);
    }

    /**
     * The same ids with other classic catalogue entries, e.g. ones that do not exist.
     *
     * @param key       the template key
     * @param sectionId the section id
     * @param sectionKey the section key
     * @return the ids
     */
    ContractIds withClassicCatalogue(String key, UUID sectionId, String sectionKey) {
        return new ContractIds(interaction, recording, transcript, fact, document, key, sectionId, sectionKey,
                documentSectionKey, guidedTemplate, guidedTemplateVersion, guidedSection, guidedSectionVersion,
                templateSections, guidedInteraction);
    }

    /**
     * The same ids with another guided template and section (also the one its overrides name), e.g. ones that do
     * not exist.
     *
     * @param template        the template
     * @param templateVersion its version
     * @param section         the section
     * @param sectionVersion  its version
     * @return the ids
     */
    ContractIds withGuidedCatalogue(UUID template, UUID templateVersion, UUID section, UUID sectionVersion) {
        return new ContractIds(interaction, recording, transcript, fact, document, templateKey, classicSectionId,
                classicSectionKey, documentSectionKey, template, templateVersion, section, sectionVersion,
                List.of(section), guidedInteraction);
    }

    /**
     * The same ids with another interaction for a minimal guided document.
     *
     * @param other the interaction, or {@code null} for none (nor context)
     * @return the ids
     */
    ContractIds withGuidedInteraction(UUID other) {
        return new ContractIds(interaction, recording, transcript, fact, document, templateKey, classicSectionId,
                classicSectionKey, documentSectionKey, guidedTemplate, guidedTemplateVersion, guidedSection,
                guidedSectionVersion, templateSections, other);
    }
}
