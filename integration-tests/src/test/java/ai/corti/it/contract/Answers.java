package ai.corti.it.contract;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.error.BadRequestException;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.ForbiddenException;
import ai.corti.client.core.error.GatewayTimeoutException;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.error.Problem;
import ai.corti.client.core.error.RateLimitException;
import ai.corti.client.core.error.ServerException;
import ai.corti.client.core.error.UnauthorizedException;
import ai.corti.client.core.guideddocuments.GenerateGuidedDocumentsResult;
import ai.corti.client.core.json.CortiJson;
import ai.corti.it.support.JsonMatch;
import ai.corti.it.support.MockCorti;
import ai.corti.it.support.SpecDocument;
import ai.corti.it.support.SpecDocument.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mockserver.model.HttpResponse;

/**
 * The answers MockServer gives in the suite, and what a call must make of them. Successes are MockServer's own
 * answer for the declared status (the spec's example, or one derived from the schema), a binary body being
 * replaced by known bytes; errors keep the declared status and media type with a distinct RFC 9457 body, so that
 * each field can be traced to the exception.
 */
final class Answers {

    private static final String BINARY = "application/octet-stream";

    private Answers() {
    }

    /**
     * The answer of a declared 2xx.
     *
     * @param op     the operation
     * @param status the status
     * @return MockServer's answer, with known bytes for a binary body
     */
    static HttpResponse success(SpecOperation op, int status) {
        HttpResponse answer = MockCorti.declaredResponse(op.id(), status);
        if (declaredMediaType(op, status).filter(BINARY::equals).isPresent()) {
            answer.withBody(ContractRequests.bytes(200 * 1024 + 3, status));
        }
        return answer;
    }

    /**
     * The answer of a declared error: its status and media type, and when it declares a body, a problem document
     * with every field its schema declares.
     *
     * @param spec   the spec
     * @param op     the operation
     * @param status the status
     * @return the answer
     */
    static HttpResponse error(SpecDocument spec, SpecOperation op, int status) {
        HttpResponse answer = MockCorti.declaredResponse(op.id(), status);
        Optional<JsonNode> schema = declaredSchema(op, status).map(spec::resolve);
        if (schema.isEmpty()) {
            return answer; // declared without a body: answered without one
        }
        ObjectNode problem = CortiJson.mapper().createObjectNode()
                .put("requestid", "req-" + op.id() + "-" + status)
                .put("status", status)
                .put("type", "https://docs.corti.ai/problems/" + status)
                .put("detail", op.id() + " refused with " + status + " by the contract suite");
        problem.putArray("validationErrors").addObject().put("encounter.identifier", "must not be blank");
        List<String> declared = new ArrayList<>();
        schema.get().path("properties").fieldNames().forEachRemaining(declared::add);
        if (!declared.equals(List.of("requestid", "status", "type", "detail", "validationErrors"))) {
            throw new AssertionError(op + " " + status + " declares an error body " + declared
                    + " the suite does not build; extend Answers.error");
        }
        return answer.withBody(problem.toString());
    }

    /**
     * Compares what a call returned with what was answered.
     *
     * @param op     the operation
     * @param answer the answer
     * @param status its status
     * @param result what the call returned
     * @return the differences, empty when the call decoded the answer faithfully into the declared model
     */
    static List<String> decodingDifferences(SpecOperation op, HttpResponse answer, int status, Object result) {
        return decodingDifferences(op, bodyOf(answer), status, result);
    }

    /**
     * Compares what a call returned with the body a server answered.
     *
     * @param op     the operation
     * @param body   the body answered (the bytes of a download), empty for none
     * @param status the status answered
     * @param result what the call returned
     * @return the differences, empty when the call decoded the answer faithfully into the declared model
     */
    static List<String> decodingDifferences(SpecOperation op, byte[] body, int status, Object result) {
        List<String> out = new ArrayList<>();
        Object value = result;
        if (result instanceof CortiResponse<?> raw) {
            if (raw.statusCode() != status) {
                out.add("raw response status " + raw.statusCode());
            }
            value = raw.value();
        }
        if (value instanceof GenerateGuidedDocumentsResult generated) {
            if (generated.statusCode() != status) {
                out.add("result status " + generated.statusCode());
            }
            boolean typed = status == 200 ? generated.guidedDocumentsCreateEphemeralResponse().isPresent()
                    : generated.guidedDocumentsCreateResponse().isPresent();
            if (!typed) {
                out.add("the typed accessor of " + status + " is empty: " + generated);
            }
            value = generated.value();
        }
        if (body.length == 0) {
            if (value != null) {
                out.add("no body answered, returned " + value);
            }
            return out;
        }
        if (value instanceof byte[] bytes) {
            if (!Arrays.equals(bytes, body)) {
                out.add("downloaded " + bytes.length + " bytes that are not the " + body.length + " answered");
            }
            return out;
        }
        if (value == null) {
            out.add("a body was answered, the call returned nothing");
            return out;
        }
        JsonNode answered = LifecycleContractTest.json(body);
        Optional<JsonNode> schema = declaredSchema(op, status).map(SpecDocument.packaged()::resolve);
        if (value instanceof List<?> && answered.isObject() && answered.size() == 1 && answered.elements().next().isArray()) {
            // a paged listing yields the items of its page: the page's one array, of the array's declared items
            String field = answered.fieldNames().next();
            answered = answered.get(field);
            schema = schema.map(page -> page.path("properties").path(field));
        }
        Object sample = value instanceof List<?> list && !list.isEmpty() ? list.get(0) : value;
        Optional<String> model = schema.map(s -> s.has("items") ? s.get("items") : s).map(s -> s.path("$ref").asText(null))
                .map(ref -> ref.substring(ref.lastIndexOf('/') + 1));
        boolean nothingToType = value instanceof List<?> list && list.isEmpty(); // an empty page holds no model
        if (model.isPresent() && !nothingToType && !sample.getClass().getSimpleName().equals(model.get())) {
            out.add("decoded as " + sample.getClass().getSimpleName() + ", the spec declares " + model.get());
        }
        out.addAll(JsonMatch.differences(answered, CortiJson.mapper().valueToTree(value)));
        return out;
    }

    /**
     * Compares what a call threw with the error answered.
     *
     * @param answer the error answer
     * @param status its status
     * @param thrown what the call threw
     * @return the differences, empty when it is the typed exception of the status with the body read
     */
    static List<String> errorDifferences(HttpResponse answer, int status, Throwable thrown) {
        return errorDifferences(bodyOf(answer), status, thrown);
    }

    /**
     * Compares what a call threw with the error body a server answered.
     *
     * @param body   the body answered, empty for none
     * @param status the status answered
     * @param thrown what the call threw
     * @return the differences, empty when it is the typed exception of the status with the body read
     */
    static List<String> errorDifferences(byte[] body, int status, Throwable thrown) {
        List<String> out = new ArrayList<>();
        Class<? extends CortiApiException> expected = exceptionOf(status);
        if (thrown == null || thrown.getClass() != expected) {
            out.add("threw " + thrown + ", expected a " + expected.getSimpleName());
            return out;
        }
        CortiApiException error = (CortiApiException) thrown;
        if (error.statusCode() != status) {
            out.add("statusCode() " + error.statusCode());
        }
        if (body.length == 0) {
            if (error.errorResponse().isPresent() || error.problem().isPresent()) {
                out.add("a problem " + error.problem() + " read from an empty body");
            }
            return out;
        }
        JsonNode problem = LifecycleContractTest.json(body);
        if (error.errorResponse().isEmpty()) {
            out.add("errorResponse() is empty for " + problem);
            return out;
        }
        out.addAll(JsonMatch.differences(problem, CortiJson.mapper().valueToTree(error.errorResponse().get())));
        Problem read = error.problem().orElse(null);
        if (read == null) {
            out.add("problem() is empty for " + problem);
        } else {
            Problem answered = new Problem(problem.path("type").asText(null), null, problem.path("status").asInt(),
                    problem.path("detail").asText(null), null, problem.path("requestid").asText(null),
                    CortiJson.mapper().convertValue(validationErrors(problem),
                            new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, String>>>() { }));
            if (!read.equals(answered)) {
                out.add("problem() " + read + ", answered " + answered);
            }
        }
        if (!error.requestId().equals(Optional.of(problem.path("requestid").asText()))) {
            out.add("requestId() " + error.requestId());
        }
        if (error instanceof BadRequestException bad) {
            out.addAll(JsonMatch.differences(validationErrors(problem),
                    CortiJson.mapper().valueToTree(bad.validationErrors())));
        }
        return out;
    }

    /** A problem's validation errors; a body without them has none (the SDK reads them as an empty list). */
    private static JsonNode validationErrors(JsonNode problem) {
        JsonNode errors = problem.path("validationErrors");
        return errors.isMissingNode() || errors.isNull() ? CortiJson.mapper().createArrayNode() : errors;
    }

    private static byte[] bodyOf(HttpResponse answer) {
        return answer.getBodyAsRawBytes() == null ? new byte[0] : answer.getBodyAsRawBytes();
    }

    /** The SDK's exception for a status: the documented mapping, written out here independently of the SDK's. */
    static Class<? extends CortiApiException> exceptionOf(int status) {
        return switch (status) {
            case 400 -> BadRequestException.class;
            case 401 -> UnauthorizedException.class;
            case 403 -> ForbiddenException.class;
            case 404 -> NotFoundException.class;
            case 429 -> RateLimitException.class;
            case 504 -> GatewayTimeoutException.class;
            default -> status >= 500 ? ServerException.class : CortiApiException.class;
        };
    }

    private static Optional<Map.Entry<String, JsonNode>> declaredContent(SpecOperation op, int status) {
        return op.response(status).map(r -> r.path("content").fields()).filter(java.util.Iterator::hasNext)
                .map(java.util.Iterator::next);
    }

    private static Optional<String> declaredMediaType(SpecOperation op, int status) {
        return declaredContent(op, status).map(Map.Entry::getKey);
    }

    private static Optional<JsonNode> declaredSchema(SpecOperation op, int status) {
        return declaredContent(op, status).map(e -> e.getValue().path("schema")).filter(s -> !s.isMissingNode());
    }

    /**
     * Whether an operation answers a binary body (a download).
     *
     * @param op the operation
     * @return true if a declared 2xx is {@code application/octet-stream}
     */
    static boolean isDownload(SpecOperation op) {
        return op.responseKeys().stream().filter(k -> k.matches("2\\d\\d"))
                .anyMatch(k -> declaredMediaType(op, Integer.parseInt(k)).filter(BINARY::equals).isPresent());
    }

    /**
     * The first 2xx an operation declares, the answer its calls get unless a test chooses another.
     *
     * @param op the operation
     * @return the status
     */
    static int firstSuccess(SpecOperation op) {
        return op.responseKeys().stream().filter(k -> k.matches("2\\d\\d")).map(Integer::parseInt).findFirst()
                .orElseThrow(() -> new AssertionError(op + " declares no 2xx"));
    }
}
