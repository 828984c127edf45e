package ai.corti.spec.normalize;

import java.util.List;

/** The OpenAPI document cannot be used: it lists every problem found, each with its location. */
public final class InvalidSpecException extends RuntimeException {

    /** Serialisation version. */
    private static final long serialVersionUID = 1L;

    /** One line per problem, each starting with its location in the document. */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param source   which document was checked (a file name, for the message)
     * @param problems one line per problem, each starting with its location in the document
     */
    public InvalidSpecException(String source, List<String> problems) {
        super("Invalid OpenAPI document " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns the problems found.
     *
     * @return one line per problem, each starting with its location in the document
     */
    public List<String> problems() {
        return problems;
    }
}
