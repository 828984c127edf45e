package ai.corti.codegen;

import java.util.List;

/** One resource of the API (a tag): its operations and the names of the classes it becomes. */
public final class Resource {

    /** The tag, PascalCase, e.g. {@code GuidedDocuments}. */
    public final String name;
    /** The clients' accessor, e.g. {@code guidedDocuments}. */
    public final String accessor;
    /** The operations, in openapi-generator's order: by operationId. */
    public final List<Operation> operations;
    /** Whether its facade classes have a hand-written subclass adding conveniences. */
    public final boolean extended;
    /** The imports of the model types its operations name. */
    public final List<String> imports;

    Resource(String name, List<Operation> operations, boolean extended, List<String> imports) {
        this.name = name;
        this.accessor = Names.accessor(name);
        this.operations = List.copyOf(operations);
        this.extended = extended;
        this.imports = List.copyOf(imports);
    }

    /** The operations with a class of query parameters. */
    public List<Operation> withQuery() {
        return operations.stream().filter(o -> o.query != null).toList();
    }

    /** The operations answering a different model per status. */
    public List<Operation> byStatus() {
        return operations.stream().filter(o -> o.answer.kind == Answer.Kind.BY_STATUS).toList();
    }

    /** Whether any operation is a paged listing. */
    public boolean paged() {
        return operations.stream().anyMatch(Operation::isPaged);
    }

    /** The imports of the query classes its operations take. */
    public List<String> queryImports() {
        return operations.stream().filter(o -> o.query != null).map(o -> o.query.qualified()).distinct().toList();
    }

    /** The imports of its by-status result classes. */
    public List<String> resultImports() {
        return byStatus().stream().map(o -> Names.resourcePackage(name) + "." + o.answer.type).distinct().toList();
    }
}
