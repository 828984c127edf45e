package ai.corti.emulator;

import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The classic Templates operations, over the fixed {@link ClassicCatalogue}: list templates and sections, get a
 * template by key. Filters: {@code lang} keeps what is available in that language (without it, English, as the API
 * documents); {@code org} keeps Corti's catalogue for {@code corti} and nothing for another organisation (the
 * emulator has no organisation templates); {@code templateStatus} keeps templates with that status
 * ({@code published}).
 */
final class TemplatesApi implements Operation.Resource {

    private static final String DEFAULT_LANGUAGE = "en";

    private final SpecSchemas spec;

    TemplatesApi(SpecSchemas spec) {
        this.spec = spec;
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                new Operation(CortiOperations.TEMPLATES_SECTION_LIST, this::sections),
                new Operation(CortiOperations.TEMPLATES_LIST, this::templates),
                new Operation(CortiOperations.TEMPLATES_GET, this::template));
    }

    /** {@code GET /templates/}. */
    Reply templates(Call call) {
        QueryParameters query = QueryParameters.parse(spec, CortiOperations.TEMPLATES_LIST, call.request().query());
        String language = query.text("lang").orElse(DEFAULT_LANGUAGE);
        boolean ours = query.text("org").map(ClassicCatalogue.ORGANISATION::equals).orElse(true);
        Optional<String> status = query.text("templateStatus");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode data = body.putArray("data");
        for (ClassicCatalogue.ClassicTemplate template : ClassicCatalogue.TEMPLATES) {
            if (ours && template.languages().contains(language)
                    && status.map(ClassicCatalogue.STATUS::equals).orElse(true)) {
                data.add(ClassicCatalogue.json(template));
            }
        }
        return Reply.json(200, EmulatorJson.write(body));
    }

    /** {@code GET /templates/{key}}: 404 for a key the catalogue does not have. */
    Reply template(Call call) {
        String key = call.parameter("key");
        return ClassicCatalogue.template(key)
                .map(template -> Reply.json(200, EmulatorJson.write(ClassicCatalogue.json(template))))
                .orElseGet(() -> ProblemResponses.notFound(call.requestId(), "Template '" + Call.shown(key)
                        + "' was not found"));
    }

    /** {@code GET /templateSections/}. */
    Reply sections(Call call) {
        QueryParameters query = QueryParameters.parse(spec, CortiOperations.TEMPLATES_SECTION_LIST,
                call.request().query());
        String language = query.text("lang").orElse(DEFAULT_LANGUAGE);
        boolean ours = query.text("org").map(ClassicCatalogue.ORGANISATION::equals).orElse(true);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode data = body.putArray("data");
        if (ours && ClassicCatalogue.SECTION_LANGUAGES.contains(language)) {
            ClassicCatalogue.sections().forEach(section -> data.add(ClassicCatalogue.json(section)));
        }
        return Reply.json(200, EmulatorJson.write(body));
    }
}
