package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaViolation;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Facts operations: an interaction's facts, created, listed and updated one by one or in a batch, and the fixed
 * catalogue of fact groups ({@link FactGroups}). A fact's group must be a key of the catalogue (a 400 naming the
 * field otherwise); a fact created without a source is a {@code user} fact. A batch update is all or nothing: one
 * unknown fact id (a 404 naming it) or bad group changes none of them.
 */
final class FactsApi implements Operation.Resource {

    /**
     * A stored fact.
     *
     * @param id        its id
     * @param text      its text
     * @param group     its group's key
     * @param source    {@code core}, {@code system} or {@code user}
     * @param discarded whether an end user discarded it
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     */
    record Fact(UUID id, String text, String group, String source, boolean discarded, Instant createdAt,
                Instant updatedAt) {

        /** The fact as {@code FactsListItem}, {@code FactsUpdateResponse} and {@code FactsBatchUpdateItem} show it. */
        ObjectNode json() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("id", id.toString());
            json.put("text", text);
            json.put("group", group);
            json.put("groupId", FactGroups.byKey(group).orElseThrow().id().toString());
            json.put("isDiscarded", discarded);
            json.put("source", source);
            json.put("createdAt", Timestamps.format(createdAt));
            json.put("updatedAt", Timestamps.format(updatedAt));
            return json;
        }
    }

    private final InteractionStore interactions;
    private final ChildResources<Fact> facts;
    private final RequestBodies bodies;
    private final Timestamps timestamps;

    /**
     * Creates the operations.
     *
     * @param interactions the interactions
     * @param spec         the document
     * @param timestamps   the source of createdAt/updatedAt
     */
    FactsApi(InteractionStore interactions, SpecSchemas spec, Timestamps timestamps) {
        this.interactions = interactions;
        this.facts = new ChildResources<>(interactions, fact -> { });
        this.bodies = new RequestBodies(spec);
        this.timestamps = timestamps;
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                new Operation(CortiOperations.FACTS_FACT_GROUPS_LIST,
                        call -> Reply.json(200, EmulatorJson.write(FactGroups.listResponse()))),
                new Operation(CortiOperations.FACTS_LIST, this::list),
                new Operation(CortiOperations.FACTS_CREATE, this::create),
                new Operation(CortiOperations.FACTS_BATCH_UPDATE, this::batchUpdate),
                new Operation(CortiOperations.FACTS_UPDATE, this::update));
    }

    /** The facts, for inspection and as context for documents. */
    ChildResources<Fact> store() {
        return facts;
    }

    /** {@code GET .../facts/}: in creation order. */
    Reply list(Call call) {
        UUID interactionId = call.interactionId();
        if (!interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode items = body.putArray("facts");
        facts.list(call.tenant(), interactionId).forEach(fact -> items.add(fact.json()));
        return Reply.json(200, EmulatorJson.write(body));
    }

    /** {@code POST .../facts/}: 200 with the created facts (the spec's status for this create). */
    Reply create(Call call) {
        UUID interactionId = call.interactionId();
        ObjectNode body = bodies.read(call.request(), CortiOperations.FACTS_CREATE);
        List<SchemaViolation> violations = new ArrayList<>();
        JsonNode inputs = body.path("facts");
        for (int i = 0; i < inputs.size(); i++) {
            checkGroup(inputs.get(i).path("group").asText(), "facts[" + i + "].group", violations);
        }
        requireNone(violations);
        Map<UUID, Fact> created = new LinkedHashMap<>();
        for (JsonNode input : inputs) {
            Instant now = timestamps.next();
            UUID id = Ids.randomUuid();
            created.put(id, new Fact(id, input.path("text").asText(), input.path("group").asText(),
                    input.path("source").asText("user"), false, now, now));
        }
        Optional<Map<UUID, Fact>> stored = facts.updateAll(call.tenant(), interactionId, current -> {
            current.putAll(created);
            return current;
        });
        if (stored.isEmpty()) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode items = answer.putArray("facts");
        for (Fact fact : created.values()) {
            ObjectNode item = fact.json();
            item.remove("createdAt"); // FactsCreateItem declares no createdAt
            items.add(item);
        }
        return Reply.json(200, EmulatorJson.write(answer));
    }

    /** {@code PATCH .../facts/{factId}}: the fields given change, the others stay. */
    Reply update(Call call) {
        UUID interactionId = call.interactionId();
        UUID factId = call.uuid("factId", "fact");
        ObjectNode body = bodies.read(call.request(), CortiOperations.FACTS_UPDATE);
        List<SchemaViolation> violations = new ArrayList<>();
        if (body.has("group")) {
            checkGroup(body.get("group").asText(), "group", violations);
        }
        requireNone(violations);
        Optional<Fact> updated = facts.update(call.tenant(), interactionId, factId, fact -> changed(fact, body));
        return updated.map(fact -> Reply.json(200, EmulatorJson.write(fact.json())))
                .orElseGet(() -> factNotFound(call, interactionId, factId, "factId"));
    }

    /** {@code PATCH .../facts/}: every listed fact changes, or (for an unknown id or a bad group) none does. */
    Reply batchUpdate(Call call) {
        UUID interactionId = call.interactionId();
        ObjectNode body = bodies.read(call.request(), CortiOperations.FACTS_BATCH_UPDATE);
        JsonNode inputs = body.path("facts");
        List<SchemaViolation> violations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).has("group")) {
                checkGroup(inputs.get(i).get("group").asText(), "facts[" + i + "].group", violations);
            }
        }
        requireNone(violations);
        List<UUID> missing = new ArrayList<>();
        List<Fact> changed = new ArrayList<>();
        Optional<Map<UUID, Fact>> stored;
        try {
            stored = facts.updateAll(call.tenant(), interactionId, current -> {
                for (JsonNode input : inputs) {
                    UUID factId = UUID.fromString(input.path("factId").asText());
                    Fact fact = current.get(factId);
                    if (fact == null) {
                        missing.add(factId);
                        continue;
                    }
                    Fact updated = changed(fact, input);
                    current.put(factId, updated);
                    changed.add(updated);
                }
                if (!missing.isEmpty()) {
                    throw new FactsMissing(); // leaves the stored facts as they were
                }
                return current;
            });
        } catch (FactsMissing e) {
            return factNotFound(call, interactionId, missing.get(0), "facts[" + indexOf(inputs, missing.get(0))
                    + "].factId");
        }
        if (stored.isEmpty()) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode items = answer.putArray("facts");
        changed.forEach(fact -> items.add(fact.json()));
        return Reply.json(200, EmulatorJson.write(answer));
    }

    /** Thrown inside a batch to undo it; turned into a 404 by the caller. */
    private static final class FactsMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FactsMissing() {
            super(null, null, false, false);
        }
    }

    private Fact changed(Fact fact, JsonNode change) {
        Instant now = timestamps.next();
        return new Fact(fact.id(), change.has("text") ? change.get("text").asText() : fact.text(),
                change.has("group") ? change.get("group").asText() : fact.group(),
                change.has("source") ? change.get("source").asText() : fact.source(),
                change.has("isDiscarded") ? change.get("isDiscarded").asBoolean() : fact.discarded(),
                fact.createdAt(), now);
    }

    private static int indexOf(JsonNode inputs, UUID factId) {
        for (int i = 0; i < inputs.size(); i++) {
            if (factId.toString().equals(inputs.get(i).path("factId").asText())) {
                return i;
            }
        }
        return -1;
    }

    private Reply factNotFound(Call call, UUID interactionId, UUID factId, String field) {
        if (!interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        return ProblemResponses.notFound(call.requestId(), "Fact " + factId + " (" + field
                + ") was not found in interaction " + interactionId);
    }

    private static void checkGroup(String group, String field, List<SchemaViolation> violations) {
        if (FactGroups.byKey(group).isEmpty()) {
            violations.add(new SchemaViolation(field, "must be a fact group key (GET /factgroups/): "
                    + String.join(", ", FactGroups.keys()) + " (was '" + Call.shown(group) + "')"));
        }
    }

    private static void requireNone(List<SchemaViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequest("The request body names an unknown fact group", violations);
        }
    }
}
