package ai.corti.codegen;

import java.util.Map;

/** Which files each layer writes, from which template. */
final class Layers {

    private static final String CORE = "ai.corti.client.core";
    private static final String OPERATIONS = CORE + ".internal.operations";
    private static final String VALIDATION = CORE + ".internal.validation";
    private static final String REACTIVE = "ai.corti.client.reactive";
    private static final String BLOCKING = "ai.corti.client.blocking";

    private Layers() {
    }

    /**
     * Writes one layer's files, or all three layers'.
     *
     * @param layer    what to write
     * @param sdk      what the spec holds
     * @param renderer where to write it
     */
    static void render(CortiJavaCodegen.Layer layer, Sdk sdk, Renderer renderer) {
        boolean all = layer == CortiJavaCodegen.Layer.ALL;
        if (all || layer == CortiJavaCodegen.Layer.CORE) {
            core(sdk, renderer);
        }
        if (all || layer == CortiJavaCodegen.Layer.REACTIVE) {
            facade(sdk, renderer, "reactive", REACTIVE, "Reactive", "AbstractCortiReactiveClient");
        }
        if (all || layer == CortiJavaCodegen.Layer.BLOCKING) {
            facade(sdk, renderer, "blocking", BLOCKING, "", "AbstractCortiClient");
        }
    }

    private static void core(Sdk sdk, Renderer renderer) {
        for (Resource resource : sdk.resources) {
            renderer.render("core/Operations", resource, OPERATIONS, resource.name + "Operations");
            for (Operation op : resource.withQuery()) {
                renderer.render("core/QueryClass", op.query, op.query.packageName, op.query.name);
            }
            for (Operation op : resource.byStatus()) {
                renderer.render("core/ByStatusResult", op, Names.resourcePackage(resource.name), op.answer.type);
            }
        }
        renderer.render("core/RequestValidation", sdk, VALIDATION, "RequestValidation");
        renderer.render("core/OperationIds", sdk, OPERATIONS, "OperationIds");
    }

    private static void facade(Sdk sdk, Renderer renderer, String style, String javaPackage, String prefix,
                               String accessorsClass) {
        for (Resource resource : sdk.resources) {
            String client = prefix + resource.name + "Client";
            String generated = resource.extended ? "Abstract" + client : client;
            renderer.render(style + "/Client", Map.of("resource", resource, "client", client, "generated", generated,
                    "raw", "Raw" + client), javaPackage, generated);
        }
        renderer.render(style + "/Accessors", Map.of("sdk", sdk, "name", accessorsClass, "prefix", prefix),
                javaPackage, accessorsClass);
    }
}
