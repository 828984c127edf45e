package ai.corti.it.contract;

import static ai.corti.it.contract.ContractRequests.AUDIO;
import static ai.corti.it.contract.ContractRequests.DOCUMENT;
import static ai.corti.it.contract.ContractRequests.FACT;
import static ai.corti.it.contract.ContractRequests.INTERACTION;
import static ai.corti.it.contract.ContractRequests.RECORDING;
import static ai.corti.it.contract.ContractRequests.TEMPLATE_KEY;
import static ai.corti.it.contract.ContractRequests.TRANSCRIPT;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every call the contract suite makes, per operation: the minimal request, the fully populated ones, and the other
 * overloads and input forms (ids as strings, uploads from bytes, a file, a stream or a {@link BinaryContent},
 * downloads to a stream or a file, the raw-response views). Each is written once per facade with the same
 * arguments. The suite fails for an operation of the spec without calls here, so a new operation cannot slip by.
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
        calls.computeIfAbsent(operationId, id -> new ArrayList<>())
                .add(new OperationCall(operationId, name, kind, false, blocking, reactive));
    }

    private void addOneShot(String operationId, String name, BlockingCall blocking, ReactiveCall reactive) {
        calls.computeIfAbsent(operationId, id -> new ArrayList<>())
                .add(new OperationCall(operationId, name, VARIANT, true, blocking, reactive));
    }

    private void interactions() {
        ListInteractionsRequest everyFilter = ListInteractionsRequest.builder()
                .sort(InteractionsListSortEnum.UPDATED_AT).direction(CommonSortingDirectionEnum.ASC)
                .pageSize(25).index(2).patient("patient-1")
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.COMPLETED)
                .build();
        add("interactions_list", "first page", MINIMAL,
                c -> c.interactions().list().byPage().iterator().next().items(),
                r -> r.interactions().list().byPage().next().map(page -> page.items()));
        add("interactions_list", "every filter", FULL,
                c -> c.interactions().list(everyFilter).byPage().iterator().next().items(),
                r -> r.interactions().list(everyFilter).byPage().next().map(page -> page.items()));
        add("interactions_list", "raw page", VARIANT,
                c -> c.interactions().withRawResponse().listPage(everyFilter, 3),
                r -> r.interactions().withRawResponse().listPage(everyFilter, 3));

        add("interactions_create", "minimal", MINIMAL,
                c -> c.interactions().create(ContractRequests.minimalInteraction()),
                r -> r.interactions().create(ContractRequests.minimalInteraction()));
        add("interactions_create", "every field", FULL,
                c -> c.interactions().create(ContractRequests.fullInteraction()),
                r -> r.interactions().create(ContractRequests.fullInteraction()));
        add("interactions_create", "raw", VARIANT,
                c -> c.interactions().withRawResponse().create(ContractRequests.minimalInteraction()),
                r -> r.interactions().withRawResponse().create(ContractRequests.minimalInteraction()));

        add("interactions_get", "by UUID", MINIMAL,
                c -> c.interactions().get(INTERACTION), r -> r.interactions().get(INTERACTION));
        add("interactions_get", "by string", VARIANT,
                c -> c.interactions().get(INTERACTION.toString()), r -> r.interactions().get(INTERACTION.toString()));
        add("interactions_get", "raw", VARIANT,
                c -> c.interactions().withRawResponse().get(INTERACTION),
                r -> r.interactions().withRawResponse().get(INTERACTION));

        add("interactions_update", "empty patch", MINIMAL,
                c -> c.interactions().update(INTERACTION, new InteractionsUpdateRequest()),
                r -> r.interactions().update(INTERACTION, new InteractionsUpdateRequest()));
        add("interactions_update", "every field", FULL,
                c -> c.interactions().update(INTERACTION, ContractRequests.fullInteractionUpdate()),
                r -> r.interactions().update(INTERACTION, ContractRequests.fullInteractionUpdate()));
        add("interactions_update", "by string", VARIANT,
                c -> c.interactions().update(INTERACTION.toString(), new InteractionsUpdateRequest()),
                r -> r.interactions().update(INTERACTION.toString(), new InteractionsUpdateRequest()));
        add("interactions_update", "raw", VARIANT,
                c -> c.interactions().withRawResponse().update(INTERACTION, new InteractionsUpdateRequest()),
                r -> r.interactions().withRawResponse().update(INTERACTION, new InteractionsUpdateRequest()));

        add("interactions_delete", "by UUID", MINIMAL,
                c -> none(() -> c.interactions().delete(INTERACTION)), r -> r.interactions().delete(INTERACTION));
        add("interactions_delete", "by string", VARIANT,
                c -> none(() -> c.interactions().delete(INTERACTION.toString())),
                r -> r.interactions().delete(INTERACTION.toString()));
        add("interactions_delete", "raw", VARIANT,
                c -> c.interactions().withRawResponse().delete(INTERACTION),
                r -> r.interactions().withRawResponse().delete(INTERACTION));
    }

    private void recordings() {
        add("recordings_list", "by UUID", MINIMAL,
                c -> c.recordings().list(INTERACTION), r -> r.recordings().list(INTERACTION));
        add("recordings_list", "by string", VARIANT,
                c -> c.recordings().list(INTERACTION.toString()), r -> r.recordings().list(INTERACTION.toString()));
        add("recordings_list", "raw", VARIANT,
                c -> c.recordings().withRawResponse().list(INTERACTION),
                r -> r.recordings().withRawResponse().list(INTERACTION));

        add("recordings_upload", "from bytes", MINIMAL,
                c -> c.recordings().upload(INTERACTION, AUDIO), r -> r.recordings().upload(INTERACTION, AUDIO));
        add("recordings_upload", "from a file", VARIANT,
                c -> c.recordings().upload(INTERACTION, audioFile()), r -> r.recordings().upload(INTERACTION, audioFile()));
        add("recordings_upload", "from BinaryContent over a file", VARIANT,
                c -> c.recordings().upload(INTERACTION, BinaryContent.of(audioFile())),
                r -> r.recordings().upload(INTERACTION, BinaryContent.of(audioFile())));
        addOneShot("recordings_upload", "from a stream",
                c -> c.recordings().upload(INTERACTION, new ByteArrayInputStream(AUDIO), AUDIO.length),
                r -> r.recordings().upload(INTERACTION, chunks(AUDIO), AUDIO.length));
        add("recordings_upload", "by string", VARIANT,
                c -> c.recordings().upload(INTERACTION.toString(), AUDIO),
                r -> r.recordings().upload(INTERACTION.toString(), AUDIO));
        add("recordings_upload", "raw", VARIANT,
                c -> c.recordings().withRawResponse().upload(INTERACTION, BinaryContent.of(AUDIO)),
                r -> r.recordings().withRawResponse().upload(INTERACTION, BinaryContent.of(AUDIO)));

        add("recordings_get", "to a stream", MINIMAL,
                c -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    c.recordings().get(INTERACTION, RECORDING, out);
                    return out.toByteArray();
                },
                r -> collect(r.recordings().get(INTERACTION, RECORDING)));
        add("recordings_get", "to a file, by string", VARIANT,
                c -> {
                    Path target = Files.createTempFile(workDir, "download", ".bin");
                    c.recordings().get(INTERACTION.toString(), RECORDING.toString(), target);
                    return Files.readAllBytes(target);
                },
                r -> collect(r.recordings().get(INTERACTION.toString(), RECORDING.toString())));

        add("recordings_delete", "by UUID", MINIMAL,
                c -> none(() -> c.recordings().delete(INTERACTION, RECORDING)),
                r -> r.recordings().delete(INTERACTION, RECORDING));
        add("recordings_delete", "by string", VARIANT,
                c -> none(() -> c.recordings().delete(INTERACTION.toString(), RECORDING.toString())),
                r -> r.recordings().delete(INTERACTION.toString(), RECORDING.toString()));
        add("recordings_delete", "raw", VARIANT,
                c -> c.recordings().withRawResponse().delete(INTERACTION, RECORDING),
                r -> r.recordings().withRawResponse().delete(INTERACTION, RECORDING));
    }

    private void transcripts() {
        ListTranscriptsRequest full = ListTranscriptsRequest.builder().full(true).build();
        add("transcripts_list", "by UUID", MINIMAL,
                c -> c.transcripts().list(INTERACTION), r -> r.transcripts().list(INTERACTION));
        add("transcripts_list", "full", FULL,
                c -> c.transcripts().list(INTERACTION, full), r -> r.transcripts().list(INTERACTION, full));
        add("transcripts_list", "by string", VARIANT,
                c -> c.transcripts().list(INTERACTION.toString(), full),
                r -> r.transcripts().list(INTERACTION.toString(), full));
        add("transcripts_list", "raw", VARIANT,
                c -> c.transcripts().withRawResponse().list(INTERACTION, full),
                r -> r.transcripts().withRawResponse().list(INTERACTION, full));

        add("transcripts_create", "minimal", MINIMAL,
                c -> c.transcripts().create(INTERACTION, ContractRequests.minimalTranscript()),
                r -> r.transcripts().create(INTERACTION, ContractRequests.minimalTranscript()));
        add("transcripts_create", "every field", FULL,
                c -> c.transcripts().create(INTERACTION, ContractRequests.fullTranscript()),
                r -> r.transcripts().create(INTERACTION, ContractRequests.fullTranscript()));
        add("transcripts_create", "by string", VARIANT,
                c -> c.transcripts().create(INTERACTION.toString(), ContractRequests.minimalTranscript()),
                r -> r.transcripts().create(INTERACTION.toString(), ContractRequests.minimalTranscript()));
        add("transcripts_create", "raw", VARIANT,
                c -> c.transcripts().withRawResponse().create(INTERACTION, ContractRequests.minimalTranscript()),
                r -> r.transcripts().withRawResponse().create(INTERACTION, ContractRequests.minimalTranscript()));

        add("transcripts_get", "by UUID", MINIMAL,
                c -> c.transcripts().get(INTERACTION, TRANSCRIPT), r -> r.transcripts().get(INTERACTION, TRANSCRIPT));
        add("transcripts_get", "by string", VARIANT,
                c -> c.transcripts().get(INTERACTION.toString(), TRANSCRIPT.toString()),
                r -> r.transcripts().get(INTERACTION.toString(), TRANSCRIPT.toString()));
        add("transcripts_get", "raw", VARIANT,
                c -> c.transcripts().withRawResponse().get(INTERACTION, TRANSCRIPT),
                r -> r.transcripts().withRawResponse().get(INTERACTION, TRANSCRIPT));

        add("transcripts_get_status", "by UUID", MINIMAL,
                c -> c.transcripts().getStatus(INTERACTION, TRANSCRIPT),
                r -> r.transcripts().getStatus(INTERACTION, TRANSCRIPT));
        add("transcripts_get_status", "by string", VARIANT,
                c -> c.transcripts().getStatus(INTERACTION.toString(), TRANSCRIPT.toString()),
                r -> r.transcripts().getStatus(INTERACTION.toString(), TRANSCRIPT.toString()));
        add("transcripts_get_status", "raw", VARIANT,
                c -> c.transcripts().withRawResponse().getStatus(INTERACTION, TRANSCRIPT),
                r -> r.transcripts().withRawResponse().getStatus(INTERACTION, TRANSCRIPT));

        add("transcripts_delete", "by UUID", MINIMAL,
                c -> none(() -> c.transcripts().delete(INTERACTION, TRANSCRIPT)),
                r -> r.transcripts().delete(INTERACTION, TRANSCRIPT));
        add("transcripts_delete", "by string", VARIANT,
                c -> none(() -> c.transcripts().delete(INTERACTION.toString(), TRANSCRIPT.toString())),
                r -> r.transcripts().delete(INTERACTION.toString(), TRANSCRIPT.toString()));
        add("transcripts_delete", "raw", VARIANT,
                c -> c.transcripts().withRawResponse().delete(INTERACTION, TRANSCRIPT),
                r -> r.transcripts().withRawResponse().delete(INTERACTION, TRANSCRIPT));
    }

    private void facts() {
        add("facts_fact_groups_list", "all", MINIMAL,
                c -> c.facts().factGroupsList(), r -> r.facts().factGroupsList());
        add("facts_fact_groups_list", "raw", VARIANT,
                c -> c.facts().withRawResponse().factGroupsList(), r -> r.facts().withRawResponse().factGroupsList());

        add("facts_list", "by UUID", MINIMAL, c -> c.facts().list(INTERACTION), r -> r.facts().list(INTERACTION));
        add("facts_list", "by string", VARIANT,
                c -> c.facts().list(INTERACTION.toString()), r -> r.facts().list(INTERACTION.toString()));
        add("facts_list", "raw", VARIANT,
                c -> c.facts().withRawResponse().list(INTERACTION), r -> r.facts().withRawResponse().list(INTERACTION));

        add("facts_create", "minimal", MINIMAL,
                c -> c.facts().create(INTERACTION, ContractRequests.minimalFacts()),
                r -> r.facts().create(INTERACTION, ContractRequests.minimalFacts()));
        add("facts_create", "every field", FULL,
                c -> c.facts().create(INTERACTION, ContractRequests.fullFacts()),
                r -> r.facts().create(INTERACTION, ContractRequests.fullFacts()));
        add("facts_create", "by string", VARIANT,
                c -> c.facts().create(INTERACTION.toString(), ContractRequests.minimalFacts()),
                r -> r.facts().create(INTERACTION.toString(), ContractRequests.minimalFacts()));
        add("facts_create", "raw", VARIANT,
                c -> c.facts().withRawResponse().create(INTERACTION, ContractRequests.minimalFacts()),
                r -> r.facts().withRawResponse().create(INTERACTION, ContractRequests.minimalFacts()));

        add("facts_batch_update", "minimal", MINIMAL,
                c -> c.facts().batchUpdate(INTERACTION, ContractRequests.minimalBatchUpdate()),
                r -> r.facts().batchUpdate(INTERACTION, ContractRequests.minimalBatchUpdate()));
        add("facts_batch_update", "every field", FULL,
                c -> c.facts().batchUpdate(INTERACTION, ContractRequests.fullBatchUpdate()),
                r -> r.facts().batchUpdate(INTERACTION, ContractRequests.fullBatchUpdate()));
        add("facts_batch_update", "by string", VARIANT,
                c -> c.facts().batchUpdate(INTERACTION.toString(), ContractRequests.minimalBatchUpdate()),
                r -> r.facts().batchUpdate(INTERACTION.toString(), ContractRequests.minimalBatchUpdate()));
        add("facts_batch_update", "raw", VARIANT,
                c -> c.facts().withRawResponse().batchUpdate(INTERACTION, ContractRequests.minimalBatchUpdate()),
                r -> r.facts().withRawResponse().batchUpdate(INTERACTION, ContractRequests.minimalBatchUpdate()));

        add("facts_update", "empty patch", MINIMAL,
                c -> c.facts().update(INTERACTION, FACT, new FactsUpdateRequest()),
                r -> r.facts().update(INTERACTION, FACT, new FactsUpdateRequest()));
        add("facts_update", "every field", FULL,
                c -> c.facts().update(INTERACTION, FACT, ContractRequests.fullFactUpdate()),
                r -> r.facts().update(INTERACTION, FACT, ContractRequests.fullFactUpdate()));
        add("facts_update", "by string", VARIANT,
                c -> c.facts().update(INTERACTION.toString(), FACT.toString(), new FactsUpdateRequest()),
                r -> r.facts().update(INTERACTION.toString(), FACT.toString(), new FactsUpdateRequest()));
        add("facts_update", "raw", VARIANT,
                c -> c.facts().withRawResponse().update(INTERACTION, FACT, new FactsUpdateRequest()),
                r -> r.facts().withRawResponse().update(INTERACTION, FACT, new FactsUpdateRequest()));
    }

    private void documents() {
        add("documents_list", "by UUID", MINIMAL,
                c -> c.documents().list(INTERACTION), r -> r.documents().list(INTERACTION));
        add("documents_list", "by string", VARIANT,
                c -> c.documents().list(INTERACTION.toString()), r -> r.documents().list(INTERACTION.toString()));
        add("documents_list", "raw", VARIANT,
                c -> c.documents().withRawResponse().list(INTERACTION),
                r -> r.documents().withRawResponse().list(INTERACTION));

        add("documents_create", "minimal", MINIMAL,
                c -> c.documents().create(INTERACTION, ContractRequests.minimalDocument()),
                r -> r.documents().create(INTERACTION, ContractRequests.minimalDocument()));
        add("documents_create", "every field and context shape", FULL,
                c -> c.documents().create(INTERACTION, ContractRequests.fullDocument()),
                r -> r.documents().create(INTERACTION, ContractRequests.fullDocument()));
        add("documents_create", "by string", VARIANT,
                c -> c.documents().create(INTERACTION.toString(), ContractRequests.minimalDocument()),
                r -> r.documents().create(INTERACTION.toString(), ContractRequests.minimalDocument()));
        add("documents_create", "raw", VARIANT,
                c -> c.documents().withRawResponse().create(INTERACTION, ContractRequests.minimalDocument()),
                r -> r.documents().withRawResponse().create(INTERACTION, ContractRequests.minimalDocument()));

        GetDocumentsRequest withContext = GetDocumentsRequest.builder().context(true).build();
        add("documents_get", "by UUID", MINIMAL,
                c -> c.documents().get(INTERACTION, DOCUMENT), r -> r.documents().get(INTERACTION, DOCUMENT));
        add("documents_get", "with its context", FULL,
                c -> c.documents().get(INTERACTION, DOCUMENT, withContext),
                r -> r.documents().get(INTERACTION, DOCUMENT, withContext));
        add("documents_get", "by string", VARIANT,
                c -> c.documents().get(INTERACTION.toString(), DOCUMENT, withContext),
                r -> r.documents().get(INTERACTION.toString(), DOCUMENT, withContext));
        add("documents_get", "raw", VARIANT,
                c -> c.documents().withRawResponse().get(INTERACTION, DOCUMENT, withContext),
                r -> r.documents().withRawResponse().get(INTERACTION, DOCUMENT, withContext));

        add("documents_update", "empty patch", MINIMAL,
                c -> c.documents().update(INTERACTION, DOCUMENT, new RequestDocumentUpdate()),
                r -> r.documents().update(INTERACTION, DOCUMENT, new RequestDocumentUpdate()));
        add("documents_update", "every field", FULL,
                c -> c.documents().update(INTERACTION, DOCUMENT, ContractRequests.fullDocumentUpdate()),
                r -> r.documents().update(INTERACTION, DOCUMENT, ContractRequests.fullDocumentUpdate()));
        add("documents_update", "by string", VARIANT,
                c -> c.documents().update(INTERACTION.toString(), DOCUMENT, new RequestDocumentUpdate()),
                r -> r.documents().update(INTERACTION.toString(), DOCUMENT, new RequestDocumentUpdate()));
        add("documents_update", "raw", VARIANT,
                c -> c.documents().withRawResponse().update(INTERACTION, DOCUMENT, new RequestDocumentUpdate()),
                r -> r.documents().withRawResponse().update(INTERACTION, DOCUMENT, new RequestDocumentUpdate()));

        add("documents_delete", "by UUID", MINIMAL,
                c -> none(() -> c.documents().delete(INTERACTION, DOCUMENT)),
                r -> r.documents().delete(INTERACTION, DOCUMENT));
        add("documents_delete", "by string", VARIANT,
                c -> none(() -> c.documents().delete(INTERACTION.toString(), DOCUMENT)),
                r -> r.documents().delete(INTERACTION.toString(), DOCUMENT));
        add("documents_delete", "raw", VARIANT,
                c -> c.documents().withRawResponse().delete(INTERACTION, DOCUMENT),
                r -> r.documents().withRawResponse().delete(INTERACTION, DOCUMENT));
    }

    private void templates() {
        SectionListTemplatesRequest sectionFilters = SectionListTemplatesRequest.builder().org("corti").lang("en").build();
        add("templates_section_list", "all", MINIMAL,
                c -> c.templates().sectionList(), r -> r.templates().sectionList());
        add("templates_section_list", "every filter", FULL,
                c -> c.templates().sectionList(sectionFilters), r -> r.templates().sectionList(sectionFilters));
        add("templates_section_list", "raw", VARIANT,
                c -> c.templates().withRawResponse().sectionList(sectionFilters),
                r -> r.templates().withRawResponse().sectionList(sectionFilters));

        ListTemplatesRequest filters = ListTemplatesRequest.builder().org("corti").lang("en").templateStatus("published")
                .build();
        add("templates_list", "all", MINIMAL, c -> c.templates().list(), r -> r.templates().list());
        add("templates_list", "every filter", FULL,
                c -> c.templates().list(filters), r -> r.templates().list(filters));
        add("templates_list", "raw", VARIANT,
                c -> c.templates().withRawResponse().list(filters), r -> r.templates().withRawResponse().list(filters));

        add("templates_get", "by key", MINIMAL,
                c -> c.templates().get(TEMPLATE_KEY), r -> r.templates().get(TEMPLATE_KEY));
        add("templates_get", "raw", VARIANT,
                c -> c.templates().withRawResponse().get(TEMPLATE_KEY),
                r -> r.templates().withRawResponse().get(TEMPLATE_KEY));
    }

    private void codes() {
        add("codes_predict", "minimal", MINIMAL,
                c -> c.codes().predict(ContractRequests.minimalCodes()),
                r -> r.codes().predict(ContractRequests.minimalCodes()));
        add("codes_predict", "every field and context kind", FULL,
                c -> c.codes().predict(ContractRequests.fullCodes()),
                r -> r.codes().predict(ContractRequests.fullCodes()));
        add("codes_predict", "raw", VARIANT,
                c -> c.codes().withRawResponse().predict(ContractRequests.minimalCodes()),
                r -> r.codes().withRawResponse().predict(ContractRequests.minimalCodes()));
    }

    private void guidedDocuments() {
        generate("by template, minimal", MINIMAL, null, ContractRequests.minimalByTemplate());
        generate("by assembly, minimal", MINIMAL, null, ContractRequests.minimalByAssembly());
        generate("by inline template, minimal", MINIMAL, null, ContractRequests.minimalByDynamic());
        generate("by template, every field, with context, not retained", FULL, "none",
                ContractRequests.fullByTemplate(true));
        generate("by template, every field, from the interaction", FULL, null, ContractRequests.fullByTemplate(false));
        generate("by assembly, every field, with context", FULL, null, ContractRequests.fullByAssembly(true));
        generate("by assembly, every field, from the interaction", FULL, "none", ContractRequests.fullByAssembly(false));
        generate("by inline template, every field, with context", FULL, null, ContractRequests.fullByDynamic(true));
        generate("by inline template, every field, from the interaction", FULL, "none",
                ContractRequests.fullByDynamic(false));
        GuidedDocumentsGenerateRequest minimal = ContractRequests.minimalByTemplate();
        add("guided_documents_generate", "raw", VARIANT,
                c -> c.guidedDocuments().withRawResponse().generate(null, minimal),
                r -> r.guidedDocuments().withRawResponse().generate(null, minimal));
    }

    private void generate(String name, Kind kind, String retention, GuidedDocumentsGenerateRequest request) {
        if (retention == null) {
            add("guided_documents_generate", name, kind,
                    c -> c.guidedDocuments().generate(request), r -> r.guidedDocuments().generate(request));
        } else {
            add("guided_documents_generate", name, kind,
                    c -> c.guidedDocuments().generate(retention, request),
                    r -> r.guidedDocuments().generate(retention, request));
        }
    }

    private void guidedLists() {
        ListGuidedSectionsRequest sectionFilters = ListGuidedSectionsRequest.builder().lang("en", "fr").region("BEL")
                .specialty("cardiology").label("ward:cardiology").published(true).source(GuidedSourceFilter.USER).build();
        add("guided_sections_list", "all", MINIMAL, c -> c.guidedSections().list(), r -> r.guidedSections().list());
        add("guided_sections_list", "every filter", FULL,
                c -> c.guidedSections().list(sectionFilters), r -> r.guidedSections().list(sectionFilters));
        add("guided_sections_list", "raw", VARIANT,
                c -> c.guidedSections().withRawResponse().list(sectionFilters),
                r -> r.guidedSections().withRawResponse().list(sectionFilters));

        ListGuidedTemplatesRequest templateFilters = ListGuidedTemplatesRequest.builder().lang("en", "fr").region("BEL")
                .specialty("cardiology").label("ward:cardiology").published(false).source(GuidedSourceFilter.CORTI).build();
        add("guided_templates_list", "all", MINIMAL, c -> c.guidedTemplates().list(), r -> r.guidedTemplates().list());
        add("guided_templates_list", "every filter", FULL,
                c -> c.guidedTemplates().list(templateFilters), r -> r.guidedTemplates().list(templateFilters));
        add("guided_templates_list", "raw", VARIANT,
                c -> c.guidedTemplates().withRawResponse().list(templateFilters),
                r -> r.guidedTemplates().withRawResponse().list(templateFilters));
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
