package ai.corti.it.contract;

import static ai.corti.it.contract.ContractRequests.AUDIO;
import static ai.corti.it.contract.OperationCall.Kind.FULL;
import static ai.corti.it.contract.OperationCall.Kind.MINIMAL;
import static ai.corti.it.contract.OperationCall.Kind.VARIANT;

import ai.corti.client.core.BinaryContent;
import ai.corti.client.core.documents.GetDocumentsRequest;
import ai.corti.client.core.guidedsections.ListGuidedSectionsRequest;
import ai.corti.client.core.guidedtemplates.ListGuidedTemplatesRequest;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.templates.ListTemplatesRequest;
import ai.corti.client.core.templates.SectionListTemplatesRequest;
import ai.corti.client.core.transcripts.ListTranscriptsRequest;
import ai.corti.client.model.CommonSortingDirectionEnum;
import ai.corti.client.model.FactsUpdateRequest;
import ai.corti.client.model.GuidedDocumentsGenerateRequest;
import ai.corti.client.model.GuidedSourceFilter;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsListSortEnum;
import ai.corti.client.model.InteractionsUpdateRequest;
import ai.corti.client.model.RequestDocumentUpdate;
import ai.corti.it.contract.OperationCall.BlockingCall;
import ai.corti.it.contract.OperationCall.Kind;
import ai.corti.it.contract.OperationCall.ReactiveCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every call the contract suite makes, per operation: the minimal request, the fully populated ones, and the other
 * overloads and input forms (ids as strings, uploads from bytes, a file, a stream or a {@link BinaryContent},
 * downloads to a stream or a file, the raw-response views). Each is written once per facade with the same
 * arguments. The suite fails for an operation of the spec without calls here, so a new operation cannot slip by.
 * What a call refers to comes from the {@link ContractIds} it is run with: fixed ones for MockServer, the ids of
 * resources created first for the emulator.
 */
final class ContractCalls {

    private final Path workDir;
    private final Map<String, List<OperationCall>> calls = new LinkedHashMap<>();

    private ContractCalls(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Builds every call.
     *
     * @param workDir a directory for the files uploads read and downloads write
     * @return the calls per operation id, in the order written
     */
    static Map<String, List<OperationCall>> all(Path workDir) {
        ContractCalls all = new ContractCalls(workDir);
        all.interactions();
        all.recordings();
        all.transcripts();
        all.facts();
        all.documents();
        all.templates();
        all.codes();
        all.guidedDocuments();
        all.guidedLists();
        return all.calls;
    }

    private void add(String operationId, String name, Kind kind, BlockingCall blocking, ReactiveCall reactive) {
        calls.computeIfAbsent(operationId, key -> new ArrayList<>())
                .add(new OperationCall(operationId, name, kind, false, blocking, reactive));
    }

    private void addOneShot(String operationId, String name, BlockingCall blocking, ReactiveCall reactive) {
        calls.computeIfAbsent(operationId, key -> new ArrayList<>())
                .add(new OperationCall(operationId, name, VARIANT, true, blocking, reactive));
    }

    private void interactions() {
        ListInteractionsRequest everyFilter = ListInteractionsRequest.builder()
                .sort(InteractionsListSortEnum.UPDATED_AT).direction(CommonSortingDirectionEnum.ASC)
                .pageSize(25).index(2).patient("patient-1")
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.COMPLETED)
                .build();
        add("interactions_list", "first page", MINIMAL,
                (c, id) -> c.interactions().list().byPage().iterator().next().items(),
                (r, id) -> r.interactions().list().byPage().next().map(page -> page.items()));
        add("interactions_list", "every filter", FULL,
                (c, id) -> c.interactions().list(everyFilter).byPage().iterator().next().items(),
                (r, id) -> r.interactions().list(everyFilter).byPage().next().map(page -> page.items()));
        add("interactions_list", "raw page", VARIANT,
                (c, id) -> c.interactions().withRawResponse().listPage(everyFilter, 3),
                (r, id) -> r.interactions().withRawResponse().listPage(everyFilter, 3));

        add("interactions_create", "minimal", MINIMAL,
                (c, id) -> c.interactions().create(ContractRequests.minimalInteraction()),
                (r, id) -> r.interactions().create(ContractRequests.minimalInteraction()));
        add("interactions_create", "every field", FULL,
                (c, id) -> c.interactions().create(ContractRequests.fullInteraction()),
                (r, id) -> r.interactions().create(ContractRequests.fullInteraction()));
        add("interactions_create", "raw", VARIANT,
                (c, id) -> c.interactions().withRawResponse().create(ContractRequests.minimalInteraction()),
                (r, id) -> r.interactions().withRawResponse().create(ContractRequests.minimalInteraction()));

        add("interactions_get", "by UUID", MINIMAL,
                (c, id) -> c.interactions().get(id.interaction()), (r, id) -> r.interactions().get(id.interaction()));
        add("interactions_get", "by string", VARIANT,
                (c, id) -> c.interactions().get(id.interaction().toString()),
                (r, id) -> r.interactions().get(id.interaction().toString()));
        add("interactions_get", "raw", VARIANT,
                (c, id) -> c.interactions().withRawResponse().get(id.interaction()),
                (r, id) -> r.interactions().withRawResponse().get(id.interaction()));

        add("interactions_update", "empty patch", MINIMAL,
                (c, id) -> c.interactions().update(id.interaction(), new InteractionsUpdateRequest()),
                (r, id) -> r.interactions().update(id.interaction(), new InteractionsUpdateRequest()));
        add("interactions_update", "every field", FULL,
                (c, id) -> c.interactions().update(id.interaction(), ContractRequests.fullInteractionUpdate()),
                (r, id) -> r.interactions().update(id.interaction(), ContractRequests.fullInteractionUpdate()));
        add("interactions_update", "by string", VARIANT,
                (c, id) -> c.interactions().update(id.interaction().toString(), new InteractionsUpdateRequest()),
                (r, id) -> r.interactions().update(id.interaction().toString(), new InteractionsUpdateRequest()));
        add("interactions_update", "raw", VARIANT,
                (c, id) -> c.interactions().withRawResponse().update(id.interaction(), new InteractionsUpdateRequest()),
                (r, id) -> r.interactions().withRawResponse().update(id.interaction(), new InteractionsUpdateRequest()));

        add("interactions_delete", "by UUID", MINIMAL,
                (c, id) -> none(() -> c.interactions().delete(id.interaction())),
                (r, id) -> r.interactions().delete(id.interaction()));
        add("interactions_delete", "by string", VARIANT,
                (c, id) -> none(() -> c.interactions().delete(id.interaction().toString())),
                (r, id) -> r.interactions().delete(id.interaction().toString()));
        add("interactions_delete", "raw", VARIANT,
                (c, id) -> c.interactions().withRawResponse().delete(id.interaction()),
                (r, id) -> r.interactions().withRawResponse().delete(id.interaction()));
    }

    private void recordings() {
        add("recordings_list", "by UUID", MINIMAL,
                (c, id) -> c.recordings().list(id.interaction()), (r, id) -> r.recordings().list(id.interaction()));
        add("recordings_list", "by string", VARIANT,
                (c, id) -> c.recordings().list(id.interaction().toString()),
                (r, id) -> r.recordings().list(id.interaction().toString()));
        add("recordings_list", "raw", VARIANT,
                (c, id) -> c.recordings().withRawResponse().list(id.interaction()),
                (r, id) -> r.recordings().withRawResponse().list(id.interaction()));

        add("recordings_upload", "from bytes", MINIMAL,
                (c, id) -> c.recordings().upload(id.interaction(), AUDIO),
                (r, id) -> r.recordings().upload(id.interaction(), AUDIO));
        add("recordings_upload", "from a file", VARIANT,
                (c, id) -> c.recordings().upload(id.interaction(), audioFile()),
                (r, id) -> r.recordings().upload(id.interaction(), audioFile()));
        add("recordings_upload", "from BinaryContent over a file", VARIANT,
                (c, id) -> c.recordings().upload(id.interaction(), BinaryContent.of(audioFile())),
                (r, id) -> r.recordings().upload(id.interaction(), BinaryContent.of(audioFile())));
        addOneShot("recordings_upload", "from a stream",
                (c, id) -> c.recordings().upload(id.interaction(), new ByteArrayInputStream(AUDIO), AUDIO.length),
                (r, id) -> r.recordings().upload(id.interaction(), chunks(AUDIO), AUDIO.length));
        add("recordings_upload", "by string", VARIANT,
                (c, id) -> c.recordings().upload(id.interaction().toString(), AUDIO),
                (r, id) -> r.recordings().upload(id.interaction().toString(), AUDIO));
        add("recordings_upload", "raw", VARIANT,
                (c, id) -> c.recordings().withRawResponse().upload(id.interaction(), BinaryContent.of(AUDIO)),
                (r, id) -> r.recordings().withRawResponse().upload(id.interaction(), BinaryContent.of(AUDIO)));

        add("recordings_get", "to a stream", MINIMAL,
                (c, id) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    c.recordings().get(id.interaction(), id.recording(), out);
                    return out.toByteArray();
                },
                (r, id) -> collect(r.recordings().get(id.interaction(), id.recording())));
        add("recordings_get", "to a file, by string", VARIANT,
                (c, id) -> {
                    Path target = Files.createTempFile(workDir, "download", ".bin");
                    c.recordings().get(id.interaction().toString(), id.recording().toString(), target);
                    return Files.readAllBytes(target);
                },
                (r, id) -> collect(r.recordings().get(id.interaction().toString(), id.recording().toString())));

        add("recordings_delete", "by UUID", MINIMAL,
                (c, id) -> none(() -> c.recordings().delete(id.interaction(), id.recording())),
                (r, id) -> r.recordings().delete(id.interaction(), id.recording()));
        add("recordings_delete", "by string", VARIANT,
                (c, id) -> none(() -> c.recordings().delete(id.interaction().toString(), id.recording().toString())),
                (r, id) -> r.recordings().delete(id.interaction().toString(), id.recording().toString()));
        add("recordings_delete", "raw", VARIANT,
                (c, id) -> c.recordings().withRawResponse().delete(id.interaction(), id.recording()),
                (r, id) -> r.recordings().withRawResponse().delete(id.interaction(), id.recording()));
    }

    private void transcripts() {
        ListTranscriptsRequest full = ListTranscriptsRequest.builder().full(true).build();
        add("transcripts_list", "by UUID", MINIMAL,
                (c, id) -> c.transcripts().list(id.interaction()), (r, id) -> r.transcripts().list(id.interaction()));
        add("transcripts_list", "full", FULL,
                (c, id) -> c.transcripts().list(id.interaction(), full),
                (r, id) -> r.transcripts().list(id.interaction(), full));
        add("transcripts_list", "by string", VARIANT,
                (c, id) -> c.transcripts().list(id.interaction().toString(), full),
                (r, id) -> r.transcripts().list(id.interaction().toString(), full));
        add("transcripts_list", "raw", VARIANT,
                (c, id) -> c.transcripts().withRawResponse().list(id.interaction(), full),
                (r, id) -> r.transcripts().withRawResponse().list(id.interaction(), full));

        add("transcripts_create", "minimal", MINIMAL,
                (c, id) -> c.transcripts().create(id.interaction(), ContractRequests.minimalTranscript(id)),
                (r, id) -> r.transcripts().create(id.interaction(), ContractRequests.minimalTranscript(id)));
        add("transcripts_create", "every field", FULL,
                (c, id) -> c.transcripts().create(id.interaction(), ContractRequests.fullTranscript(id)),
                (r, id) -> r.transcripts().create(id.interaction(), ContractRequests.fullTranscript(id)));
        add("transcripts_create", "by string", VARIANT,
                (c, id) -> c.transcripts().create(id.interaction().toString(), ContractRequests.minimalTranscript(id)),
                (r, id) -> r.transcripts().create(id.interaction().toString(), ContractRequests.minimalTranscript(id)));
        add("transcripts_create", "raw", VARIANT,
                (c, id) -> c.transcripts().withRawResponse().create(id.interaction(), ContractRequests.minimalTranscript(id)),
                (r, id) -> r.transcripts().withRawResponse().create(id.interaction(), ContractRequests.minimalTranscript(id)));

        add("transcripts_get", "by UUID", MINIMAL,
                (c, id) -> c.transcripts().get(id.interaction(), id.transcript()),
                (r, id) -> r.transcripts().get(id.interaction(), id.transcript()));
        add("transcripts_get", "by string", VARIANT,
                (c, id) -> c.transcripts().get(id.interaction().toString(), id.transcript().toString()),
                (r, id) -> r.transcripts().get(id.interaction().toString(), id.transcript().toString()));
        add("transcripts_get", "raw", VARIANT,
                (c, id) -> c.transcripts().withRawResponse().get(id.interaction(), id.transcript()),
                (r, id) -> r.transcripts().withRawResponse().get(id.interaction(), id.transcript()));

        add("transcripts_get_status", "by UUID", MINIMAL,
                (c, id) -> c.transcripts().getStatus(id.interaction(), id.transcript()),
                (r, id) -> r.transcripts().getStatus(id.interaction(), id.transcript()));
        add("transcripts_get_status", "by string", VARIANT,
                (c, id) -> c.transcripts().getStatus(id.interaction().toString(), id.transcript().toString()),
                (r, id) -> r.transcripts().getStatus(id.interaction().toString(), id.transcript().toString()));
        add("transcripts_get_status", "raw", VARIANT,
                (c, id) -> c.transcripts().withRawResponse().getStatus(id.interaction(), id.transcript()),
                (r, id) -> r.transcripts().withRawResponse().getStatus(id.interaction(), id.transcript()));

        add("transcripts_delete", "by UUID", MINIMAL,
                (c, id) -> none(() -> c.transcripts().delete(id.interaction(), id.transcript())),
                (r, id) -> r.transcripts().delete(id.interaction(), id.transcript()));
        add("transcripts_delete", "by string", VARIANT,
                (c, id) -> none(() -> c.transcripts().delete(id.interaction().toString(), id.transcript().toString())),
                (r, id) -> r.transcripts().delete(id.interaction().toString(), id.transcript().toString()));
        add("transcripts_delete", "raw", VARIANT,
                (c, id) -> c.transcripts().withRawResponse().delete(id.interaction(), id.transcript()),
                (r, id) -> r.transcripts().withRawResponse().delete(id.interaction(), id.transcript()));
    }

    private void facts() {
        add("facts_fact_groups_list", "all", MINIMAL,
                (c, id) -> c.facts().factGroupsList(), (r, id) -> r.facts().factGroupsList());
        add("facts_fact_groups_list", "raw", VARIANT,
                (c, id) -> c.facts().withRawResponse().factGroupsList(),
                (r, id) -> r.facts().withRawResponse().factGroupsList());

        add("facts_list", "by UUID", MINIMAL, (c, id) -> c.facts().list(id.interaction()),
                (r, id) -> r.facts().list(id.interaction()));
        add("facts_list", "by string", VARIANT,
                (c, id) -> c.facts().list(id.interaction().toString()),
                (r, id) -> r.facts().list(id.interaction().toString()));
        add("facts_list", "raw", VARIANT,
                (c, id) -> c.facts().withRawResponse().list(id.interaction()),
                (r, id) -> r.facts().withRawResponse().list(id.interaction()));

        add("facts_create", "minimal", MINIMAL,
                (c, id) -> c.facts().create(id.interaction(), ContractRequests.minimalFacts()),
                (r, id) -> r.facts().create(id.interaction(), ContractRequests.minimalFacts()));
        add("facts_create", "every field", FULL,
                (c, id) -> c.facts().create(id.interaction(), ContractRequests.fullFacts()),
                (r, id) -> r.facts().create(id.interaction(), ContractRequests.fullFacts()));
        add("facts_create", "by string", VARIANT,
                (c, id) -> c.facts().create(id.interaction().toString(), ContractRequests.minimalFacts()),
                (r, id) -> r.facts().create(id.interaction().toString(), ContractRequests.minimalFacts()));
        add("facts_create", "raw", VARIANT,
                (c, id) -> c.facts().withRawResponse().create(id.interaction(), ContractRequests.minimalFacts()),
                (r, id) -> r.facts().withRawResponse().create(id.interaction(), ContractRequests.minimalFacts()));

        add("facts_batch_update", "minimal", MINIMAL,
                (c, id) -> c.facts().batchUpdate(id.interaction(), ContractRequests.minimalBatchUpdate(id)),
                (r, id) -> r.facts().batchUpdate(id.interaction(), ContractRequests.minimalBatchUpdate(id)));
        add("facts_batch_update", "every field", FULL,
                (c, id) -> c.facts().batchUpdate(id.interaction(), ContractRequests.fullBatchUpdate(id)),
                (r, id) -> r.facts().batchUpdate(id.interaction(), ContractRequests.fullBatchUpdate(id)));
        add("facts_batch_update", "by string", VARIANT,
                (c, id) -> c.facts().batchUpdate(id.interaction().toString(), ContractRequests.minimalBatchUpdate(id)),
                (r, id) -> r.facts().batchUpdate(id.interaction().toString(), ContractRequests.minimalBatchUpdate(id)));
        add("facts_batch_update", "raw", VARIANT,
                (c, id) -> c.facts().withRawResponse().batchUpdate(id.interaction(), ContractRequests.minimalBatchUpdate(id)),
                (r, id) -> r.facts().withRawResponse().batchUpdate(id.interaction(), ContractRequests.minimalBatchUpdate(id)));

        add("facts_update", "empty patch", MINIMAL,
                (c, id) -> c.facts().update(id.interaction(), id.fact(), new FactsUpdateRequest()),
                (r, id) -> r.facts().update(id.interaction(), id.fact(), new FactsUpdateRequest()));
        add("facts_update", "every field", FULL,
                (c, id) -> c.facts().update(id.interaction(), id.fact(), ContractRequests.fullFactUpdate()),
                (r, id) -> r.facts().update(id.interaction(), id.fact(), ContractRequests.fullFactUpdate()));
        add("facts_update", "by string", VARIANT,
                (c, id) -> c.facts().update(id.interaction().toString(), id.fact().toString(), new FactsUpdateRequest()),
                (r, id) -> r.facts().update(id.interaction().toString(), id.fact().toString(), new FactsUpdateRequest()));
        add("facts_update", "raw", VARIANT,
                (c, id) -> c.facts().withRawResponse().update(id.interaction(), id.fact(), new FactsUpdateRequest()),
                (r, id) -> r.facts().withRawResponse().update(id.interaction(), id.fact(), new FactsUpdateRequest()));
    }

    private void documents() {
        add("documents_list", "by UUID", MINIMAL,
                (c, id) -> c.documents().list(id.interaction()), (r, id) -> r.documents().list(id.interaction()));
        add("documents_list", "by string", VARIANT,
                (c, id) -> c.documents().list(id.interaction().toString()),
                (r, id) -> r.documents().list(id.interaction().toString()));
        add("documents_list", "raw", VARIANT,
                (c, id) -> c.documents().withRawResponse().list(id.interaction()),
                (r, id) -> r.documents().withRawResponse().list(id.interaction()));

        add("documents_create", "minimal", MINIMAL,
                (c, id) -> c.documents().create(id.interaction(), ContractRequests.minimalDocument(id)),
                (r, id) -> r.documents().create(id.interaction(), ContractRequests.minimalDocument(id)));
        add("documents_create", "every field and context shape", FULL,
                (c, id) -> c.documents().create(id.interaction(), ContractRequests.fullDocument(id)),
                (r, id) -> r.documents().create(id.interaction(), ContractRequests.fullDocument(id)));
        add("documents_create", "by string", VARIANT,
                (c, id) -> c.documents().create(id.interaction().toString(), ContractRequests.minimalDocument(id)),
                (r, id) -> r.documents().create(id.interaction().toString(), ContractRequests.minimalDocument(id)));
        add("documents_create", "raw", VARIANT,
                (c, id) -> c.documents().withRawResponse().create(id.interaction(), ContractRequests.minimalDocument(id)),
                (r, id) -> r.documents().withRawResponse().create(id.interaction(), ContractRequests.minimalDocument(id)));

        GetDocumentsRequest withContext = GetDocumentsRequest.builder().context(true).build();
        add("documents_get", "by UUID", MINIMAL,
                (c, id) -> c.documents().get(id.interaction(), id.document()),
                (r, id) -> r.documents().get(id.interaction(), id.document()));
        add("documents_get", "with its context", FULL,
                (c, id) -> c.documents().get(id.interaction(), id.document(), withContext),
                (r, id) -> r.documents().get(id.interaction(), id.document(), withContext));
        add("documents_get", "by string", VARIANT,
                (c, id) -> c.documents().get(id.interaction().toString(), id.document(), withContext),
                (r, id) -> r.documents().get(id.interaction().toString(), id.document(), withContext));
        add("documents_get", "raw", VARIANT,
                (c, id) -> c.documents().withRawResponse().get(id.interaction(), id.document(), withContext),
                (r, id) -> r.documents().withRawResponse().get(id.interaction(), id.document(), withContext));

        add("documents_update", "empty patch", MINIMAL,
                (c, id) -> c.documents().update(id.interaction(), id.document(), new RequestDocumentUpdate()),
                (r, id) -> r.documents().update(id.interaction(), id.document(), new RequestDocumentUpdate()));
        add("documents_update", "every field", FULL,
                (c, id) -> c.documents().update(id.interaction(), id.document(), ContractRequests.fullDocumentUpdate(id)),
                (r, id) -> r.documents().update(id.interaction(), id.document(), ContractRequests.fullDocumentUpdate(id)));
        add("documents_update", "by string", VARIANT,
                (c, id) -> c.documents().update(id.interaction().toString(), id.document(), new RequestDocumentUpdate()),
                (r, id) -> r.documents().update(id.interaction().toString(), id.document(), new RequestDocumentUpdate()));
        add("documents_update", "raw", VARIANT,
                (c, id) -> c.documents().withRawResponse().update(id.interaction(), id.document(), new RequestDocumentUpdate()),
                (r, id) -> r.documents().withRawResponse().update(id.interaction(), id.document(), new RequestDocumentUpdate()));

        add("documents_delete", "by UUID", MINIMAL,
                (c, id) -> none(() -> c.documents().delete(id.interaction(), id.document())),
                (r, id) -> r.documents().delete(id.interaction(), id.document()));
        add("documents_delete", "by string", VARIANT,
                (c, id) -> none(() -> c.documents().delete(id.interaction().toString(), id.document())),
                (r, id) -> r.documents().delete(id.interaction().toString(), id.document()));
        add("documents_delete", "raw", VARIANT,
                (c, id) -> c.documents().withRawResponse().delete(id.interaction(), id.document()),
                (r, id) -> r.documents().withRawResponse().delete(id.interaction(), id.document()));
    }

    private void templates() {
        SectionListTemplatesRequest sectionFilters = SectionListTemplatesRequest.builder().org("corti").lang("en").build();
        add("templates_section_list", "all", MINIMAL,
                (c, id) -> c.templates().sectionList(), (r, id) -> r.templates().sectionList());
        add("templates_section_list", "every filter", FULL,
                (c, id) -> c.templates().sectionList(sectionFilters),
                (r, id) -> r.templates().sectionList(sectionFilters));
        add("templates_section_list", "raw", VARIANT,
                (c, id) -> c.templates().withRawResponse().sectionList(sectionFilters),
                (r, id) -> r.templates().withRawResponse().sectionList(sectionFilters));

        ListTemplatesRequest filters = ListTemplatesRequest.builder().org("corti").lang("en").templateStatus("published")
                .build();
        add("templates_list", "all", MINIMAL, (c, id) -> c.templates().list(), (r, id) -> r.templates().list());
        add("templates_list", "every filter", FULL,
                (c, id) -> c.templates().list(filters), (r, id) -> r.templates().list(filters));
        add("templates_list", "raw", VARIANT,
                (c, id) -> c.templates().withRawResponse().list(filters),
                (r, id) -> r.templates().withRawResponse().list(filters));

        add("templates_get", "by key", MINIMAL,
                (c, id) -> c.templates().get(id.templateKey()), (r, id) -> r.templates().get(id.templateKey()));
        add("templates_get", "raw", VARIANT,
                (c, id) -> c.templates().withRawResponse().get(id.templateKey()),
                (r, id) -> r.templates().withRawResponse().get(id.templateKey()));
    }

    private void codes() {
        add("codes_predict", "minimal", MINIMAL,
                (c, id) -> c.codes().predict(ContractRequests.minimalCodes()),
                (r, id) -> r.codes().predict(ContractRequests.minimalCodes()));
        add("codes_predict", "every field and context kind", FULL,
                (c, id) -> c.codes().predict(ContractRequests.fullCodes(id)),
                (r, id) -> r.codes().predict(ContractRequests.fullCodes(id)));
        add("codes_predict", "raw", VARIANT,
                (c, id) -> c.codes().withRawResponse().predict(ContractRequests.minimalCodes()),
                (r, id) -> r.codes().withRawResponse().predict(ContractRequests.minimalCodes()));
    }

    private void guidedDocuments() {
        generate("by template, minimal", MINIMAL, null, ContractRequests::minimalByTemplate);
        generate("by assembly, minimal", MINIMAL, null, ContractRequests::minimalByAssembly);
        generate("by inline template, minimal", MINIMAL, null, ContractRequests::minimalByDynamic);
        generate("by template, every field, with context, not retained", FULL, "none",
                id -> ContractRequests.fullByTemplate(id, true));
        generate("by template, every field, from the interaction", FULL, null,
                id -> ContractRequests.fullByTemplate(id, false));
        generate("by assembly, every field, with context", FULL, null, id -> ContractRequests.fullByAssembly(id, true));
        generate("by assembly, every field, from the interaction", FULL, "none",
                id -> ContractRequests.fullByAssembly(id, false));
        generate("by inline template, every field, with context", FULL, null,
                id -> ContractRequests.fullByDynamic(id, true));
        generate("by inline template, every field, from the interaction", FULL, "none",
                id -> ContractRequests.fullByDynamic(id, false));
        add("guided_documents_generate", "raw", VARIANT,
                (c, id) -> c.guidedDocuments().withRawResponse().generate(null, ContractRequests.minimalByTemplate(id)),
                (r, id) -> r.guidedDocuments().withRawResponse().generate(null, ContractRequests.minimalByTemplate(id)));
    }

    private void generate(String name, Kind kind, String retention,
                          Function<ContractIds, GuidedDocumentsGenerateRequest> request) {
        if (retention == null) {
            add("guided_documents_generate", name, kind,
                    (c, id) -> c.guidedDocuments().generate(request.apply(id)),
                    (r, id) -> r.guidedDocuments().generate(request.apply(id)));
        } else {
            add("guided_documents_generate", name, kind,
                    (c, id) -> c.guidedDocuments().generate(retention, request.apply(id)),
                    (r, id) -> r.guidedDocuments().generate(retention, request.apply(id)));
        }
    }

    private void guidedLists() {
        ListGuidedSectionsRequest sectionFilters = ListGuidedSectionsRequest.builder().lang("en", "fr").region("BEL")
                .specialty("cardiology").label("ward:cardiology").published(true).source(GuidedSourceFilter.USER).build();
        add("guided_sections_list", "all", MINIMAL, (c, id) -> c.guidedSections().list(),
                (r, id) -> r.guidedSections().list());
        add("guided_sections_list", "every filter", FULL,
                (c, id) -> c.guidedSections().list(sectionFilters), (r, id) -> r.guidedSections().list(sectionFilters));
        add("guided_sections_list", "raw", VARIANT,
                (c, id) -> c.guidedSections().withRawResponse().list(sectionFilters),
                (r, id) -> r.guidedSections().withRawResponse().list(sectionFilters));

        ListGuidedTemplatesRequest templateFilters = ListGuidedTemplatesRequest.builder().lang("en", "fr").region("BEL")
                .specialty("cardiology").label("ward:cardiology").published(false).source(GuidedSourceFilter.CORTI).build();
        add("guided_templates_list", "all", MINIMAL, (c, id) -> c.guidedTemplates().list(),
                (r, id) -> r.guidedTemplates().list());
        add("guided_templates_list", "every filter", FULL,
                (c, id) -> c.guidedTemplates().list(templateFilters),
                (r, id) -> r.guidedTemplates().list(templateFilters));
        add("guided_templates_list", "raw", VARIANT,
                (c, id) -> c.guidedTemplates().withRawResponse().list(templateFilters),
                (r, id) -> r.guidedTemplates().withRawResponse().list(templateFilters));
    }

    /** The recording on disk, written on first use. */
    private Path audioFile() {
        Path file = workDir.resolve("recording.bin");
        try {
            if (!Files.exists(file)) {
                Files.write(file, AUDIO);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes as a publisher of 8 KiB chunks, read once. */
    private static Flux<ByteBuffer> chunks(byte[] bytes) {
        int chunk = 8 * 1024;
        return Flux.range(0, (bytes.length + chunk - 1) / chunk)
                .map(i -> ByteBuffer.wrap(bytes, i * chunk, Math.min(chunk, bytes.length - i * chunk)).slice());
    }

    /** A download's chunks gathered into one array (copied as they come: the SDK may reuse a chunk's memory). */
    private static Mono<byte[]> collect(Flux<ByteBuffer> chunks) {
        return chunks.collect(ByteArrayOutputStream::new, (out, chunk) -> {
            byte[] copy = new byte[chunk.remaining()];
            chunk.get(copy);
            out.write(copy, 0, copy.length);
        }).map(ByteArrayOutputStream::toByteArray);
    }

    /** Runs a call that returns nothing (a 204), giving the {@code null} the suite expects for no body. */
    private static Object none(Runnable call) {
        call.run();
        return null;
    }
}
