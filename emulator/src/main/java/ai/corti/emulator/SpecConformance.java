package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaValidator;
import ai.corti.emulator.spec.SchemaViolation;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that an answer to an API call is what the spec promises: the documented schema for its operation
 * and status (or {@code ErrorResponse} for an error status the spec does not list), every keyword of it, nothing
 * undeclared, date-times in UTC ({@link SchemaValidator.Mode#RESPONSE}); JSON as {@code application/json},
 * errors as {@code application/problem+json}; a 401 with a {@code WWW-Authenticate: Bearer} challenge and no
 * body.
 *
 * <p>The emulator runs this on each of its own answers before sending it (a violation is an emulator bug
 * and is answered as a 500 naming it), and tests run it on {@link CortiEmulator#exchanges()}.
 */
public final class SpecConformance {

    private final SpecSchemas spec;
    private final SchemaValidator validator;

    /**
     * Creates a checker over a spec.
     *
     * @param spec the spec
     */
    public SpecConformance(SpecSchemas spec) {
        this.spec = spec;
        this.validator = spec.validator(SchemaValidator.Mode.RESPONSE);
    }

    /**
     * Creates a checker over the packaged spec.
     *
     * @return the checker
     */
    public static SpecConformance packaged() {
        return new SpecConformance(SpecSchemas.shared());
    }

    /**
     * Lists how an exchange's answer departs from the spec.
     *
     * @param exchange a recorded exchange
     * @return the problems, empty when it conforms; token requests and dropped connections have none, and an answer
     *         to a path under {@code /v2/} that is no operation (404, 405) must be an {@code ErrorResponse}
     */
    public List<String> violations(RecordedExchange exchange) {
        if (exchange.status() == 0 || RecordedExchange.TOKEN.equals(exchange.operationId())
                || (exchange.operationId() == null && !exchange.path().startsWith("/v2/"))) {
            return List.of();
        }
        return violations(exchange.operationId(), exchange.status(),
                exchange.responseHeader("Content-Type").orElse(""),
                exchange.responseHeader("WWW-Authenticate").orElse(null), exchange.responseBody());
    }

    /**
     * Lists how an answer departs from the spec.
     *
     * @param operationId     the operation, e.g. {@code interactions_get}, or {@code null} for a path that is none
     *                        (then only an {@code ErrorResponse} conforms)
     * @param status          the status answered
     * @param contentType     the Content-Type answered, empty for none
     * @param wwwAuthenticate the challenge answered, or {@code null}
     * @param body            the body answered, empty for none
     * @return the problems, empty when it conforms
     */
    public List<String> violations(String operationId, int status, String contentType, String wwwAuthenticate,
                                   String body) {
        List<String> problems = new ArrayList<>();
        String where = (operationId == null ? "(no operation)" : operationId) + " " + status + ": ";
        if (status == 401) {
            if (!body.isEmpty()) {
                problems.add(where + "a 401 must have no body");
            }
            if (wwwAuthenticate == null || !wwwAuthenticate.startsWith("Bearer")) {
                problems.add(where + "a 401 must carry a WWW-Authenticate: Bearer challenge");
            }
            return problems;
        }
        Optional<JsonNode> documented = operationId == null ? Optional.empty() : spec.responseSchema(operationId, status);
        JsonNode schema;
        if (documented.isPresent()) {
            schema = documented.get();
        } else if (status >= 400) {
            schema = spec.schema("ErrorResponse");
        } else {
            problems.add(where + "the spec documents no such success status");
            return problems;
        }
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String expectedType = status >= 400 ? ProblemResponses.PROBLEM_JSON : "application/json";
        if (!mediaType.equals(expectedType)) {
            problems.add(where + "Content-Type must be " + expectedType + ", was '" + contentType + "'");
        }
        JsonNode json;
        try {
            json = EmulatorJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            problems.add(where + "the body is not JSON: " + e.getOriginalMessage());
            return problems;
        }
        if (json == null || json.isMissingNode()) {
            problems.add(where + "the body is empty");
            return problems;
        }
        for (SchemaViolation violation : validator.validate(json, schema, "")) {
            problems.add(where + violation);
        }
        if (status >= 400 && json.path("status").asInt() != status) {
            problems.add(where + "the body's status is " + json.path("status") + ", not " + status);
        }
        return problems;
    }
}
