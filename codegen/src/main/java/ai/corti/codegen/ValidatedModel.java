package ai.corti.codegen;

import java.util.List;

/**
 * A model that can be sent in a request body, and the checks made on it before sending (what the spec declares:
 * required fields, enums, lengths, patterns, bounds, and the same on nested models). Templates read the fields.
 */
public final class ValidatedModel {

    /** The model's class. */
    public final String type;
    /** The check method's name, e.g. {@code checkInteractionsCreateRequest}. */
    public final String method;
    /** The statements checking a non-null {@code value} found at {@code path}. */
    public final List<String> checks;
    /** Whether it is a oneOf interface (checked by dispatching to its variants). */
    public final boolean union;

    ValidatedModel(String type, List<String> checks, boolean union) {
        this.type = type;
        this.method = "check" + type;
        this.checks = List.copyOf(checks);
        this.union = union;
    }
}
