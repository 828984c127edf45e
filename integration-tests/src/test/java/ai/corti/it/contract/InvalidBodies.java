package ai.corti.it.contract;

import ai.corti.client.model.CodesGeneralPredictRequest;
import ai.corti.client.model.CommonCodingSystemEnum;
import ai.corti.client.model.CommonDocumentIDContext;
import ai.corti.client.model.FactsBatchUpdateInput;
import ai.corti.client.model.FactsBatchUpdateRequest;
import ai.corti.client.model.FactsCreateInput;
import ai.corti.client.model.FactsCreateRequest;
import ai.corti.client.model.FactsUpdateRequest;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterPeriod;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsUpdateRequest;
import ai.corti.client.model.RequestDocumentUpdate;
import ai.corti.client.model.RequestDocumentUpdateSectionsInner;
import ai.corti.it.contract.OperationCall.Kind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For each operation with a body, one the SDK sends (it passes the SDK's own checks) but the emulator refuses with a
 * 400 naming the field, as the API would: a date-time RFC 3339 cannot write, a fact group or a template or section
 * key not in the catalogue, an empty recording, a {@code documentId} that is no UUID. Written once per facade, like
 * {@link ContractCalls}. The operations for which the SDK refuses before sending every body the emulator would
 * refuse are listed with the reason in {@link #UNREACHABLE}.
 */
final class InvalidBodies {

    /** A year RFC 3339 cannot write (four digits at most); Java writes it {@code +19850-...}. */
    private static final OffsetDateTime FAR = OffsetDateTime.of(19850, 3, 14, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final String NO_GROUP = "no-such-group";

    /**
     * The operations with a body for which no invalid body gets past the SDK, and why; their declared 400 is
     * injected instead.
     */
    static final Map<String, String> UNREACHABLE = Map.of(
            "transcripts_create", "its schema's only rules (required fields, types, enums, sizes) are checked by the "
                    + "SDK; the emulator refuses a transcript only for a recording it does not have (a 404, tested)",
            "guided_documents_generate", "the SDK checks what the schema refuses (empty texts, required fields, "
                    + "enums, the retention header's one value); the emulator's own refusals are 404 and 422 (tested)");

    private static final Map<String, Invalid> ALL = build();

    private InvalidBodies() {
    }

    /**
     * An invalid body of an operation.
     *
     * @param call  the call sending it
     * @param field the field the refusal must name (a key of one of its {@code validationErrors})
     */
    record Invalid(OperationCall call, String field) {
    }

    /**
     * The invalid body of an operation.
     *
     * @param operationId the operation
     * @return its call, or empty when the operation has none (no body, or {@link #UNREACHABLE})
     */
    static Optional<Invalid> of(String operationId) {
        return Optional.ofNullable(ALL.get(operationId));
    }

    private static Map<String, Invalid> build() {
        Map<String, Invalid> all = new LinkedHashMap<>();
        InteractionsCreateRequest create = ContractRequests.minimalInteraction();
        create.getEncounter().period(new InteractionsEncounterPeriod().startedAt(FAR));
        add(all, "interactions_create", "a start in year 19850", "encounter.period.startedAt",
                (c, id) -> c.interactions().create(create), (r, id) -> r.interactions().create(create));
        InteractionsUpdateRequest update = new InteractionsUpdateRequest().encounter(
                new InteractionsEncounterUpdateRequest().period(new InteractionsEncounterPeriod().startedAt(FAR)));
        add(all, "interactions_update", "a start in year 19850", "encounter.period.startedAt",
                (c, id) -> c.interactions().update(id.interaction(), update),
                (r, id) -> r.interactions().update(id.interaction(), update));
        add(all, "recordings_upload", "no bytes", "body",
                (c, id) -> c.recordings().upload(id.interaction(), new byte[0]),
                (r, id) -> r.recordings().upload(id.interaction(), new byte[0]));
        FactsCreateRequest facts = new FactsCreateRequest().facts(List.of(new FactsCreateInput().text("Fever")
                .group(NO_GROUP)));
        add(all, "facts_create", "an unknown group", "facts[0].group",
                (c, id) -> c.facts().create(id.interaction(), facts), (r, id) -> r.facts().create(id.interaction(), facts));
        add(all, "facts_batch_update", "an unknown group", "facts[0].group",
                (c, id) -> c.facts().batchUpdate(id.interaction(), batch(id)),
                (r, id) -> r.facts().batchUpdate(id.interaction(), batch(id)));
        FactsUpdateRequest fact = new FactsUpdateRequest().group(NO_GROUP);
        add(all, "facts_update", "an unknown group", "group",
                (c, id) -> c.facts().update(id.interaction(), id.fact(), fact),
                (r, id) -> r.facts().update(id.interaction(), id.fact(), fact));
        add(all, "documents_create", "an unknown template key", "templateKey",
                (c, id) -> c.documents().create(id.interaction(), ContractRequests.minimalDocument(noTemplate(id))),
                (r, id) -> r.documents().create(id.interaction(), ContractRequests.minimalDocument(noTemplate(id))));
        RequestDocumentUpdate sections = new RequestDocumentUpdate().sections(List.of(
                new RequestDocumentUpdateSectionsInner().key("no-such-section").text("Fever.")));
        add(all, "documents_update", "an unknown section key", "sections[0].key",
                (c, id) -> c.documents().update(id.interaction(), id.document(), sections),
                (r, id) -> r.documents().update(id.interaction(), id.document(), sections));
        CodesGeneralPredictRequest codes = new CodesGeneralPredictRequest()
                .system(new LinkedHashSet<>(List.of(CommonCodingSystemEnum.ICD10CM_OUTPATIENT)))
                .context(List.of(new CommonDocumentIDContext().type(CommonDocumentIDContext.TypeEnum.DOCUMENT_ID)
                        .documentId("not-a-uuid")));
        add(all, "codes_predict", "a documentId that is no UUID", "context[0].documentId",
                (c, id) -> c.codes().predict(codes), (r, id) -> r.codes().predict(codes));
        return all;
    }

    private static FactsBatchUpdateRequest batch(ContractIds ids) {
        return new FactsBatchUpdateRequest().facts(List.of(new FactsBatchUpdateInput().factId(ids.fact())
                .group(NO_GROUP)));
    }

    private static ContractIds noTemplate(ContractIds ids) {
        return ids.withClassicCatalogue("no-such-template", ids.classicSectionId(), ids.classicSectionKey());
    }

    private static void add(Map<String, Invalid> all, String operationId, String name, String field,
                            OperationCall.BlockingCall blocking, OperationCall.ReactiveCall reactive) {
        all.put(operationId, new Invalid(new OperationCall(operationId, name, Kind.VARIANT, false, blocking, reactive),
                field));
    }
}
