package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaViolation;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Builds the emulator's error answers: RFC 9457 bodies shaped as the spec's {@code ErrorResponse}
 * ({@code requestid}, {@code status}, {@code type}, {@code detail}, {@code validationErrors} as a list of
 * one-entry {@code {field: message}} objects), sent as {@code application/problem+json}. Nothing else goes
 * into the body: the spec's schema has no other property, and a strict client must be able to read it.
 *
 * <p>{@code type} points at the RFC section defining the status, as ASP.NET Core's problem details do,
 * because the spec defines no error types of its own.
 */
final class ProblemResponses {

    /** The media type of RFC 9457 bodies. */
    static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /** A problem body with any status. */
    static Reply problem(int status, String requestId, String detail, List<SchemaViolation> violations) {
        ObjectNode body = EmulatorJson.MAPPER.createObjectNode();
        body.put("requestid", requestId);
        body.put("status", status);
        body.put("type", type(status));
        body.put("detail", detail);
        if (!violations.isEmpty()) {
            ArrayNode errors = body.putArray("validationErrors");
            for (SchemaViolation violation : violations) {
                errors.addObject().put(violation.field(), violation.message());
            }
        }
        return new Reply(status, Map.of("Content-Type", PROBLEM_JSON), EmulatorJson.write(body));
    }

    /** 400 for a request that failed validation. */
    static Reply badRequest(String requestId, InvalidRequest invalid) {
        return problem(400, requestId, invalid.getMessage(), invalid.violations());
    }

    /** 404 for an unknown interaction or path. */
    static Reply notFound(String requestId, String detail) {
        return problem(404, requestId, detail, List.of());
    }

    /** 403 for a token that may not act on the tenant asked for. */
    static Reply forbidden(String requestId, String detail) {
        return problem(403, requestId, detail, List.of());
    }

    /** 405 with the methods the path supports. */
    static Reply methodNotAllowed(String requestId, String method, String path, String allow) {
        return problem(405, requestId, "Method " + method + " is not supported on " + path + "; use " + allow, List.of())
                .withHeader("Allow", allow);
    }

    /** 415 for a body that is not JSON by its Content-Type. */
    static Reply unsupportedMediaType(String requestId, String mediaType) {
        return problem(415, requestId, "Content-Type must be application/json, was '"
                + (mediaType.isEmpty() ? "(none)" : mediaType) + "'", List.of());
    }

    /**
     * 401 as RFC 6750 describes it: no body, and a {@code WWW-Authenticate} challenge that says why.
     *
     * @param error       {@code null} when no credential was sent, else e.g. {@code invalid_token}
     * @param description a human-readable reason, or {@code null}
     */
    static Reply unauthorized(String error, String description) {
        String challenge = "Bearer realm=\"corti\"";
        if (error != null) {
            challenge += ", error=\"" + error + "\"";
        }
        if (description != null) {
            challenge += ", error_description=\"" + description + "\"";
        }
        return new Reply(401, Map.of("WWW-Authenticate", challenge), "");
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> "https://tools.ietf.org/html/rfc9110#section-15.5.1";
            case 401 -> "https://tools.ietf.org/html/rfc9110#section-15.5.2";
            case 403 -> "https://tools.ietf.org/html/rfc9110#section-15.5.4";
            case 404 -> "https://tools.ietf.org/html/rfc9110#section-15.5.5";
            case 405 -> "https://tools.ietf.org/html/rfc9110#section-15.5.6";
            case 408 -> "https://tools.ietf.org/html/rfc9110#section-15.5.9";
            case 413 -> "https://tools.ietf.org/html/rfc9110#section-15.5.14";
            case 415 -> "https://tools.ietf.org/html/rfc9110#section-15.5.16";
            case 422 -> "https://tools.ietf.org/html/rfc9110#section-15.5.21";
            case 429 -> "https://tools.ietf.org/html/rfc6585#section-4";
            case 500 -> "https://tools.ietf.org/html/rfc9110#section-15.6.1";
            case 502 -> "https://tools.ietf.org/html/rfc9110#section-15.6.3";
            case 503 -> "https://tools.ietf.org/html/rfc9110#section-15.6.4";
            case 504 -> "https://tools.ietf.org/html/rfc9110#section-15.6.5";
            default -> "about:blank";
        };
    }
}
