package ai.corti.emulator.spec;

/**
 * One way a JSON value does not match its schema.
 *
 * @param field   where, as a dotted path such as {@code encounter.status} or {@code interactions[2].id};
 *                {@code body} for the document itself
 * @param message what is wrong, e.g. {@code is required}
 */
public record SchemaViolation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
