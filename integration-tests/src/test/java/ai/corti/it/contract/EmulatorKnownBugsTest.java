package ai.corti.it.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.guideddocuments.GenerateGuidedDocumentsResult;
import ai.corti.client.model.CommonTextContext;
import ai.corti.client.model.GuidedDocumentsGenerateByTemplateRef;
import ai.corti.client.model.GuidedSectionOverride;
import ai.corti.client.model.GuidedSectionOverrides;
import ai.corti.client.model.GuidedTemplate;
import ai.corti.client.model.GuidedTemplateOverrides;
import ai.corti.client.model.GuidedTemplateRef;
import ai.corti.emulator.CortiEmulator;
import ai.corti.it.support.LeakCheck;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Emulator bugs the contract suite ran into, each as the test that passes once it is fixed. The suite works around
 * them ({@link EmulatorContractTest} runs the same calls); these keep them visible.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class EmulatorKnownBugsTest {

    /**
     * One request overriding one section of a guided template three times. The spec does not forbid it, and the
     * emulator takes two overrides of a section, but refuses the third with a 422 "section ... is not part of
     * template ...": {@code GuidedDocumentsApi.overridden} gives the overridden section an {@code inheritedFromId}
     * of the section it replaced (the first override's, not the template's), and {@code GuidedDocumentsApi.indexOf}
     * looks for the named section one inheritance level up only.
     */
    @Test
    @Disabled("bug: the emulator refuses a third override of one guided template section in one request with a 422 "
            + "(GuidedDocumentsApi.overridden chains inheritedFromId to the previous override; indexOf looks one "
            + "level up)")
    void aSectionOverriddenThreeTimesInOneRequestIsTakenLikeOneOverriddenTwice() {
        try (CortiEmulator emulator = CortiEmulator.start();
             CortiClient client = emulator.configure(CortiClient.builder()).build()) {
            GuidedTemplate template = client.guidedTemplates().list().get(0);
            UUID section = template.getPublishedVersion().getGeneration().getSections().get(0).getId();

            GenerateGuidedDocumentsResult twice = client.guidedDocuments().generate(overriding(template, section, 2));
            GenerateGuidedDocumentsResult thrice = client.guidedDocuments().generate(overriding(template, section, 3));

            assertThat(twice.statusCode()).isEqualTo(201);
            assertThat(thrice.statusCode()).isEqualTo(201);
        }
    }

    private static GuidedDocumentsGenerateByTemplateRef overriding(GuidedTemplate template, UUID section, int times) {
        GuidedSectionOverride override = new GuidedSectionOverride().sectionId(section)
                .generation(new GuidedSectionOverrides().heading("Overridden"));
        return new GuidedDocumentsGenerateByTemplateRef().outputLanguage("en")
                .context(List.of(new CommonTextContext().type(CommonTextContext.TypeEnum.TEXT).text("Fever since Monday.")))
                .templateRef(new GuidedTemplateRef().templateId(template.getId())
                        .overrides(new GuidedTemplateOverrides().sections(Collections.nCopies(times, override))));
    }
}
