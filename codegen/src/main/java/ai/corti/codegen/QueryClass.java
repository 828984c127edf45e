package ai.corti.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * The class holding an operation's query parameters ({@code ListInteractionsRequest}): immutable, built with a
 * builder whose setters check their value at once. Templates read the public fields.
 */
public final class QueryClass {

    /** The class name, e.g. {@code ListInteractionsRequest}. */
    public final String name;
    /** Its package, e.g. {@code ai.corti.client.core.interactions}. */
    public final String packageName;
    /** The operation, e.g. {@code interactions_list}. */
    public final String operationId;
    /** The parameters, in the spec's order. */
    public final List<Param> params;
    /** Whether the operation pages with {@code index} and {@code pageSize}. */
    public final boolean paged;
    /** The spec's default page size, or {@code null}. */
    public final String defaultPageSize;
    /** The Java types the class imports. */
    public final List<String> imports;

    QueryClass(String name, String packageName, String operationId, List<Param> params, boolean paged,
               String defaultPageSize, List<String> imports) {
        this.name = name;
        this.packageName = packageName;
        this.operationId = operationId;
        this.params = List.copyOf(params);
        this.paged = paged;
        this.defaultPageSize = defaultPageSize;
        this.imports = List.copyOf(imports);
    }

    /**
     * The statements adding each parameter to the query pairs, in the spec's order; on a paged listing the page's
     * own index is sent whenever it is not the first page or was asked for.
     *
     * @return the statements
     */
    public List<String> pairs() {
        List<String> out = new ArrayList<>();
        for (Param p : params) {
            if (paged && p.wireName.equals("index")) {
                out.add("if (" + p.name + " != null || pageIndex != 1) {");
                out.add("    query.add(entry(\"index\", Long.toString(pageIndex)));");
                out.add("}");
            } else if (p.list) {
                out.add(p.name + ".forEach(value -> query.add(entry(\"" + p.wireName + "\", " + p.wire("value", p.itemType)
                        + ")));");
            } else {
                out.add("if (" + p.name + " != null) {");
                out.add("    query.add(entry(\"" + p.wireName + "\", " + p.wire(p.name, p.type) + "));");
                out.add("}");
            }
        }
        return out;
    }

    /** The fully qualified name. */
    public String qualified() {
        return packageName + "." + name;
    }
}
