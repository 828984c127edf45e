package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaValidator;
import ai.corti.emulator.spec.SchemaViolation;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * {@code guided_documents_generate} ({@code POST /documents/}): a structured document from a stored template
 * (optionally overridden), an assembly of stored sections, or an inline dynamic template, written from the request's
 * context and, with {@code interactionId}, the interaction's facts (not the discarded ones) and completed transcripts.
 * Each section's output schema is filled by {@link GuidedRenderer} from the context {@link DocumentWriter} placed in
 * it; {@code stringDocument} and {@code structuredDocument} are keyed by the section heading as a slug
 * ({@code Vital signs} -> {@code vital-signs}).
 *
 * <p>Both retention answers: with {@code X-Corti-Retention-Policy: none} a 200 with the document, not stored;
 * without it a 201, and the document is stored for the tenant ({@link CortiEmulator#data(String)}). Every path but a
 * plain {@code templateRef} makes a new auto-generated template (and the overridden or inline sections), listed for
 * the tenant from then on. Refusals as the spec describes them: 422 when no template path or no context is given or
 * an override names a section the template does not have, 404 for an unknown template, template version, section,
 * section version or interaction, 400 for what the schema refuses.
 */
final class GuidedDocumentsApi implements Operation.Resource {

    private static final String RETENTION_HEADER = "X-Corti-Retention-Policy";

    private final InteractionStore interactions;
    private final GuidedStore store;
    private final SpecSchemas spec;
    private final RequestBodies bodies;
    private final Timestamps timestamps;
    private final GuidedRenderer renderer;
    private final BiFunction<String, UUID, List<ContextItem>> interactionContext;

    /**
     * Creates the operation.
     *
     * @param interactions       the interactions
     * @param store              the tenants' guided resources
     * @param spec               the document
     * @param timestamps         the source of createdAt/updatedAt
     * @param interactionContext an interaction's facts and transcripts as context
     */
    GuidedDocumentsApi(InteractionStore interactions, GuidedStore store, SpecSchemas spec, Timestamps timestamps,
                       BiFunction<String, UUID, List<ContextItem>> interactionContext) {
        this.interactions = interactions;
        this.store = store;
        this.spec = spec;
        this.bodies = new RequestBodies(spec);
        this.timestamps = timestamps;
        this.interactionContext = interactionContext;
        this.renderer = new GuidedRenderer(
                specDefault("GuidedArrayNode", "itemFormat", "- {item}\n"),
                specDefault("GuidedObjectNode", "fieldFormat", "{key}: {value}\n"));
    }

    @Override
    public List<Operation> operations() {
        return List.of(new Operation(CortiOperations.GUIDED_DOCUMENTS_GENERATE, this::generate));
    }

    /** A refusal found while resolving the template; carries the answer. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Reply reply;

        Refused(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    /**
     * The template a request resolves to.
     *
     * @param template the template whose id and version the document names (new when {@code generated})
     * @param name     the document's name
     * @param made     the sections made for this call (overridden or inline), stored with a new template
     * @param generated whether the template is new (auto-generated)
     */
    private record Resolved(GuidedDefinitions.Template template, String name, List<GuidedDefinitions.Section> made,
                            boolean generated) {
    }

    /** {@code POST /documents/}: 201 stored, or 200 not stored with {@code X-Corti-Retention-Policy: none}. */
    Reply generate(Call call) {
        JsonNode raw = EmulatorJson.parseBody(call.request().body());
        if (raw.isObject() && !raw.has("templateRef") && !raw.has("assemblyTemplate") && !raw.has("dynamicTemplate")) {
            return unprocessable(call, "Exactly one of templateRef, assemblyTemplate or dynamicTemplate must be "
                    + "supplied");
        }
        ObjectNode body = bodies.read(call.request(), CortiOperations.GUIDED_DOCUMENTS_GENERATE);
        boolean ephemeral = ephemeral(call);
        boolean hasContext = body.path("context").size() > 0;
        UUID interactionId = body.has("interactionId") ? UUID.fromString(body.get("interactionId").asText()) : null;
        if (!hasContext && interactionId == null) {
            return unprocessable(call, "Supply context or interactionId as input for the model");
        }
        if (interactionId != null && !interactions.exists(call.tenant(), interactionId)) {
            return ProblemResponses.notFound(call.requestId(), "Interaction " + interactionId
                    + " (interactionId) was not found");
        }
        Resolved resolved;
        try {
            resolved = resolve(call, body);
        } catch (Refused refused) {
            return refused.reply;
        }
        List<ContextItem> items = contextItems(body.path("context"));
        if (interactionId != null) {
            items.addAll(interactionContext.apply(call.tenant(), interactionId));
        }
        List<GuidedDefinitions.Section> sections = resolved.template().sections();
        List<List<ContextItem>> placed = DocumentWriter.place(sections.stream().map(GuidedDefinitions.Section::rule)
                .toList(), items);
        ObjectNode strings = JsonNodeFactory.instance.objectNode();
        ObjectNode structured = JsonNodeFactory.instance.objectNode();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            String key = uniqueKey(GuidedDefinitions.slug(sections.get(i).heading()), keys);
            GuidedRenderer.Rendered rendered = renderer.render(sections.get(i).generation().path("outputSchema"),
                    placed.get(i));
            strings.put(key, rendered.text());
            structured.set(key, rendered.value());
        }
        if (resolved.generated()) {
            store.addGenerated(call.tenant(), resolved.template(), resolved.made());
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        UUID id = Ids.randomUuid();
        String stamp = Timestamps.format(timestamps.next());
        if (!ephemeral) {
            document.put("id", id.toString());
        }
        document.put("name", resolved.name());
        document.put("templateId", resolved.template().meta().id().toString());
        document.put("templateVersionId", resolved.template().meta().versionId().toString());
        document.put("language", body.get("outputLanguage").asText());
        if (interactionId != null) {
            document.put("interactionId", interactionId.toString());
        }
        document.set("stringDocument", strings);
        document.set("structuredDocument", structured);
        document.set("labels", body.has("labels") ? body.get("labels").deepCopy()
                : JsonNodeFactory.instance.arrayNode());
        if (!ephemeral) {
            document.put("createdAt", stamp);
            document.put("updatedAt", stamp);
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("document", document);
        answer.putObject("usageInfo").put("creditsConsumed", Math.round(sections.size() * 10.0) / 100.0);
        if (ephemeral) {
            return Reply.json(200, EmulatorJson.write(answer));
        }
        if (!store.addDocument(call.tenant(), new GuidedStore.StoredDocument(id, interactionId, document.deepCopy()))) {
            return ProblemResponses.notFound(call.requestId(), "Interaction " + interactionId
                    + " (interactionId) was not found");
        }
        return Reply.json(201, EmulatorJson.write(answer));
    }

    private Resolved resolve(Call call, ObjectNode body) {
        if (body.has("templateRef")) {
            return byTemplateRef(call, body.get("templateRef"));
        }
        if (body.has("assemblyTemplate")) {
            return byAssembly(call, body.get("assemblyTemplate"));
        }
        return byDynamic(body.get("dynamicTemplate"));
    }

    private Resolved byTemplateRef(Call call, JsonNode ref) {
        UUID templateId = UUID.fromString(ref.get("templateId").asText());
        GuidedDefinitions.Template base = store.template(call.tenant(), templateId).orElseThrow(() -> new Refused(
                ProblemResponses.notFound(call.requestId(), "Template " + templateId
                        + " (templateRef.templateId) was not found")));
        checkVersion(call, ref.path("templateVersionId"), base.meta().versionId(), "templateRef.templateVersionId",
                "Template version");
        JsonNode overrides = ref.path("overrides");
        if (!overrides.has("instructions") && overrides.path("sections").isEmpty()) {
            return new Resolved(base, base.meta().name(), List.of(), false);
        }
        List<GuidedDefinitions.Section> sections = new ArrayList<>(base.sections());
        List<GuidedDefinitions.Section> made = new ArrayList<>();
        JsonNode sectionOverrides = overrides.path("sections");
        for (int i = 0; i < sectionOverrides.size(); i++) {
            JsonNode override = sectionOverrides.get(i);
            UUID sectionId = UUID.fromString(override.get("sectionId").asText());
            int at = indexOf(sections, sectionId);
            if (at < 0) {
                throw new Refused(unprocessable(call, "templateRef.overrides.sections[" + i + "].sectionId: section "
                        + sectionId + " is not part of template " + templateId));
            }
            // A section this request already overrode: the new override builds on that one, still descends from
            // the template's own section (so a third override finds it too), and replaces it among those stored.
            GuidedDefinitions.Section current = sections.get(at);
            int earlier = made.indexOf(current);
            UUID original = earlier >= 0 ? current.meta().inheritedFromId() : current.meta().id();
            GuidedDefinitions.Section overridden = overridden(current, override.path("generation"), original);
            sections.set(at, overridden);
            if (earlier >= 0) {
                made.set(earlier, overridden);
            } else {
                made.add(overridden);
            }
        }
        String prompt = overrides.path("instructions").path("prompt").asText(base.prompt());
        return new Resolved(generatedTemplate(base.meta().name(), prompt, sections, base.meta().id()),
                base.meta().name(), made, true);
    }

    private Resolved byAssembly(Call call, JsonNode assembly) {
        List<GuidedDefinitions.Section> sections = new ArrayList<>();
        List<GuidedDefinitions.Section> made = new ArrayList<>();
        JsonNode refs = assembly.get("sectionRefs");
        for (int i = 0; i < refs.size(); i++) {
            JsonNode ref = refs.get(i);
            UUID sectionId = UUID.fromString(ref.get("sectionId").asText());
            String field = "assemblyTemplate.sectionRefs[" + i + "]";
            GuidedDefinitions.Section section = store.section(call.tenant(), sectionId).orElseThrow(() -> new Refused(
                    ProblemResponses.notFound(call.requestId(), "Section " + sectionId + " (" + field
                            + ".sectionId) was not found")));
            checkVersion(call, ref.path("sectionVersionId"), section.meta().versionId(), field + ".sectionVersionId",
                    "Section version");
            if (ref.has("overrides")) {
                section = overridden(section, ref.get("overrides"), section.meta().id());
                made.add(section);
            }
            sections.add(section);
        }
        String name = assembly.get("name").asText();
        return new Resolved(generatedTemplate(name, assembly.path("instructions").path("prompt").asText(""),
                sections, null), name, made, true);
    }

    private Resolved byDynamic(JsonNode dynamic) {
        List<GuidedDefinitions.Section> made = new ArrayList<>();
        for (JsonNode generation : dynamic.path("generation").path("sections")) {
            String heading = generation.get("heading").asText();
            made.add(new GuidedDefinitions.Section(generatedMeta(heading, null), (ObjectNode) generation.deepCopy(),
                    GuidedDefinitions.ruleFromHeading(heading)));
        }
        String name = dynamic.get("name").asText();
        String prompt = dynamic.path("generation").path("instructions").path("prompt").asText("");
        return new Resolved(generatedTemplate(name, prompt, made, null), name, made, true);
    }

    /** A section with a {@code GuidedSectionOverrides} applied: heading and instructions per field, schema whole. */
    private GuidedDefinitions.Section overridden(GuidedDefinitions.Section base, JsonNode overrides,
                                                 UUID inheritedFrom) {
        ObjectNode generation = base.generation().deepCopy();
        if (overrides.hasNonNull("heading")) {
            generation.put("heading", overrides.get("heading").asText());
        }
        JsonNode given = overrides.path("instructions");
        if (given.isObject()) {
            ObjectNode instructions = generation.path("instructions").isObject()
                    ? (ObjectNode) generation.get("instructions") : generation.putObject("instructions");
            given.fieldNames().forEachRemaining(name -> instructions.set(name, given.get(name).deepCopy()));
        }
        if (overrides.has("outputSchema")) {
            generation.set("outputSchema", overrides.get("outputSchema").deepCopy());
        }
        return new GuidedDefinitions.Section(generatedMeta(generation.get("heading").asText(), inheritedFrom),
                generation, base.rule());
    }

    private GuidedDefinitions.Template generatedTemplate(String name, String prompt,
                                                         List<GuidedDefinitions.Section> sections, UUID inheritedFrom) {
        return new GuidedDefinitions.Template(generatedMeta(name, inheritedFrom), prompt, List.copyOf(sections));
    }

    private GuidedDefinitions.Meta generatedMeta(String name, UUID inheritedFrom) {
        return new GuidedDefinitions.Meta(Ids.randomUuid(), Ids.randomUuid(), name, null, List.of(), List.of(),
                List.of(), JsonNodeFactory.instance.arrayNode(), "user", true, inheritedFrom,
                Timestamps.format(timestamps.next()));
    }

    private static void checkVersion(Call call, JsonNode asked, UUID published, String field, String what) {
        if (asked.isTextual() && !UUID.fromString(asked.asText()).equals(published)) {
            throw new Refused(ProblemResponses.notFound(call.requestId(), what + " " + asked.asText() + " (" + field
                    + ") was not found; the published version is " + published));
        }
    }

    private static int indexOf(List<GuidedDefinitions.Section> sections, UUID id) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).meta().id().equals(id)
                    || id.equals(sections.get(i).meta().inheritedFromId())) {
                return i;
            }
        }
        return -1;
    }

    /** The request's context: text as sentences, each transcript segment, each fact with its group. */
    private static List<ContextItem> contextItems(JsonNode context) {
        List<ContextItem> items = new ArrayList<>();
        for (JsonNode item : context) {
            switch (item.path("type").asText()) {
                case "transcript" -> item.path("transcript").path("transcripts").forEach(segment ->
                        items.add(new ContextItem(segment.path("text").asText(), null)));
                case "facts" -> item.path("facts").forEach(fact ->
                        items.add(ContextItem.fact(fact.path("text").asText(), fact.path("group").asText(null))));
                default -> items.addAll(ContextItem.sentences(item.path("text").asText()));
            }
        }
        return items;
    }

    /** Whether the call asked not to keep the document; any other value of the header is a 400 naming it. */
    private boolean ephemeral(Call call) {
        Optional<String> policy = call.request().header(RETENTION_HEADER);
        if (policy.isEmpty()) {
            return false;
        }
        JsonNode schema = spec.parameterSchema(CortiOperations.GUIDED_DOCUMENTS_GENERATE, RETENTION_HEADER)
                .orElseThrow(() -> new IllegalStateException("the spec lost " + RETENTION_HEADER));
        List<SchemaViolation> violations = spec.validator(SchemaValidator.Mode.REQUEST)
                .validate(TextNode.valueOf(policy.get()), schema, RETENTION_HEADER);
        if (!violations.isEmpty()) {
            throw new InvalidRequest("The " + RETENTION_HEADER + " header is not valid", violations);
        }
        return true;
    }

    private static String uniqueKey(String key, Set<String> taken) {
        String unique = key;
        for (int n = 2; !taken.add(unique); n++) {
            unique = key + "-" + n;
        }
        return unique;
    }

    private static Reply unprocessable(Call call, String detail) {
        return ProblemResponses.problem(422, call.requestId(), detail, List.of());
    }

    /** A format default the normaliser kept as {@code x-corti-default} (it has a line break). */
    private String specDefault(String schema, String property, String fallback) {
        JsonNode node;
        try {
            node = spec.resolve(spec.schema(schema)).path("properties").path(property);
        } catch (IllegalArgumentException e) {
            return fallback; // a document without guided output schemas
        }
        return node.path("x-corti-default").asText(node.path("default").asText(fallback));
    }
}
