package ai.corti.client.core.error;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 9457 problem body as the API answered it, read without assuming one version of the spec's
 * {@code ErrorResponse} model (Corti's 2025 texts say {@code details}, its 2026 texts {@code detail} and add
 * {@code validationErrors}). Every text in it was redacted: no credential a server echoed survives.
 *
 * @param type             the problem type URI, or {@code null}
 * @param title            a short summary, or {@code null}
 * @param status           the HTTP status the body states, or {@code null}
 * @param detail           the explanation ({@code detail}, or {@code details}), or {@code null}
 * @param instance         the occurrence's URI, or {@code null}
 * @param requestId        Corti's request id ({@code requestid}), or {@code null}
 * @param validationErrors per-field errors (each a map such as field to message), possibly empty
 */
public record Problem(String type, String title, Integer status, String detail, String instance, String requestId,
                      List<Map<String, String>> validationErrors) {

    /**
     * Copies the validation errors so the problem is immutable.
     *
     * @param type             the problem type URI, or {@code null}
     * @param title            a short summary, or {@code null}
     * @param status           the HTTP status the body states, or {@code null}
     * @param detail           the explanation, or {@code null}
     * @param instance         the occurrence's URI, or {@code null}
     * @param requestId        Corti's request id, or {@code null}
     * @param validationErrors per-field errors, possibly empty
     */
    public Problem {
        validationErrors = validationErrors == null ? List.of()
                : validationErrors.stream().map(Map::copyOf).toList();
    }

    /**
     * Returns the explanation.
     *
     * @return the {@code detail}, or empty
     */
    public Optional<String> detailText() {
        return Optional.ofNullable(detail);
    }
}
