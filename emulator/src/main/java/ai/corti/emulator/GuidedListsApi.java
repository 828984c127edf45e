package ai.corti.emulator;

import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * {@code guided_sections_list} and {@code guided_templates_list}: Corti's standard guided sections and templates
 * ({@link GuidedCatalogue}) and the tenant's auto-generated ones, filtered as the spec's parameters describe:
 * {@code lang}, {@code region}, {@code specialty} keep what is tweaked for one of the values given (or not tweaked
 * for any), {@code label} ({@code key:value}) what has one of the labels, {@code published} and {@code source}
 * what has that status and source.
 */
final class GuidedListsApi implements Operation.Resource {

    private final GuidedStore store;
    private final SpecSchemas spec;

    GuidedListsApi(GuidedStore store, SpecSchemas spec) {
        this.store = store;
        this.spec = spec;
    }

    @Override
    public java.util.List<Operation> operations() {
        return java.util.List.of(
                new Operation(CortiOperations.GUIDED_SECTIONS_LIST, this::sections),
                new Operation(CortiOperations.GUIDED_TEMPLATES_LIST, this::templates));
    }

    /** {@code GET /documents/sections/}. */
    Reply sections(Call call) {
        QueryParameters query = QueryParameters.parse(spec, CortiOperations.GUIDED_SECTIONS_LIST,
                call.request().query());
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        store.sections(call.tenant()).stream().filter(section -> section.meta().matches(query))
                .forEach(section -> body.add(section.json()));
        return Reply.json(200, EmulatorJson.write(body));
    }

    /** {@code GET /documents/templates/}. */
    Reply templates(Call call) {
        QueryParameters query = QueryParameters.parse(spec, CortiOperations.GUIDED_TEMPLATES_LIST,
                call.request().query());
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        store.templates(call.tenant()).stream().filter(template -> template.meta().matches(query))
                .forEach(template -> body.add(template.json()));
        return Reply.json(200, EmulatorJson.write(body));
    }
}
