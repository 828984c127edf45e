package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaCanonicaliser;
import ai.corti.emulator.spec.SchemaValidator;
import ai.corti.emulator.spec.SchemaViolation;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The Interactions operations over an {@link InteractionStore}, for a tenant the
 * {@link Authenticator} already let through. Bodies are validated against the spec's request schemas and
 * stored in their canonical form; every answer is an {@code InteractionsGetResponse},
 * {@code InteractionsCreateResponse} or {@code InteractionsListResponse} as the spec defines them.
 *
 * <p>Choices where the spec is silent (documented in the module's README):
 * <ul>
 *   <li>{@code encounter.period} left out on create starts at {@code createdAt} (the response requires it);</li>
 *   <li>{@code patient} left out on create is answered as {@code {"identifier": ""}} (the response requires a
 *       patient with an identifier);</li>
 *   <li>the top-level {@code endedAt} mirrors {@code encounter.period.endedAt};</li>
 *   <li>a cleared (nulled) nullable field is absent from answers, like one that was never set.</li>
 * </ul>
 */
final class InteractionsApi implements Operation.Resource {

    static final String CREATE = CortiOperations.INTERACTIONS_CREATE;
    static final String GET = CortiOperations.INTERACTIONS_GET;
    static final String LIST = ListQuery.OPERATION;
    static final String UPDATE = CortiOperations.INTERACTIONS_UPDATE;
    static final String DELETE = CortiOperations.INTERACTIONS_DELETE;

    private final InteractionStore store;
    private final SpecSchemas spec;
    private final SchemaValidator validator;
    private final SchemaCanonicaliser canonicaliser;
    private final Timestamps timestamps;
    private final BiFunction<String, UUID, String> websocketUrl;

    /**
     * Creates the operations.
     *
     * @param store        where interactions live
     * @param spec         the spec the requests are validated against
     * @param timestamps   the source of createdAt/updatedAt
     * @param websocketUrl an interaction's stream URL, from its tenant and id
     */
    InteractionsApi(InteractionStore store, SpecSchemas spec, Timestamps timestamps,
                    BiFunction<String, UUID, String> websocketUrl) {
        this.store = store;
        this.spec = spec;
        this.validator = spec.validator(SchemaValidator.Mode.REQUEST);
        this.canonicaliser = new SchemaCanonicaliser(spec);
        this.timestamps = timestamps;
        this.websocketUrl = websocketUrl;
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                new Operation(CREATE, call -> create(call.request(), call.tenant())),
                new Operation(LIST, call -> list(call.request(), call.tenant())),
                new Operation(GET, call -> get(call.request(), call.tenant(), call.parameter("id"))),
                new Operation(UPDATE, call -> update(call.request(), call.tenant(), call.parameter("id"))),
                new Operation(DELETE, this::delete));
    }

    /** {@code POST /interactions/}: 201 with {@code interactionId} and {@code websocketUrl}. */
    Reply create(IncomingRequest request, String tenant) {
        ObjectNode body = objectBody(request);
        boolean nulledUser = body.has("assignedUserId") && body.get("assignedUserId").isNull();
        if (nulledUser) {
            body.remove("assignedUserId"); // "If nulled, automatically set to a uuid."
        }
        requireValid(body, "InteractionsCreateRequest");
        JsonNode canonical = canonicaliser.canonical(body, "InteractionsCreateRequest", false);

        UUID id = Ids.randomUuid();
        Instant now = timestamps.next();
        String stamp = Timestamps.format(now);
        ObjectNode interaction = EmulatorJson.MAPPER.createObjectNode();
        interaction.put("id", id.toString());
        interaction.put("assignedUserId", canonical.has("assignedUserId")
                ? canonical.get("assignedUserId").asText() : Ids.randomUuid().toString());
        ObjectNode encounter = ((ObjectNode) canonical.get("encounter")).deepCopy();
        if (!encounter.has("period")) {
            encounter.putObject("period").put("startedAt", stamp);
        }
        interaction.set("encounter", encounter);
        interaction.set("patient", canonical.has("patient")
                ? canonical.get("patient").deepCopy() : EmulatorJson.MAPPER.createObjectNode().put("identifier", ""));
        interaction.put("createdAt", stamp);
        interaction.put("updatedAt", stamp);
        interaction.put("websocketUrl", websocketUrl.apply(tenant, id));
        interaction.put("lastUpdated", stamp);
        mirrorEndedAt(interaction);
        store.create(tenant, id, canonicaliser.canonical(interaction, "InteractionsGetResponse", false));

        ObjectNode created = EmulatorJson.MAPPER.createObjectNode();
        created.put("interactionId", id.toString());
        created.put("websocketUrl", websocketUrl.apply(tenant, id));
        return Reply.json(201, EmulatorJson.write(created));
    }

    /** {@code GET /interactions/{id}}: 200, 404 for an unknown id, 400 for one that is not a UUID. */
    Reply get(IncomingRequest request, String tenant, String idText) {
        UUID id = parseId(idText);
        return store.get(tenant, id)
                .map(stored -> Reply.json(200, EmulatorJson.write(stored.json())))
                .orElseGet(() -> notFound(request, id));
    }

    /** {@code GET /interactions/}: one page of the filtered, sorted interactions. */
    Reply list(IncomingRequest request, String tenant) {
        ListQuery query = ListQuery.parse(request.query(), spec);
        ObjectNode page = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode interactions = page.putArray("interactions");
        query.page(store.all(tenant)).forEach(interactions::add);
        return Reply.json(200, EmulatorJson.write(page));
    }

    /** {@code PATCH /interactions/{id}}: merge-patch, 200 with the whole updated interaction. */
    Reply update(IncomingRequest request, String tenant, String idText) {
        UUID id = parseId(idText);
        ObjectNode body = objectBody(request);
        boolean nulledUser = body.has("assignedUserId") && body.get("assignedUserId").isNull();
        if (nulledUser) {
            body.remove("assignedUserId"); // validated apart: the spec allows nulling it, the schema does not say so
        }
        requireValid(body, "InteractionsUpdateRequest");
        ObjectNode patch = (ObjectNode) canonicaliser.canonical(body, "InteractionsUpdateRequest", true);
        if (nulledUser) {
            patch.put("assignedUserId", Ids.randomUuid().toString()); // "If nulled, automatically set to a uuid."
        }
        Optional<InteractionStore.Stored> updated = store.update(tenant, id, current -> {
            ObjectNode interaction = (ObjectNode) current;
            MergePatch.apply(interaction, patch);
            String stamp = Timestamps.format(timestamps.next());
            interaction.put("updatedAt", stamp);
            interaction.put("lastUpdated", stamp);
            mirrorEndedAt(interaction);
            return canonicaliser.canonical(interaction, "InteractionsGetResponse", false);
        });
        return updated.map(stored -> Reply.json(200, EmulatorJson.write(stored.json())))
                .orElseGet(() -> notFound(request, id));
    }

    /**
     * {@code DELETE /interactions/{id}}: 204, and everything the interaction holds (recordings, transcripts, facts,
     * documents, guided documents generated from it) goes with it; 404 for an unknown id.
     */
    Reply delete(Call call) {
        UUID id = call.interactionId();
        return store.delete(call.tenant(), id) ? Reply.noContent() : notFound(call.request(), id);
    }

    /** The top-level {@code endedAt} follows the encounter's period; absent while it has not ended. */
    private static void mirrorEndedAt(ObjectNode interaction) {
        JsonNode endedAt = interaction.path("encounter").path("period").get("endedAt");
        if (endedAt == null || endedAt.isNull()) {
            interaction.remove("endedAt");
        } else {
            interaction.set("endedAt", endedAt.deepCopy());
        }
    }

    private ObjectNode objectBody(IncomingRequest request) {
        JsonNode body = EmulatorJson.parseBody(request.body());
        if (!body.isObject()) {
            throw new InvalidRequest("The request body must be a JSON object",
                    List.of(new SchemaViolation("body", "must be an object")));
        }
        return (ObjectNode) body;
    }

    private void requireValid(JsonNode body, String schemaName) {
        List<SchemaViolation> violations = validator.validate(body, schemaName);
        if (!violations.isEmpty()) {
            throw new InvalidRequest("The request body does not match " + schemaName, violations);
        }
    }

    private static UUID parseId(String idText) {
        return Call.uuid(idText, "id", "The interaction id must be a valid UUID");
    }

    /** 404 for an interaction the tenant does not have. */
    static Reply notFound(IncomingRequest request, UUID id) {
        return ProblemResponses.notFound(request.requestId(), "Interaction " + id + " was not found");
    }
}
