package ai.corti.examples;

import ai.corti.client.core.error.BadRequestException;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.model.GuidedDocumentsGenerateByTemplateRef;
import ai.corti.client.model.GuidedTemplate;
import ai.corti.client.model.GuidedTemplateRef;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsPatient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One error of each kind, each a typed exception: a 404, an id the SDK refuses before sending anything, a 400 whose
 * body names the bad field, and a 422 for a request the schema allows but the API cannot serve.
 */
final class ErrorSteps {

    private final StepContext context;
    private final Report report;

    /**
     * Creates the step.
     *
     * @param context the clients and the report
     */
    ErrorSteps(StepContext context) {
        this.context = context;
        this.report = context.report();
    }

    /** Step: the errors. */
    void typedErrors() {
        report.heading("Errors are typed exceptions (blocking)");
        UUID unknown = UUID.randomUUID();
        try {
            context.blocking().interactions().get(unknown);
            report.result("get(random id)", "unexpectedly found something");
        } catch (NotFoundException e) {
            report.result("get(random id)", Report.summary(e));
        }

        try {
            context.blocking().interactions().get("not-a-uuid");
            report.result("get(\"not-a-uuid\")", "unexpectedly sent");
        } catch (IllegalArgumentException e) {
            report.result("get(\"not-a-uuid\")", "IllegalArgumentException, nothing sent: " + e.getMessage());
        }

        if (!context.write()) {
            report.result("create(birth year 19850)", "skipped: it would create data (add --write)");
            report.result("generate(no context)", "skipped: it would use credits (add --write)");
            return;
        }
        badRequest();
        unprocessable();
    }

    /**
     * The SDK checks what it can before sending: required fields, enum values, UUIDs. It cannot know that a
     * date-time must have a four-digit year (RFC 3339), so this typo reaches the server, which refuses it.
     */
    private void badRequest() {
        InteractionsCreateRequest typo = new InteractionsCreateRequest()
                .encounter(new InteractionsEncounterCreateRequest()
                        .identifier(context.prefix() + "enc-typo")
                        .status(InteractionsEncounterStatusEnum.PLANNED)
                        .type(InteractionsEncounterTypeEnum.CONSULTATION))
                .patient(new InteractionsPatient()
                        .identifier(context.prefix() + "P-1005")
                        .birthDate(OffsetDateTime.of(19850, 3, 14, 0, 0, 0, 0, ZoneOffset.UTC)));
        try {
            InteractionsCreateResponse accepted = context.blocking().interactions().create(typo);
            context.created().add(accepted.getInteractionId());
            report.result("create(birth year 19850)", "accepted by the API as " + accepted.getInteractionId());
        } catch (BadRequestException e) {
            report.result("create(birth year 19850)", Report.summary(e));
            for (Map<String, String> error : e.validationErrors()) {
                error.forEach((field, message) -> report.detail(field + ": " + message));
            }
        }
    }

    /** A guided document needs something to write from: context or an interaction. The API answers 422. */
    private void unprocessable() {
        List<GuidedTemplate> templates = context.blocking().guidedTemplates().list();
        if (templates.isEmpty()) {
            report.result("generate(no context)", "skipped: the tenant has no guided template");
            return;
        }
        try {
            context.blocking().guidedDocuments().generate("none", new GuidedDocumentsGenerateByTemplateRef()
                    .outputLanguage("en")
                    .templateRef(new GuidedTemplateRef().templateId(templates.get(0).getId())));
            report.result("generate(no context)", "unexpectedly generated a document");
        } catch (CortiApiException e) {
            report.result("generate(no context)", Report.summary(e));
        }
    }
}
