package ai.corti.it.contract;

import ai.corti.client.model.CodesFilter;
import ai.corti.client.model.CodesGeneralPredictRequest;
import ai.corti.client.model.CommonCodingSystemEnum;
import ai.corti.client.model.CommonDocumentIDContext;
import ai.corti.client.model.CommonFactsContext;
import ai.corti.client.model.CommonSourceEnum;
import ai.corti.client.model.CommonTextContext;
import ai.corti.client.model.CommonTranscriptContext;
import ai.corti.client.model.DocumentTemplate;
import ai.corti.client.model.FactContext;
import ai.corti.client.model.FactsBatchUpdateInput;
import ai.corti.client.model.FactsBatchUpdateRequest;
import ai.corti.client.model.FactsCreateInput;
import ai.corti.client.model.FactsCreateRequest;
import ai.corti.client.model.FactsUpdateRequest;
import ai.corti.client.model.GuidedArrayNode;
import ai.corti.client.model.GuidedAssemblyRequest;
import ai.corti.client.model.GuidedAssemblySectionRef;
import ai.corti.client.model.GuidedBoolNode;
import ai.corti.client.model.GuidedDocumentContext;
import ai.corti.client.model.GuidedDocumentFactMinimal;
import ai.corti.client.model.GuidedDocumentTranscriptMetadataMinimal;
import ai.corti.client.model.GuidedDocumentTranscriptMinimal;
import ai.corti.client.model.GuidedDocumentTranscriptSegmentMinimal;
import ai.corti.client.model.GuidedDocumentsGenerateByAssembly;
import ai.corti.client.model.GuidedDocumentsGenerateByDynamic;
import ai.corti.client.model.GuidedDocumentsGenerateByTemplateRef;
import ai.corti.client.model.GuidedDynamicInline;
import ai.corti.client.model.GuidedDynamicRequest;
import ai.corti.client.model.GuidedFieldDefinition;
import ai.corti.client.model.GuidedLabel;
import ai.corti.client.model.GuidedNumberNode;
import ai.corti.client.model.GuidedObjectNode;
import ai.corti.client.model.GuidedOutputSchema;
import ai.corti.client.model.GuidedSectionGeneration;
import ai.corti.client.model.GuidedSectionInstructions;
import ai.corti.client.model.GuidedSectionInstructionsOverride;
import ai.corti.client.model.GuidedSectionOverride;
import ai.corti.client.model.GuidedSectionOverrides;
import ai.corti.client.model.GuidedStringNode;
import ai.corti.client.model.GuidedTemplateInstructions;
import ai.corti.client.model.GuidedTemplateOverrides;
import ai.corti.client.model.GuidedTemplateRef;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterPeriod;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGenderEnum;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.InteractionsUpdateRequest;
import ai.corti.client.model.RequestDocumentCreate;
import ai.corti.client.model.RequestDocumentCreateContextInner;
import ai.corti.client.model.RequestDocumentUpdate;
import ai.corti.client.model.RequestDocumentUpdateSectionsInner;
import ai.corti.client.model.Transcript;
import ai.corti.client.model.TranscriptsCreateRequest;
import ai.corti.client.model.TranscriptsCreateRequestKeyterms;
import ai.corti.client.model.TranscriptsCreateRequestKeytermsTermsInner;
import ai.corti.client.model.TranscriptsCreateRequestReplacementsInner;
import ai.corti.client.model.TranscriptsParticipant;
import ai.corti.client.model.TranscriptsParticipantRoleEnum;
import ai.corti.client.model.V2DocumentContextTypeEnum;
import ai.corti.client.model.V2SourceEnum;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The request bodies of the contract suite: for each operation with a body, the smallest one the spec accepts
 * and one (or, for a {@code oneOf}, one per branch) that sets every field the spec declares. The suite checks
 * both claims against the spec ({@code BodyCoverage}), so a field added to the spec fails it until it is set here.
 */
final class ContractRequests {

    /** The ids MockServer's calls address ({@link ContractIds#FIXED}): any of the right format is accepted there. */
    static final UUID INTERACTION = UUID.fromString("0b5f3c2e-6d1a-4c8e-9f27-3a4b5c6d7e8f");
    static final UUID RECORDING = UUID.fromString("1c6a4d3f-7e2b-4d9f-8a38-4b5c6d7e8f90");
    static final UUID TRANSCRIPT = UUID.fromString("2d7b5e4a-8f3c-4eaf-9b49-5c6d7e8f9a01");
    static final UUID FACT = UUID.fromString("3e8c6f5b-9a4d-4fb0-8c5a-6d7e8f9a0b12");
    static final UUID TEMPLATE = UUID.fromString("4f9d7a6c-ab5e-40c1-9d6b-7e8f9a0b1c23");
    static final UUID SECTION = UUID.fromString("5a0e8b7d-bc6f-41d2-8e7c-8f9a0b1c2d34");
    static final UUID VERSION = UUID.fromString("6b1f9c8e-cd7a-42e3-9f8d-9a0b1c2d3e45");
    static final String DOCUMENT = "7c2a0d9f-de8b-43f4-8a9e-0b1c2d3e4f56";
    static final String TEMPLATE_KEY = "corti-soap";
    /** A recording's bytes: not text, several transport chunks long. */
    static final byte[] AUDIO = bytes(96 * 1024 + 17, 7);

    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    private ContractRequests() {
    }

    /**
     * Pseudo-random bytes, the same for the same seed.
     *
     * @param length how many
     * @param seed   the seed
     * @return the bytes
     */
    static byte[] bytes(int length, long seed) {
        byte[] out = new byte[length];
        new Random(seed).nextBytes(out);
        return out;
    }

    static InteractionsCreateRequest minimalInteraction() {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier("enc-1").status(InteractionsEncounterStatusEnum.PLANNED)
                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION));
    }

    static InteractionsCreateRequest fullInteraction() {
        return new InteractionsCreateRequest()
                .assignedUserId(UUID.randomUUID())
                .encounter(new InteractionsEncounterCreateRequest()
                        .identifier("enc-full").status(InteractionsEncounterStatusEnum.IN_PROGRESS)
                        .type(InteractionsEncounterTypeEnum.OUTPATIENT)
                        .period(new InteractionsEncounterPeriod().startedAt(T0).endedAt(T0.plusHours(1)))
                        .title("Full visit"))
                .patient(patient());
    }

    static InteractionsUpdateRequest fullInteractionUpdate() {
        return new InteractionsUpdateRequest()
                .assignedUserId(UUID.randomUUID())
                .encounter(new InteractionsEncounterUpdateRequest()
                        .identifier("enc-2").status(InteractionsEncounterStatusEnum.COMPLETED)
                        .type(InteractionsEncounterTypeEnum.INPATIENT)
                        .period(new InteractionsEncounterPeriod().startedAt(T0).endedAt(T0.plusHours(2)))
                        .title("Follow-up"))
                .patient(patient());
    }

    private static InteractionsPatient patient() {
        return new InteractionsPatient().identifier("patient-1").name("Ada Lovelace")
                .gender(InteractionsGenderEnum.FEMALE).birthDate(T0.minusYears(40)).pronouns("she/her");
    }

    static TranscriptsCreateRequest minimalTranscript(ContractIds ids) {
        return new TranscriptsCreateRequest().recordingId(ids.recording()).primaryLanguage("en");
    }

    static TranscriptsCreateRequest fullTranscript(ContractIds ids) {
        return minimalTranscript(ids)
                .spokenPunctuation(false).automaticPunctuation(true).isDictation(false).isMultichannel(true)
                .diarize(false).async(true)
                .participants(List.of(
                        new TranscriptsParticipant().channel(0).role(TranscriptsParticipantRoleEnum.DOCTOR),
                        new TranscriptsParticipant().channel(1).role(TranscriptsParticipantRoleEnum.PATIENT)))
                .replacements(List.of(new TranscriptsCreateRequestReplacementsInner().find("BID").replace("twice daily")))
                .keyterms(new TranscriptsCreateRequestKeyterms().terms(List.of(
                        new TranscriptsCreateRequestKeytermsTermsInner().term("Lovelace"))));
    }

    static FactsCreateRequest minimalFacts() {
        return new FactsCreateRequest().facts(List.of(new FactsCreateInput().text("Fever since Monday").group("other")));
    }

    static FactsCreateRequest fullFacts() {
        return new FactsCreateRequest().facts(List.of(
                new FactsCreateInput().text("Fever since Monday").group("other").source(CommonSourceEnum.USER)));
    }

    static FactsBatchUpdateRequest minimalBatchUpdate(ContractIds ids) {
        return new FactsBatchUpdateRequest().facts(List.of(new FactsBatchUpdateInput().factId(ids.fact())));
    }

    static FactsBatchUpdateRequest fullBatchUpdate(ContractIds ids) {
        return new FactsBatchUpdateRequest().facts(List.of(new FactsBatchUpdateInput().factId(ids.fact())
                .isDiscarded(true).text("Fever since Sunday").group("past-medical-history")));
    }

    static FactsUpdateRequest fullFactUpdate() {
        return new FactsUpdateRequest().text("Fever since Sunday").group("past-medical-history").source(CommonSourceEnum.CORE)
                .isDiscarded(false);
    }

    static RequestDocumentCreate minimalDocument(ContractIds ids) {
        return new RequestDocumentCreate().templateKey(ids.templateKey()).outputLanguage("en")
                .context(List.of(new RequestDocumentCreateContextInner().type(V2DocumentContextTypeEnum.STRING)
                        .data("Patient reports a fever.")));
    }

    /** Every field, and each of the three shapes of a context item's {@code data}: facts, a transcript, text. */
    static RequestDocumentCreate fullDocument(ContractIds ids) {
        return new RequestDocumentCreate().templateKey(ids.templateKey()).outputLanguage("en")
                .name("Visit note").modelName("model_name (Latest)")
                .template(new DocumentTemplate().sectionIds(List.of(ids.classicSectionId()))
                        .sectionKeys(List.of(ids.classicSectionKey()))
                        .documentName("SOAP").additionalInstructions("Be brief."))
                .context(List.of(
                        new RequestDocumentCreateContextInner().type(V2DocumentContextTypeEnum.FACTS)
                                .data(List.of(new FactContext().text("Fever").group("Others").source(V2SourceEnum.CORE))),
                        new RequestDocumentCreateContextInner().type(V2DocumentContextTypeEnum.TRANSCRIPT)
                                .data(new Transcript().channel(0).participant(1).speakerId(2).text("I have a fever.")
                                        .start(0).end(1500)),
                        new RequestDocumentCreateContextInner().type(V2DocumentContextTypeEnum.STRING)
                                .data("Patient reports a fever.")));
    }

    static RequestDocumentUpdate fullDocumentUpdate(ContractIds ids) {
        return new RequestDocumentUpdate().name("Visit note, edited").sections(List.of(
                new RequestDocumentUpdateSectionsInner().key(ids.documentSectionKey()).name("History").text("Fever.").sort(1)));
    }

    static CodesGeneralPredictRequest minimalCodes() {
        return new CodesGeneralPredictRequest().system(new LinkedHashSet<>(List.of(CommonCodingSystemEnum.CPT)))
                .context(List.of(new CommonTextContext().type(CommonTextContext.TypeEnum.TEXT).text("Arm splint applied.")));
    }

    /** Both kinds of context (text and a document id) and the filter. */
    static CodesGeneralPredictRequest fullCodes(ContractIds ids) {
        return new CodesGeneralPredictRequest()
                .system(new LinkedHashSet<>(List.of(CommonCodingSystemEnum.ICD10CM_OUTPATIENT, CommonCodingSystemEnum.CPT)))
                .context(List.of(
                        new CommonTextContext().type(CommonTextContext.TypeEnum.TEXT).text("Arm splint applied."),
                        new CommonDocumentIDContext().type(CommonDocumentIDContext.TypeEnum.DOCUMENT_ID).documentId(ids.document())))
                .filter(new CodesFilter().include(List.of("E11")).exclude(List.of("E11.9")).expand(true));
    }

    static GuidedDocumentsGenerateByTemplateRef minimalByTemplate(ContractIds ids) {
        GuidedDocumentsGenerateByTemplateRef request = new GuidedDocumentsGenerateByTemplateRef().outputLanguage("en")
                .templateRef(new GuidedTemplateRef().templateId(ids.guidedTemplate()));
        return ids.guidedInteraction() == null ? request : request.interactionId(ids.guidedInteraction());
    }

    static GuidedDocumentsGenerateByAssembly minimalByAssembly(ContractIds ids) {
        GuidedDocumentsGenerateByAssembly request = new GuidedDocumentsGenerateByAssembly().outputLanguage("en")
                .assemblyTemplate(new GuidedAssemblyRequest().name("Assembled")
                        .sectionRefs(List.of(new GuidedAssemblySectionRef().sectionId(ids.guidedSection()))));
        return ids.guidedInteraction() == null ? request : request.interactionId(ids.guidedInteraction());
    }

    static GuidedDocumentsGenerateByDynamic minimalByDynamic(ContractIds ids) {
        GuidedDocumentsGenerateByDynamic request = new GuidedDocumentsGenerateByDynamic().outputLanguage("en")
                .dynamicTemplate(new GuidedDynamicRequest().name("Inline").generation(new GuidedDynamicInline()
                        .instructions(new GuidedTemplateInstructions().prompt("Write a note."))
                        .sections(List.of(new GuidedSectionGeneration().heading("Plan")
                                .instructions(new GuidedSectionInstructions().contentPrompt("The plan."))
                                .outputSchema(new GuidedStringNode().type(GuidedStringNode.TypeEnum.STRING))))));
        return ids.guidedInteraction() == null ? request : request.interactionId(ids.guidedInteraction());
    }

    /**
     * A stored template with every override: one section override per kind of output node.
     *
     * @param ids         the template, its version, its section and the interaction
     * @param withContext the three kinds of context if true, else an interaction id (the spec wants one of them)
     * @return the request
     */
    static GuidedDocumentsGenerateByTemplateRef fullByTemplate(ContractIds ids, boolean withContext) {
        GuidedDocumentsGenerateByTemplateRef request = new GuidedDocumentsGenerateByTemplateRef().outputLanguage("en")
                .labels(labels())
                .templateRef(new GuidedTemplateRef().templateId(ids.guidedTemplate())
                        .templateVersionId(ids.guidedTemplateVersion())
                        .overrides(new GuidedTemplateOverrides()
                                .instructions(new GuidedTemplateInstructions().prompt("Use short sentences."))
                                .sections(sectionOverrides(ids))));
        return withContext ? request.context(contexts()) : request.interactionId(ids.interaction());
    }

    /**
     * Sections assembled with every override, one per kind of output node.
     *
     * @param ids         the section, its version and the interaction
     * @param withContext the three kinds of context if true, else an interaction id
     * @return the request
     */
    static GuidedDocumentsGenerateByAssembly fullByAssembly(ContractIds ids, boolean withContext) {
        GuidedDocumentsGenerateByAssembly request = new GuidedDocumentsGenerateByAssembly().outputLanguage("en")
                .labels(labels())
                .assemblyTemplate(new GuidedAssemblyRequest().name("Assembled")
                        .instructions(new GuidedTemplateInstructions().prompt("Use short sentences."))
                        .sectionRefs(outputNodes().stream().map(node -> new GuidedAssemblySectionRef()
                                .sectionId(ids.guidedSection()).sectionVersionId(ids.guidedSectionVersion())
                                .overrides(sectionOverrides(node))).toList()));
        return withContext ? request.context(contexts()) : request.interactionId(ids.interaction());
    }

    /**
     * An inline template with one section per kind of output node.
     *
     * @param ids         the interaction
     * @param withContext the three kinds of context if true, else an interaction id
     * @return the request
     */
    static GuidedDocumentsGenerateByDynamic fullByDynamic(ContractIds ids, boolean withContext) {
        GuidedDocumentsGenerateByDynamic request = new GuidedDocumentsGenerateByDynamic().outputLanguage("en")
                .labels(labels())
                .dynamicTemplate(new GuidedDynamicRequest().name("Inline").generation(new GuidedDynamicInline()
                        .instructions(new GuidedTemplateInstructions().prompt("Write a note."))
                        .sections(outputNodes().stream().map(node -> new GuidedSectionGeneration().heading("Section")
                                .instructions(new GuidedSectionInstructions().contentPrompt("What to include.")
                                        .writingStylePrompt("Terse.").miscPrompt("No abbreviations."))
                                .outputSchema(node)).toList())));
        return withContext ? request.context(contexts()) : request.interactionId(ids.interaction());
    }

    /**
     * One override per kind of output node, each of the next section of the template, round its sections, so every
     * section is overridden (repeated overrides of one section are EmulatorFixedBugsTest's).
     */
    private static List<GuidedSectionOverride> sectionOverrides(ContractIds ids) {
        List<GuidedOutputSchema> nodes = outputNodes();
        List<UUID> sections = ids.templateSections();
        return IntStream.range(0, nodes.size()).mapToObj(i -> new GuidedSectionOverride()
                .sectionId(sections.get(i % sections.size())).generation(sectionOverrides(nodes.get(i)))).toList();
    }

    private static List<GuidedLabel> labels() {
        return List.of(new GuidedLabel().key("ward").value("cardiology"));
    }

    private static GuidedSectionOverrides sectionOverrides(GuidedOutputSchema node) {
        return new GuidedSectionOverrides().heading("Overridden")
                .instructions(new GuidedSectionInstructionsOverride().contentPrompt("Include the plan.")
                        .writingStylePrompt("Terse.").miscPrompt("No abbreviations."))
                .outputSchema(node);
    }

    /** Text, a transcript with its metadata and every segment field, and facts. */
    private static List<GuidedDocumentContext> contexts() {
        return List.of(
                new CommonTextContext().type(CommonTextContext.TypeEnum.TEXT).text("Patient reports a fever."),
                new CommonTranscriptContext().type(CommonTranscriptContext.TypeEnum.TRANSCRIPT)
                        .transcript(new GuidedDocumentTranscriptMinimal()
                                .metadata(new GuidedDocumentTranscriptMetadataMinimal().participantsRoles(List.of(
                                        new TranscriptsParticipant().channel(0).role(TranscriptsParticipantRoleEnum.MULTIPLE))))
                                .transcripts(List.of(new GuidedDocumentTranscriptSegmentMinimal().channel(0).participant(0)
                                        .speakerId(1).text("I have had a fever since Monday.").start(0).end(2100)))),
                new CommonFactsContext().type(CommonFactsContext.TypeEnum.FACTS)
                        .facts(List.of(new GuidedDocumentFactMinimal().text("Fever").group("Others"))));
    }

    /** One output node of each kind, every field set; the array and object nodes nest a string node. */
    static List<GuidedOutputSchema> outputNodes() {
        GuidedStringNode string = new GuidedStringNode().type(GuidedStringNode.TypeEnum.STRING).description("A finding")
                ._default("none")._enum(List.of("none", "mild", "severe")).pattern("^[a-z]+$");
        return List.of(
                string,
                new GuidedNumberNode().type(GuidedNumberNode.TypeEnum.NUMBER).description("Temperature")
                        ._default(new BigDecimal("37.0"))._enum(List.of(new BigDecimal("37.0"), new BigDecimal("39.5")))
                        .minimum(new BigDecimal("30")).maximum(new BigDecimal("45")),
                new GuidedBoolNode().type(GuidedBoolNode.TypeEnum.BOOLEAN).description("Febrile")._default(false),
                new GuidedArrayNode().type(GuidedArrayNode.TypeEnum.ARRAY).description("Symptoms").items(string)
                        .itemFormat("* {item}").minItems(0).maxItems(5),
                new GuidedObjectNode().type(GuidedObjectNode.TypeEnum.OBJECT).description("Vitals")
                        .fieldFormat("{key}: {value}").fields(List.of(new GuidedFieldDefinition().key("pulse")
                                .description("Beats per minute").value(string)._default("unknown"))));
    }
}
