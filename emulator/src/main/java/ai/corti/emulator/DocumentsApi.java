package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaViolation;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The classic Documents operations: a document generated for an interaction from a template of the catalogue
 * ({@link ClassicCatalogue}) and a context (facts, transcript utterances or text), then listed, read, updated and
 * deleted. Generation is deterministic ({@link DocumentWriter}): the same template and context give the same
 * sections. The text is in English whatever {@code outputLanguage} says, but the language must be one the template
 * is available in.
 *
 * <p>Validation beyond the schema (each a 400 naming the field): {@code templateKey} must be in the catalogue,
 * {@code outputLanguage} one of its languages, each context item's {@code data} of the shape its {@code type} says
 * (a fact list, a transcript utterance, a string), {@code template.sectionKeys}/{@code sectionIds} in the
 * catalogue; an update's {@code sections[].key} must be a section of the document.
 */
final class DocumentsApi implements Operation.Resource {

    private final InteractionStore interactions;
    private final ChildResources<ObjectNode> documents;
    private final SpecSchemas spec;
    private final RequestBodies bodies;
    private final Timestamps timestamps;

    /**
     * Creates the operations.
     *
     * @param interactions the interactions
     * @param spec         the document
     * @param timestamps   the source of createdAt/updatedAt
     */
    DocumentsApi(InteractionStore interactions, SpecSchemas spec, Timestamps timestamps) {
        this.interactions = interactions;
        this.documents = new ChildResources<>(interactions, document -> { });
        this.spec = spec;
        this.bodies = new RequestBodies(spec);
        this.timestamps = timestamps;
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                new Operation(CortiOperations.DOCUMENTS_LIST, this::list),
                new Operation(CortiOperations.DOCUMENTS_CREATE, this::create),
                new Operation(CortiOperations.DOCUMENTS_GET, this::get),
                new Operation(CortiOperations.DOCUMENTS_UPDATE, this::update),
                new Operation(CortiOperations.DOCUMENTS_DELETE, this::delete));
    }

    /** The documents (as answered), for inspection and as context for codes. */
    ChildResources<ObjectNode> store() {
        return documents;
    }

    /** {@code POST .../documents/}: 201 with the generated document. */
    Reply create(Call call) {
        UUID interactionId = call.interactionId();
        ObjectNode body = bodies.read(call.request(), CortiOperations.DOCUMENTS_CREATE);
        List<SchemaViolation> violations = new ArrayList<>();
        String templateKey = body.get("templateKey").asText();
        Optional<ClassicCatalogue.ClassicTemplate> template = ClassicCatalogue.template(templateKey);
        if (template.isEmpty()) {
            violations.add(new SchemaViolation("templateKey", "must be a template key (GET /templates/): "
                    + ClassicCatalogue.TEMPLATES.stream().map(ClassicCatalogue.ClassicTemplate::key).toList()
                    + " (was '" + Call.shown(templateKey) + "')"));
        }
        String language = body.get("outputLanguage").asText();
        if (template.isPresent() && !template.get().languages().contains(language)) {
            violations.add(new SchemaViolation("outputLanguage", "must be a language template " + templateKey
                    + " is available in: " + template.get().languages() + " (was '" + Call.shown(language) + "')"));
        }
        List<ContextItem> items = contextItems(body.get("context"), violations);
        List<ClassicCatalogue.ClassicSection> sections = template.isEmpty() ? List.of()
                : sections(template.get(), body.path("template"), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequest("The request body does not describe a document the emulator can write",
                    violations);
        }
        List<DocumentWriter.Rule> rules = sections.stream()
                .map(section -> new DocumentWriter.Rule(section.groups(), section.cues())).toList();
        List<List<ContextItem>> placed = DocumentWriter.place(rules, items);
        String stamp = Timestamps.format(timestamps.next());
        UUID id = Ids.randomUuid();
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("id", id.toString());
        document.put("name", body.has("name") ? body.get("name").asText()
                : body.path("template").has("documentName") ? body.path("template").get("documentName").asText()
                : template.get().name());
        document.put("templateRef", templateKey);
        document.put("isStream", false);
        ArrayNode out = document.putArray("sections");
        for (int i = 0; i < sections.size(); i++) {
            out.addObject().put("key", sections.get(i).key()).put("name", sections.get(i).name())
                    .put("text", DocumentWriter.text(placed.get(i))).put("sort", i + 1)
                    .put("createdAt", stamp).put("updatedAt", stamp);
        }
        document.put("createdAt", stamp);
        document.put("updatedAt", stamp);
        document.put("outputLanguage", language);
        document.putObject("usageInfo").put("creditsConsumed", Math.round(sections.size() * 5.0) / 100.0);
        if (!documents.add(call.tenant(), interactionId, id, document)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        return Reply.json(201, EmulatorJson.write(document));
    }

    /** {@code GET .../documents/}: in creation order. */
    Reply list(Call call) {
        UUID interactionId = call.interactionId();
        if (!interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode data = body.putArray("data");
        documents.list(call.tenant(), interactionId).forEach(document -> data.add(document.deepCopy()));
        return Reply.json(200, EmulatorJson.write(body));
    }

    /**
     * {@code GET .../documents/{documentId}}. {@code context=true} is accepted, but the answer's schema has no field
     * for the context, so the answer is the same.
     */
    Reply get(Call call) {
        UUID interactionId = call.interactionId();
        UUID id = documentId(call);
        QueryParameters.parse(spec, CortiOperations.DOCUMENTS_GET, call.request().query());
        return documents.get(call.tenant(), interactionId, id)
                .map(document -> Reply.json(200, EmulatorJson.write(document)))
                .orElseGet(() -> notFound(call, interactionId, id));
    }

    /** {@code PATCH .../documents/{documentId}}: a new name, and sections changed by key. */
    Reply update(Call call) {
        UUID interactionId = call.interactionId();
        UUID id = documentId(call);
        ObjectNode body = bodies.read(call.request(), CortiOperations.DOCUMENTS_UPDATE);
        List<SchemaViolation> violations = new ArrayList<>();
        Optional<ObjectNode> updated = documents.update(call.tenant(), interactionId, id, current -> {
            ObjectNode document = current.deepCopy();
            String stamp = Timestamps.format(timestamps.next());
            if (body.has("name")) {
                document.put("name", body.get("name").asText());
            }
            JsonNode changes = body.path("sections");
            for (int i = 0; i < changes.size(); i++) {
                JsonNode change = changes.get(i);
                ObjectNode section = sectionByKey(document, change.path("key").asText());
                if (section == null) {
                    violations.add(new SchemaViolation("sections[" + i + "].key", "must be the key of one of the "
                            + "document's sections (was '" + Call.shown(change.path("key").asText()) + "')"));
                    continue;
                }
                for (String field : List.of("name", "text")) {
                    if (change.has(field)) {
                        section.put(field, change.get(field).asText());
                    }
                }
                if (change.has("sort")) {
                    section.put("sort", change.get("sort").asLong());
                }
                section.put("updatedAt", stamp);
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequest("The sections to update are not the document's", violations);
            }
            List<JsonNode> sorted = new ArrayList<>();
            document.get("sections").forEach(sorted::add);
            sorted.sort(Comparator.comparingLong(section -> section.path("sort").asLong()));
            document.putArray("sections").addAll(sorted);
            document.put("updatedAt", stamp);
            return document;
        });
        return updated.map(document -> Reply.json(200, EmulatorJson.write(document)))
                .orElseGet(() -> notFound(call, interactionId, id));
    }

    /** {@code DELETE .../documents/{documentId}}: 204. */
    Reply delete(Call call) {
        UUID interactionId = call.interactionId();
        UUID id = documentId(call);
        return documents.remove(call.tenant(), interactionId, id) ? Reply.noContent()
                : notFound(call, interactionId, id);
    }

    /** The context items of a classic request, checking each item's data has its type's shape. */
    private static List<ContextItem> contextItems(JsonNode context, List<SchemaViolation> violations) {
        List<ContextItem> items = new ArrayList<>();
        for (int i = 0; i < context.size(); i++) {
            JsonNode item = context.get(i);
            String type = item.path("type").asText();
            JsonNode data = item.path("data");
            String field = "context[" + i + "].data";
            switch (type) {
                case "facts" -> {
                    if (!data.isArray()) {
                        violations.add(new SchemaViolation(field, "must be a list of facts for type 'facts'"));
                    } else {
                        data.forEach(fact -> items.add(ContextItem.fact(fact.path("text").asText(),
                                fact.path("group").asText(null))));
                    }
                }
                case "transcript" -> {
                    if (!data.isObject()) {
                        violations.add(new SchemaViolation(field, "must be a transcript utterance (an object) for "
                                + "type 'transcript'"));
                    } else {
                        items.add(new ContextItem(data.path("text").asText(""), null));
                    }
                }
                default -> {
                    if (!data.isTextual()) {
                        violations.add(new SchemaViolation(field, "must be a string for type 'string'"));
                    } else {
                        items.addAll(ContextItem.sentences(data.asText()));
                    }
                }
            }
        }
        return items;
    }

    /** The template's sections, or those {@code template.sectionKeys} / {@code sectionIds} choose. */
    private static List<ClassicCatalogue.ClassicSection> sections(ClassicCatalogue.ClassicTemplate template,
                                                                 JsonNode dynamic,
                                                                 List<SchemaViolation> violations) {
        List<ClassicCatalogue.ClassicSection> chosen = new ArrayList<>();
        JsonNode keys = dynamic.path("sectionKeys");
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i).asText();
            int index = i;
            ClassicCatalogue.section(key).ifPresentOrElse(chosen::add, () -> violations.add(new SchemaViolation(
                    "template.sectionKeys[" + index + "]", "must be a section key (GET /templateSections/) (was '"
                            + Call.shown(key) + "')")));
        }
        JsonNode ids = dynamic.path("sectionIds");
        for (int i = 0; i < ids.size(); i++) {
            UUID id = UUID.fromString(ids.get(i).asText());
            int index = i;
            ClassicCatalogue.section(id).ifPresentOrElse(chosen::add, () -> violations.add(new SchemaViolation(
                    "template.sectionIds[" + index + "]", "must be the id of a catalogue section (was '" + id
                            + "')")));
        }
        return chosen.isEmpty() ? template.sections() : chosen;
    }

    private static ObjectNode sectionByKey(ObjectNode document, String key) {
        for (JsonNode section : document.path("sections")) {
            if (key.equals(section.path("key").asText())) {
                return (ObjectNode) section;
            }
        }
        return null;
    }

    private static UUID documentId(Call call) {
        return call.uuid("documentId", "document");
    }

    private Reply notFound(Call call, UUID interactionId, UUID id) {
        if (!interactions.exists(call.tenant(), interactionId)) {
            return InteractionsApi.notFound(call.request(), interactionId);
        }
        return ProblemResponses.notFound(call.requestId(), "Document " + id + " was not found in interaction "
                + interactionId);
    }

    /** The text of a stored document, section by section, for codes. */
    static String text(ObjectNode document) {
        List<String> texts = new ArrayList<>();
        document.path("sections").forEach(section -> texts.add(section.path("text").asText()));
        return String.join("\n", texts);
    }

    /** Finds a document of a tenant by id, in any interaction. */
    Optional<ObjectNode> find(String tenant, UUID id) {
        return documents.all(tenant).stream().filter(document -> id.toString().equals(document.path("id").asText()))
                .findFirst();
    }

    static Map<String, String> sections(ObjectNode document) {
        Map<String, String> sections = new java.util.LinkedHashMap<>();
        document.path("sections").forEach(section -> sections.put(section.path("key").asText(),
                section.path("text").asText()));
        return sections;
    }
}
