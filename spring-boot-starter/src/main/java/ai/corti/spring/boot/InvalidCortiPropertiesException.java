package ai.corti.spring.boot;

import java.util.List;

/**
 * The {@code corti.*} properties cannot configure a client. The message names every property at fault and never
 * shows a secret (client secret, bearer token, header values). Thrown at startup, when the client bean is created.
 */
public class InvalidCortiPropertiesException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The problems, one per property at fault (an immutable list). */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems one line per problem, each naming its property
     */
    public InvalidCortiPropertiesException(List<String> problems) {
        super("Invalid Corti configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns the problems found, one per line of the failure report.
     *
     * @return the problems, each naming its property
     */
    public List<String> problems() {
        return problems;
    }
}
