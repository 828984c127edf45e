package ai.corti.codegen;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * The SDK's generator: openapi-generator's Java client generator, whose models it keeps (the same types, the same
 * names, in every module), with its API and supporting files replaced by the SDK's own code for one layer:
 * <ul>
 *   <li>{@code core}: the models, one {@code <Resource>Operations} per resource (validation, the HTTP request, how
 *       the answer is read), the query-parameter classes, the by-status result classes, request validation;</li>
 *   <li>{@code reactive} and {@code blocking}: one client per resource with every call shape, its raw-response
 *       view, and the accessors of {@code CortiReactiveClient} / {@code CortiClient}.</li>
 * </ul>
 * Additional properties: {@value #LAYER} ({@code core}, {@code reactive}, {@code blocking}, or {@code all} for the
 * three at once) and {@value #EXTENDED}
 * (resources separated by spaces, whose facade classes a hand-written subclass extends with conveniences; the generated
 * class is then {@code Abstract...}).
 */
public class CortiJavaCodegen extends JavaClientCodegen {

    /** The additional property naming the layer to generate. */
    public static final String LAYER = "cortiLayer";
    /** The additional property naming resources with hand-written conveniences. */
    public static final String EXTENDED = "cortiExtended";

    private Layer layer;
    /** What the last run read from the spec (for the generator's tests). */
    private Sdk sdk;

    /** The layers one run can generate. */
    enum Layer {
        CORE, REACTIVE, BLOCKING,
        /** All three in one run: for checking that a whole document generates code that compiles. */
        ALL;

        /** The layer an additional property names, case and surrounding spaces ignored. */
        static Layer of(Object value) {
            String names = "core, reactive, blocking or all";
            if (value == null) {
                throw new IllegalArgumentException("additional property " + LAYER + " is required (" + names + ")");
            }
            for (Layer layer : values()) {
                if (layer.name().equalsIgnoreCase(value.toString().trim())) {
                    return layer;
                }
            }
            throw new IllegalArgumentException("additional property " + LAYER + " must be " + names + ", not '"
                    + value + "'");
        }
    }

    @Override
    public String getName() {
        return "corti-java";
    }

    @Override
    public String getHelp() {
        return "Generates the Corti Java SDK's per-operation code (" + LAYER + ": core, reactive, blocking or all).";
    }

    @Override
    public void processOpts() {
        super.processOpts();
        layer = Layer.of(additionalProperties.get(LAYER));
        OutputFolder.clean(Path.of(outputFolder()));
        // openapi-generator's API classes and supporting files are replaced by the SDK's own (Layers); its models
        // stay, written only by the core layer, so every module agrees on their names.
        apiTemplateFiles.clear();
        apiTestTemplateFiles.clear();
        apiDocTemplateFiles.clear();
        modelDocTemplateFiles.clear();
        modelTestTemplateFiles.clear();
        supportingFiles.clear();
        if (layer != Layer.CORE && layer != Layer.ALL) {
            modelTemplateFiles.clear();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> postProcessSupportingFileData(Map<String, Object> bundle) {
        Map<String, Object> processed = super.postProcessSupportingFileData(bundle);
        Map<String, Object> apiInfo = (Map<String, Object>) processed.getOrDefault("apiInfo", new HashMap<>());
        List<OperationsMap> apis = (List<OperationsMap>) apiInfo.getOrDefault("apis", List.of());
        List<ModelMap> models = (List<ModelMap>) processed.getOrDefault("models", List.of());
        sdk = Sdk.of(apis, models, extended());
        Renderer renderer = new Renderer(Path.of(outputFolder(), sourceFolder));
        Layers.render(layer, sdk, renderer);
        OutputFolder.mark(Path.of(outputFolder()));
        return processed;
    }

    /** What the last run read from the spec, or {@code null} before one. */
    Sdk sdk() {
        return sdk;
    }

    private Set<String> extended() {
        Object value = additionalProperties.get(EXTENDED);
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.toString().split("[\\s,;|]+")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
