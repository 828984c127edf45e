package ai.corti.client.core.error;

import ai.corti.client.core.http.HttpResponseData;
import ai.corti.client.core.retry.RetryAfter;
import ai.corti.client.model.ErrorResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns a non-2xx response into the SDK's typed exception: one switch from status to type. A body that
 * is not an RFC 9457 problem (a gateway's HTML page, an empty 401) still gives the right type, with the
 * status and a body excerpt. Internal to the SDK.
 */
public final class ErrorDecoder {

    /** The most body text kept in {@link CortiApiException#rawBody()}. */
    public static final int RAW_BODY_LIMIT = 16 * 1024;

    private final ObjectMapper mapper;
    private final Clock clock;

    /**
     * Creates the decoder.
     *
     * @param mapper the SDK's JSON mapper
     * @param clock  the wall clock, to turn a {@code Retry-After} date into a wait
     */
    public ErrorDecoder(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
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
        ErrorResponse problem = parseProblem(response);
        String requestId = problem != null && problem.getRequestid() != null ? problem.getRequestid()
                : response.headers().requestId().orElse(null);
        String raw = response.bodyText(RAW_BODY_LIMIT);
        String message = message(response, problem, method, path, requestId);
        var headers = response.headers();
        return switch (status) {
            case 400 -> new BadRequestException(message, status, problem, headers, raw, requestId);
            case 401 -> new UnauthorizedException(message, problem, headers, raw, requestId);
            case 403 -> new ForbiddenException(message, status, problem, headers, raw, requestId);
            case 404 -> new NotFoundException(message, status, problem, headers, raw, requestId);
            case 429 -> new RateLimitException(message, problem, headers, raw, requestId, retryAfter(response));
            case 504 -> new GatewayTimeoutException(message, problem, headers, raw, requestId);
            default -> status >= 500
                    ? new ServerException(message, status, problem, headers, raw, requestId)
                    : new CortiApiException(message, status, problem, headers, raw, requestId);
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

    private ErrorResponse parseProblem(HttpResponseData response) {
        if (response.body().length == 0 || !looksLikeJsonObject(response.body())) {
            return null;
        }
        try {
            ErrorResponse problem = mapper.readValue(response.body(), ErrorResponse.class);
            // A JSON body that is not a problem document (e.g. {"message": "..."}) is not one. The generated
            // model starts validationErrors as an empty list, so only a non-empty one counts.
            boolean hasValidationErrors = problem.getValidationErrors() != null && !problem.getValidationErrors().isEmpty();
            return problem.getDetail() != null || problem.getType() != null || hasValidationErrors ? problem : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null; // degrade gracefully: the status still picks the type, rawBody keeps the text
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

    private static String message(HttpResponseData response, ErrorResponse problem, String method, String path,
                                  String requestId) {
        StringBuilder text = new StringBuilder()
                .append(method).append(' ').append(path).append(" -> HTTP ").append(response.statusCode())
                .append(' ').append(HttpResponseStatus.valueOf(response.statusCode()).reasonPhrase());
        if (problem != null && problem.getDetail() != null) {
            text.append(": ").append(problem.getDetail());
            if (problem.getValidationErrors() != null && !problem.getValidationErrors().isEmpty()) {
                text.append(' ').append(problem.getValidationErrors());
            }
        } else if (response.body().length > 0) {
            text.append(": ").append(response.excerpt());
        }
        if (requestId != null) {
            text.append(" (requestId ").append(requestId).append(')');
        }
        return text.toString();
    }

}
