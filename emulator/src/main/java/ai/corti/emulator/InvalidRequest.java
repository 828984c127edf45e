package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaViolation;
import java.util.List;

/**
 * A request the emulator refuses with 400: thrown by the parsing and validation steps, turned into an
 * RFC 9457 body by {@link ProblemResponses}. No stack trace: it is an answer, not a bug.
 */
final class InvalidRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SchemaViolation> violations;

    InvalidRequest(String detail, List<SchemaViolation> violations) {
        super(detail, null, false, false);
        this.violations = List.copyOf(violations);
    }

    InvalidRequest(String detail) {
        this(detail, List.of());
    }

    /** The per-field errors, possibly empty. */
    List<SchemaViolation> violations() {
        return violations;
    }
}
