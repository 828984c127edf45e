package ai.corti.client.core.internal.error;

import ai.corti.client.core.error.BadRequestException;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.ForbiddenException;
import ai.corti.client.core.error.GatewayTimeoutException;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.error.Problem;
import ai.corti.client.core.error.RateLimitException;
import ai.corti.client.core.error.ServerException;
import ai.corti.client.core.error.UnauthorizedException;
import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.core.internal.json.JsonShape;
import ai.corti.client.core.internal.http.HttpResponseData;
import ai.corti.client.core.internal.retry.RetryAfter;
import ai.corti.client.model.ErrorResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns a non-2xx response into the SDK's typed exception: one switch from status to type. A body that
 * is not an RFC 9457 problem (a gateway's HTML page, an empty 401) still gives the right type, with the
 * status and a body excerpt. Everything taken from the body (the excerpt, the raw body, the problem's fields) is
 * redacted first: a gateway that echoes the request would otherwise put the bearer token into the message.
 * Internal to the SDK.
 */
public final class ErrorDecoder {

    /** The most body text kept in {@link CortiApiException#rawBody()}. */
    public static final int RAW_BODY_LIMIT = 16 * 1024;

    /** The longest body excerpt put in an exception message. */
    public static final int EXCERPT_LIMIT = 300;

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Redactor redactor;

    /**
     * Creates the decoder.
     *
     * @param mapper   the SDK's JSON mapper
     * @param clock    the wall clock, to turn a {@code Retry-After} date into a wait
     * @param redactor removes credentials from what the server said
     */
    public ErrorDecoder(ObjectMapper mapper, Clock clock, Redactor redactor) {
        this.mapper = mapper;
        this.clock = clock;
        this.redactor = redactor;
    }

    /**
     * Decodes a non-2xx response.
     *
     * @param response the response, fully read
     * @param method   the request method, for the message
     * @param path     the request path without its query, for the message
     * @return the exception to signal
     */
    public CortiApiException decode(HttpResponseData response, String method, String path) {
        int status = response.statusCode();
        JsonNode tree = problemTree(response);
        Problem problem = tree == null ? null : Problems.of(tree);
        ErrorResponse model = tree == null ? null : model(tree);
        String requestId = problem != null && problem.requestId() != null ? problem.requestId()
                : response.headers().requestId().map(redactor::redact).orElse(null);
        String raw = rawBody(response.body());
        String message = message(response, problem, method, path, requestId);
        ResponseHeaders headers = response.headers();
        return switch (status) {
            case 400 -> new BadRequestException(message, status, problem, model, headers, raw, requestId);
            case 401 -> new UnauthorizedException(message, problem, model, headers, raw, requestId);
            case 403 -> new ForbiddenException(message, status, problem, model, headers, raw, requestId);
            case 404 -> new NotFoundException(message, status, problem, model, headers, raw, requestId);
            case 429 -> new RateLimitException(message, problem, model, headers, raw, requestId, retryAfter(response));
            case 504 -> new GatewayTimeoutException(message, problem, model, headers, raw, requestId);
            default -> status >= 500
                    ? new ServerException(message, status, problem, model, headers, raw, requestId)
                    : new CortiApiException(message, status, problem, model, headers, raw, requestId);
        };
    }

    /**
     * Parses the {@code Retry-After} header of a response.
     *
     * @param response the response
     * @return the wait the server asked for, or {@code null}
     */
    public Duration retryAfter(HttpResponseData response) {
        return response.headers().first("Retry-After").flatMap(v -> RetryAfter.parse(v, clock)).orElse(null);
    }

    private String rawBody(byte[] body) {
        String text = redactor.redact(new String(body, StandardCharsets.UTF_8));
        return text.length() <= RAW_BODY_LIMIT ? text
                : text.substring(0, RAW_BODY_LIMIT) + "...[" + (text.length() - RAW_BODY_LIMIT) + " more chars]";
    }

    /**
     * The body as a problem document, its texts redacted; {@code null} when it is not one (an HTML page, JSON of
     * another shape). Read as a tree, not into the spec's model: a newer or older spec may shape that model
     * differently, and the SDK must read every one of them.
     */
    private JsonNode problemTree(HttpResponseData response) {
        if (response.body().length == 0 || !looksLikeJsonObject(response.body())) {
            return null;
        }
        try {
            JsonShape.check(response.content());
            JsonNode tree = mapper.readTree(response.body());
            if (tree == null || !Problems.isProblem(tree)) {
                return null;
            }
            Problems.redact(tree, redactor);
            return tree;
        } catch (java.io.IOException | RuntimeException e) {
            return null; // degrade gracefully: the status still picks the type, rawBody keeps the text
        }
    }

    /** The spec's model of the same (redacted) body, for {@code errorResponse()}; {@code null} if it does not fit. */
    private ErrorResponse model(JsonNode tree) {
        try {
            return mapper.treeToValue(tree, ErrorResponse.class);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean looksLikeJsonObject(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private String message(HttpResponseData response, Problem problem, String method, String path,
                           String requestId) {
        StringBuilder text = new StringBuilder()
                .append(method).append(' ').append(path).append(" -> HTTP ").append(response.statusCode())
                .append(' ').append(ReasonPhrases.of(response.statusCode()));
        if (problem != null && (problem.detail() != null || problem.title() != null)) {
            text.append(": ").append(problem.detail() != null ? problem.detail() : problem.title());
            if (!problem.validationErrors().isEmpty()) {
                text.append(' ').append(problem.validationErrors());
            }
        } else if (response.body().length > 0) {
            text.append(": ").append(redactor.excerpt(response.body(), EXCERPT_LIMIT));
        }
        if (requestId != null) {
            text.append(" (requestId ").append(requestId).append(')');
        }
        return text.toString();
    }
}
