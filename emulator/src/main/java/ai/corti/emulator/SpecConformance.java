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
 * Checks that an answer to an API call is what the spec promises, for its operation and status: a JSON body valid
 * against the documented schema (or {@code ErrorResponse} for an error status the spec does not list), every keyword
 * of it, nothing undeclared, date-times in UTC ({@link SchemaValidator.Mode#RESPONSE}), sent as
 * {@code application/json} (errors as {@code application/problem+json}); a binary body with the documented media
 * type ({@code application/octet-stream}); no body and no Content-Type where the spec documents none (a 204); a 401
 * with a {@code WWW-Authenticate: Bearer} challenge, and a body only where the operation documents one.
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
     * @param body            the body answered, empty for none; for a binary answer its bytes are not checked
     * @return the problems, empty when it conforms
     */
    public List<String> violations(String operationId, int status, String contentType, String wwwAuthenticate,
                                   String body) {
        List<String> problems = new ArrayList<>();
        String where = (operationId == null ? "(no operation)" : operationId) + " " + status + ": ";
        Optional<JsonNode> documented = operationId == null ? Optional.empty() : spec.response(operationId, status);
        boolean documentedBody = documented.map(response -> !response.path("content").isEmpty()).orElse(false);
        if (status == 401) {
            if (wwwAuthenticate == null || !wwwAuthenticate.startsWith("Bearer")) {
                problems.add(where + "a 401 must carry a WWW-Authenticate: Bearer challenge");
            }
            if (!documentedBody) {
                if (!body.isEmpty()) {
                    problems.add(where + "a 401 must have no body (the spec documents none for this operation)");
                }
                return problems;
            }
        }
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode schema;
        if (documented.isPresent()) {
            JsonNode content = documented.get().path("content");
            if (content.isEmpty()) {
                if (!body.isEmpty()) {
                    problems.add(where + "the spec documents no body for this status");
                }
                if (!contentType.isEmpty()) {
                    problems.add(where + "an answer without a body must have no Content-Type, was '" + contentType
                            + "'");
                }
                return problems;
            }
            if (!content.has("application/json")) {
                // A binary answer: its bytes are opaque, its media type must be one the spec documents.
                if (!content.has(mediaType)) {
                    problems.add(where + "Content-Type must be one of " + fieldNames(content) + ", was '"
                            + contentType + "'");
                }
                return problems;
            }
            schema = content.path("application/json").path("schema");
        } else if (status >= 400) {
            schema = spec.schema("ErrorResponse");
        } else {
            problems.add(where + "the spec documents no such success status");
            return problems;
        }
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

    /** Checks one of the emulator's own answers before it is sent. */
    List<String> violations(String operationId, Reply reply) {
        return violations(operationId, reply.status(), reply.contentType(), reply.headers().get("WWW-Authenticate"),
                reply.binary() == null ? reply.body() : Reply.binarySummary(reply.binary().length()));
    }

    /**
     * Gives a 401 the {@code ErrorResponse} body its operation documents (the transcripts and classic templates
     * operations do); elsewhere a 401 keeps none, as RFC 6750 has it.
     */
    Reply withDocumentedUnauthorizedBody(String operationId, String requestId, Reply reply) {
        if (reply.status() != 401 || operationId == null || !reply.body().isEmpty()
                || spec.response(operationId, 401).map(r -> r.path("content").isEmpty()).orElse(true)) {
            return reply;
        }
        String challenge = reply.headers().get("WWW-Authenticate");
        Reply withBody = ProblemResponses.problem(401, requestId, challenge != null && challenge.contains("expired")
                ? "The access token expired" : "A valid bearer token is required", List.of());
        return challenge == null ? withBody : withBody.withHeader("WWW-Authenticate", challenge);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
