package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaValidator;
import ai.corti.emulator.spec.SchemaViolation;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The query of {@code GET /interactions/} ({@code interactions_list}), parsed and validated against the
 * operation's parameters in the spec, and applied to a tenant's interactions: filter, sort, page.
 *
 * <p>Where the spec says it in prose only, the rules come from the parameter descriptions: direction
 * defaults to {@code desc}, {@code pageSize} to 10 and {@code index} to 1, both must be greater than 0; several
 * {@code encounterStatus} values match any of them; a page past the end is empty.
 *
 * <p>Choices where the spec is silent: {@code patient} matches the patient's identifier exactly; sorting by
 * {@code patient} sorts by that identifier; interactions without a value for the sort field ({@code endedAt})
 * come last in both directions; ties keep creation order (reversed when descending).
 */
final class ListQuery {

    static final String OPERATION = "interactions_list";

    private static final String DEFAULT_DIRECTION = "desc";
    private static final long DEFAULT_PAGE_SIZE = 10;
    private static final long DEFAULT_INDEX = 1;

    /** How each sort value of the spec reads its key from an interaction. */
    private static final Map<String, Function<JsonNode, Comparable<?>>> SORT_KEYS = Map.of(
            "id", json -> text(json.path("id")),
            "assignedUserId", json -> text(json.path("assignedUserId")),
            "patient", json -> text(json.path("patient").path("identifier")),
            "createdAt", json -> instant(json.path("createdAt")),
            "endedAt", json -> instant(json.path("endedAt")),
            "updatedAt", json -> instant(json.path("updatedAt")));

    private final String sort;
    private final boolean ascending;
    private final long pageSize;
    private final long index;
    private final Set<String> statuses;
    private final String patient;

    private ListQuery(String sort, boolean ascending, long pageSize, long index, Set<String> statuses, String patient) {
        this.sort = sort;
        this.ascending = ascending;
        this.pageSize = pageSize;
        this.index = index;
        this.statuses = statuses;
        this.patient = patient;
    }

    /**
     * Parses and validates a query.
     *
     * @param query the decoded parameters; repeated keys keep every value
     * @param spec  the spec, for the parameters' schemas and the sort default
     * @return the query
     * @throws InvalidRequest naming every invalid parameter
     */
    static ListQuery parse(Map<String, List<String>> query, SpecSchemas spec) {
        SchemaValidator validator = spec.validator(SchemaValidator.Mode.REQUEST);
        List<SchemaViolation> violations = new ArrayList<>();

        String sort = single(query, "sort", violations);
        if (sort == null) {
            sort = spec.resolve(schema(spec, "sort")).path("default").asText(null);
            if (sort == null) {
                throw new IllegalStateException("the spec's sort parameter has no default");
            }
        } else {
            violations.addAll(validator.validate(TextNode.valueOf(sort), schema(spec, "sort"), "sort"));
        }
        String direction = single(query, "direction", violations);
        if (direction == null) {
            direction = DEFAULT_DIRECTION;
        } else {
            violations.addAll(validator.validate(TextNode.valueOf(direction), schema(spec, "direction"), "direction"));
        }
        long pageSize = positive(query, "pageSize", DEFAULT_PAGE_SIZE, spec, validator, violations);
        long index = positive(query, "index", DEFAULT_INDEX, spec, validator, violations);

        Set<String> statuses = new LinkedHashSet<>(query.getOrDefault("encounterStatus", List.of()));
        JsonNode statusItems = schema(spec, "encounterStatus").path("items");
        for (String status : statuses) {
            violations.addAll(validator.validate(TextNode.valueOf(status), statusItems, "encounterStatus"));
        }
        String patient = single(query, "patient", violations);

        if (!violations.isEmpty()) {
            throw new InvalidRequest("The query parameters are not valid", violations);
        }
        if (!SORT_KEYS.containsKey(sort)) {
            // The spec gained a sort value the emulator does not know: say so instead of sorting wrongly.
            throw new IllegalStateException("The emulator cannot sort by '" + sort + "' yet");
        }
        return new ListQuery(sort, direction.equals("asc"), pageSize, index, statuses, patient);
    }

    /**
     * Filters, sorts and cuts out the requested page.
     *
     * @param all every interaction of the tenant
     * @return the page's interactions, empty past the end
     */
    List<JsonNode> page(List<InteractionStore.Stored> all) {
        List<InteractionStore.Stored> matching = new ArrayList<>();
        for (InteractionStore.Stored stored : all) {
            JsonNode json = stored.json();
            if (!statuses.isEmpty() && !statuses.contains(json.path("encounter").path("status").asText())) {
                continue;
            }
            if (patient != null && !patient.equals(json.path("patient").path("identifier").asText())) {
                continue;
            }
            matching.add(stored);
        }
        matching.sort(comparator());
        long from;
        try {
            from = Math.multiplyExact(index - 1, pageSize);
        } catch (ArithmeticException e) {
            return List.of();
        }
        List<JsonNode> page = new ArrayList<>();
        for (long i = from; i < matching.size() && i - from < pageSize; i++) {
            page.add(matching.get((int) i).json());
        }
        return page;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<InteractionStore.Stored> comparator() {
        Function<JsonNode, Comparable<?>> key = SORT_KEYS.get(sort);
        Comparator<Comparable> values = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<InteractionStore.Stored> byKey = Comparator.comparing(
                stored -> (Comparable) key.apply(stored.json()), Comparator.nullsLast(values));
        Comparator<InteractionStore.Stored> bySequence = Comparator.comparingLong(InteractionStore.Stored::sequence);
        return byKey.thenComparing(ascending ? bySequence : bySequence.reversed());
    }

    private static long positive(Map<String, List<String>> query, String name, long fallback, SpecSchemas spec,
                                 SchemaValidator validator, List<SchemaViolation> violations) {
        String text = single(query, name, violations);
        if (text == null) {
            return fallback;
        }
        JsonNode value;
        try {
            value = LongNode.valueOf(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            value = TextNode.valueOf(text);
        }
        List<SchemaViolation> found = validator.validate(value, schema(spec, name), name);
        if (!found.isEmpty()) {
            violations.addAll(found);
            return fallback;
        }
        if (value.asLong() <= 0) {
            violations.add(new SchemaViolation(name, "must be greater than 0 (was " + value.asLong() + ")"));
            return fallback;
        }
        return value.asLong();
    }

    private static String single(Map<String, List<String>> query, String name, List<SchemaViolation> violations) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            violations.add(new SchemaViolation(name, "must be given once (was given " + values.size() + " times)"));
        }
        return values.get(0);
    }

    private static JsonNode schema(SpecSchemas spec, String name) {
        return spec.parameterSchema(OPERATION, name)
                .orElseThrow(() -> new IllegalStateException("the spec's " + OPERATION + " has no parameter " + name));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
