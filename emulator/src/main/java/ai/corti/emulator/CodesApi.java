package ai.corti.emulator;

import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code codes_predict}: codes from the fixed {@link CodeTable}, found by their cue words in the context (text items,
 * or the text of a stored document by {@code documentId}), deterministic. Every match is evidence with its context
 * index and character offsets; a code with a strong cue is predicted, one with only weak cues is a candidate. The
 * optional filter keeps codes starting with an {@code include} entry and drops those starting with an
 * {@code exclude} entry. A {@code documentId} that is no UUID is a 400 naming it, one the tenant does not have a 404.
 */
final class CodesApi implements Operation.Resource {

    private final RequestBodies bodies;
    private final BiFunction<String, UUID, Optional<String>> documentText;

    /**
     * Creates the operation.
     *
     * @param spec         the document
     * @param documentText a tenant's document's text by id (classic or guided), for {@code documentId} context
     */
    CodesApi(SpecSchemas spec, BiFunction<String, UUID, Optional<String>> documentText) {
        this.bodies = new RequestBodies(spec);
        this.documentText = documentText;
    }

    @Override
    public List<Operation> operations() {
        return List.of(new Operation(CortiOperations.CODES_PREDICT, this::predict));
    }

    /** One match of a cue in the context. */
    private record Evidence(int contextIndex, String text, int start, int end) {
    }

    /** {@code POST /tools/coding/}. */
    Reply predict(Call call) {
        ObjectNode body = bodies.read(call.request(), CortiOperations.CODES_PREDICT);
        List<String> texts = new ArrayList<>();
        JsonNode context = body.get("context");
        for (int i = 0; i < context.size(); i++) {
            JsonNode item = context.get(i);
            if (item.has("documentId")) {
                String field = "context[" + i + "].documentId";
                UUID id = Call.uuid(item.get("documentId").asText(), field, "The documentId must be a valid UUID");
                Optional<String> text = documentText.apply(call.tenant(), id);
                if (text.isEmpty()) {
                    return ProblemResponses.notFound(call.requestId(), "Document " + id + " (" + field
                            + ") was not found");
                }
                texts.add(text.get());
            } else {
                texts.add(item.path("text").asText());
            }
        }
        List<String> include = strings(body.path("filter").path("include"));
        List<String> exclude = strings(body.path("filter").path("exclude"));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode codes = answer.putArray("codes");
        ArrayNode candidates = answer.putArray("candidates");
        for (JsonNode systemNode : body.get("system")) {
            String system = systemNode.asText();
            List<ObjectNode> predicted = new ArrayList<>();
            List<ObjectNode> considered = new ArrayList<>();
            for (CodeTable.Entry entry : CodeTable.ENTRIES) {
                Optional<String> code = entry.codeIn(system);
                if (code.isEmpty() || !passes(code.get(), include, exclude)) {
                    continue;
                }
                List<Evidence> strong = find(texts, entry.strong(), List.of());
                List<Evidence> all = new ArrayList<>(strong);
                all.addAll(find(texts, entry.weak(), strong));
                if (all.isEmpty()) {
                    continue;
                }
                all.sort(Comparator.comparingInt(Evidence::contextIndex).thenComparingInt(Evidence::start));
                (strong.isEmpty() ? considered : predicted).add(record(system, code.get(), entry, all));
            }
            codes.addAll(byFirstEvidence(predicted));
            candidates.addAll(byFirstEvidence(considered));
        }
        answer.putObject("usageInfo").put("creditsConsumed", Math.round(body.get("system").size() * 10.0) / 100.0);
        return Reply.json(200, EmulatorJson.write(answer));
    }

    private static ObjectNode record(String system, String code, CodeTable.Entry entry, List<Evidence> evidences) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("system", system);
        record.put("code", code);
        record.put("display", entry.code().display());
        ArrayNode out = record.putArray("evidences");
        for (Evidence evidence : evidences) {
            out.addObject().put("contextIndex", evidence.contextIndex()).put("text", evidence.text())
                    .put("start", evidence.start()).put("end", evidence.end());
        }
        ArrayNode alternatives = record.putArray("alternatives");
        for (CodeTable.Code alternative : entry.alternatives()) {
            entry.in(alternative, system).filter(alt -> !alt.equals(code)).ifPresent(alt -> alternatives.addObject()
                    .put("code", alt).put("display", alternative.display()));
        }
        return record;
    }

    /** Codes ordered by where their first evidence is, then by the table's order (a stable sort keeps it). */
    private static List<ObjectNode> byFirstEvidence(List<ObjectNode> records) {
        List<ObjectNode> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.<ObjectNode>comparingInt(r -> r.path("evidences").get(0).path("contextIndex").asInt())
                .thenComparingInt(r -> r.path("evidences").get(0).path("start").asInt()));
        return sorted;
    }

    /** Every match of the cues, whole words, case-insensitively; none overlapping {@code taken}. */
    private static List<Evidence> find(List<String> texts, List<String> cues, List<Evidence> taken) {
        List<Evidence> found = new ArrayList<>();
        for (String cue : cues) {
            Pattern pattern = Pattern.compile("\\b" + Pattern.quote(cue) + "\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (int i = 0; i < texts.size(); i++) {
                Matcher matcher = pattern.matcher(texts.get(i));
                while (matcher.find()) {
                    Evidence evidence = new Evidence(i, matcher.group(), matcher.start(), matcher.end());
                    if (!overlaps(evidence, taken) && !overlaps(evidence, found)) {
                        found.add(evidence);
                    }
                }
            }
        }
        return found;
    }

    private static boolean overlaps(Evidence evidence, List<Evidence> others) {
        return others.stream().anyMatch(other -> other.contextIndex() == evidence.contextIndex()
                && other.start() < evidence.end() && evidence.start() < other.end());
    }

    private static boolean passes(String code, List<String> include, List<String> exclude) {
        String upper = code.toUpperCase(Locale.ROOT);
        boolean included = include.isEmpty() || include.stream().anyMatch(prefix -> upper.startsWith(prefix
                .toUpperCase(Locale.ROOT)));
        return included && exclude.stream().noneMatch(prefix -> upper.startsWith(prefix.toUpperCase(Locale.ROOT)));
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }
}
