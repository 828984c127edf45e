package ai.corti.examples;

import ai.corti.client.core.guideddocuments.GenerateGuidedDocumentsResult;
import ai.corti.client.model.CodesGeneralPredictRequest;
import ai.corti.client.model.CodesGeneralReadResponse;
import ai.corti.client.model.CodesGeneralResponse;
import ai.corti.client.model.CommonCodingSystemEnum;
import ai.corti.client.model.CommonTextContext;
import ai.corti.client.model.CommonTranscriptResponse;
import ai.corti.client.model.FactsBatchUpdateInput;
import ai.corti.client.model.FactsBatchUpdateRequest;
import ai.corti.client.model.FactsCreateInput;
import ai.corti.client.model.FactsCreateItem;
import ai.corti.client.model.FactsCreateRequest;
import ai.corti.client.model.FactsFactGroupsItem;
import ai.corti.client.model.FactsListItem;
import ai.corti.client.model.FactsUpdateRequest;
import ai.corti.client.model.GuidedDocumentsGenerateByTemplateRef;
import ai.corti.client.model.GuidedTemplate;
import ai.corti.client.model.GuidedTemplateRef;
import ai.corti.client.model.RequestDocumentCreate;
import ai.corti.client.model.RequestDocumentCreateContextInner;
import ai.corti.client.model.ResponseAllTemplatesDataInner;
import ai.corti.client.model.ResponseDocumentRead;
import ai.corti.client.model.ResponseDocumentReadSectionsInner;
import ai.corti.client.model.V2DocumentContextTypeEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The consultation's second half: facts about it, a classic document from a template, codes predicted from the
 * transcript, and a guided document. The catalogues (fact groups, templates, guided templates) are listed in
 * read-only mode too; everything that creates data or uses credits needs the consultation.
 */
final class DocumentationSteps {

    /** How many catalogue rows a table shows: a real tenant may have many templates. */
    private static final int ROWS = 5;

    private final StepContext context;
    private final Report report;
    private final Consultation consultation;

    /**
     * Creates the steps.
     *
     * @param context      the clients and the report
     * @param consultation what the consultation steps built
     */
    DocumentationSteps(StepContext context, Consultation consultation) {
        this.context = context;
        this.report = context.report();
        this.consultation = consultation;
    }

    /** Step: the fact groups, then facts created, batch-updated, updated one by one, and listed. */
    void facts() {
        report.heading("Facts: the groups, then create 4, batch-update 2, update 1, list (blocking; batch reactive)");
        List<FactsFactGroupsItem> groups = context.blocking().facts().factGroupsList().getData();
        report.result("factGroupsList()", groups.size() + " groups: " + String.join(", ",
                groups.stream().map(FactsFactGroupsItem::getKey).limit(4).toList()) + ", ...");
        if (!consultation.exists()) {
            report.say("skipped the rest: no consultation was created (add --write)");
            return;
        }
        UUID id = consultation.interactionId();
        List<FactsCreateItem> created = context.blocking().facts().create(id, new FactsCreateRequest().facts(List.of(
                        fact("Follow-up of type 2 diabetes", "chief-complaint"),
                        fact("Blood pressure 145/90", "vitals"),
                        fact("Metformin twice daily", "medications"),
                        fact("Walks every evening", "social-history"))))
                .getFacts();
        report.result("create(id, 4 facts)", created.size() + " facts, source " + created.get(0).getSource());

        // A batch is all or nothing: one unknown factId and none of the facts change.
        var batch = context.reactive().facts().batchUpdate(id, new FactsBatchUpdateRequest().facts(List.of(
                        new FactsBatchUpdateInput().factId(created.get(1).getId())
                                .text("Blood pressure 145/90 mmHg, high"),
                        new FactsBatchUpdateInput().factId(created.get(3).getId()).isDiscarded(true))))
                .block(StepContext.WAIT);
        report.result("batchUpdate(id, 2 changes)", batch.getFacts().size()
                + " facts updated: one text, one discarded");

        // FactsUpdateRequest has no nullable field, so there is nothing to clear with an explicit null here (the
        // interaction's PATCH above does that); a field left out stays as it is.
        var moved = context.blocking().facts().update(id, created.get(2).getId(),
                new FactsUpdateRequest().text("Metformin 500 mg twice daily"));
        report.result("update(id, factId, text)", "\"" + moved.getText() + "\", group " + moved.getGroup()
                + " untouched");

        List<FactsListItem> listed = context.blocking().facts().list(id).getFacts();
        Table table = new Table("group", "text", "source", "discarded");
        listed.forEach(fact -> table.row(fact.getGroup(), fact.getText(), String.valueOf(fact.getSource()),
                Boolean.TRUE.equals(fact.getIsDiscarded()) ? "yes" : ""));
        report.table(table);
    }

    /** Step: the classic templates, then a SOAP note written from the facts and the transcript. */
    void classicDocument() {
        report.heading("A classic document from a template (blocking: templates().list(), documents().create(..))");
        List<ResponseAllTemplatesDataInner> templates = context.blocking().templates().list().getData();
        Table catalogue = new Table("template key", "name", "sections");
        templates.stream().limit(ROWS).forEach(template -> catalogue.row(template.getKey(), template.getName(),
                String.valueOf(template.getTemplateSections() == null ? 0 : template.getTemplateSections().size())));
        report.table(catalogue);
        if (!consultation.exists()) {
            report.say("skipped writing one: no consultation was created (add --write)");
            return;
        }
        UUID id = consultation.interactionId();
        List<Map<String, String>> facts = context.blocking().facts().list(id).getFacts().stream()
                .filter(fact -> !Boolean.TRUE.equals(fact.getIsDiscarded()))
                .map(DocumentationSteps::contextFact)
                .toList();
        List<RequestDocumentCreateContextInner> contextItems = new ArrayList<>();
        contextItems.add(new RequestDocumentCreateContextInner().type(V2DocumentContextTypeEnum.FACTS).data(facts));
        for (CommonTranscriptResponse utterance : consultation.utterances()) {
            contextItems.add(new RequestDocumentCreateContextInner().type(V2DocumentContextTypeEnum.TRANSCRIPT)
                    .data(utterance));
        }
        ResponseDocumentRead document = context.blocking().documents().create(id, new RequestDocumentCreate()
                .templateKey("corti-soap")
                .outputLanguage("en")
                .context(contextItems));
        consultation.documentId(document.getId());
        report.result("create(id, corti-soap)", "\"" + document.getName() + "\" from " + facts.size() + " facts and "
                + consultation.utterances().size() + " utterances, " + document.getUsageInfo().getCreditsConsumed()
                + " credits");
        Table sections = new Table("section", "text");
        for (ResponseDocumentReadSectionsInner section : document.getSections()) {
            String[] lines = section.getText().split("\n");
            sections.row(section.getName(), ConsultationSteps.shorten(lines[0], 60)
                    + (lines.length > 1 ? " (+" + (lines.length - 1) + " lines)" : ""));
        }
        report.table(sections);
    }

    /** Step: codes predicted from the transcript. */
    void predictCodes() {
        report.heading("Predict ICD-10-CM codes from the transcript (reactive: codes().predict(..))");
        if (!context.mayWrite("it would use credits") || !consultation.exists()) {
            return;
        }
        if (consultation.transcriptText().isBlank()) {
            report.say("skipped: the transcript has no words (the real API hears a tone in the synthetic audio)");
            return;
        }
        CodesGeneralResponse predicted = context.reactive().codes().predict(new CodesGeneralPredictRequest()
                        .system(Set.of(CommonCodingSystemEnum.ICD10CM_OUTPATIENT))
                        .context(List.of(new CommonTextContext().type(CommonTextContext.TypeEnum.TEXT)
                                .text(consultation.transcriptText()))))
                .block(StepContext.WAIT);
        Table table = new Table("", "code", "display", "evidence");
        predicted.getCodes().forEach(code -> table.row("code", code.getCode(), code.getDisplay(), evidence(code)));
        predicted.getCandidates().forEach(code -> table.row("candidate", code.getCode(), code.getDisplay(),
                evidence(code)));
        report.table(table);
    }

    /** Step: the guided templates, then a guided document from the first one and the interaction, not stored. */
    void guidedDocument() {
        report.heading("A guided document (blocking: guidedTemplates().list(), "
                + "guidedDocuments().generate(\"none\", ..))");
        List<GuidedTemplate> templates = context.blocking().guidedTemplates().list();
        report.result("guidedTemplates().list()", templates.size() + " templates: " + String.join(", ",
                templates.stream().map(GuidedTemplate::getName).limit(ROWS).toList()));
        if (!consultation.exists() || templates.isEmpty()) {
            report.say("skipped generating one: no consultation was created (add --write)");
            return;
        }
        GuidedTemplate template = templates.get(0);
        // Retention policy "none": the API answers 200 with the document and keeps nothing (201 would store it).
        GenerateGuidedDocumentsResult result = context.blocking().guidedDocuments().generate("none",
                new GuidedDocumentsGenerateByTemplateRef()
                        .outputLanguage("en")
                        .interactionId(consultation.interactionId())
                        .templateRef(new GuidedTemplateRef().templateId(template.getId())));
        Map<String, String> text = result.guidedDocumentsCreateEphemeralResponse()
                .orElseThrow(() -> new IllegalStateException("Expected a document that is not stored, had "
                        + result.statusCode()))
                .getDocument().getStringDocument();
        report.result("generate(\"none\", ..)", result.statusCode() + " from \"" + template.getName()
                + "\", not stored, " + text.size() + " sections");
        Table sections = new Table("section", "text");
        text.forEach((section, body) -> {
            String[] lines = body.strip().split("\n");
            sections.row(section, ConsultationSteps.shorten(lines[0], 60)
                    + (lines.length > 1 ? " (+" + (lines.length - 1) + " lines)" : ""));
        });
        report.table(sections);
    }

    /** A fact as the {@code facts} context of a document wants it: text, group and source, all required. */
    private static Map<String, String> contextFact(FactsListItem fact) {
        return Map.of("text", String.valueOf(fact.getText()),
                "group", fact.getGroup() == null ? "other" : fact.getGroup(),
                "source", fact.getSource() == null ? "user" : fact.getSource().getValue());
    }

    private static FactsCreateInput fact(String text, String group) {
        return new FactsCreateInput().text(text).group(group);
    }

    private static String evidence(CodesGeneralReadResponse code) {
        return code.getEvidences() == null || code.getEvidences().isEmpty() ? ""
                : "\"" + ConsultationSteps.shorten(code.getEvidences().get(0).getText(), 40) + "\"";
    }
}
