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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Emulator bugs the contract suite ran into, each kept as the test that failed until it was fixed.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class EmulatorFixedBugsTest {

    /**
     * One request overriding one section of a guided template three times. The spec does not forbid it; the emulator
     * took two overrides of a section but refused the third with a 422 "section ... is not part of template ...",
     * because each override descended from the previous override instead of the template's section.
     */
    @Test
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
