package ai.corti.emulator;

import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The emulator's routes, read from the spec: each served operation's method, path and kind of request body come
 * from the document, so a path the spec moves moves with it. Matching a request gives the operation and its path
 * parameters, a 405 (the path exists with other methods) or nothing.
 */
final class OperationTable {

    /** What an operation's request body is, by the media type the spec declares for it. */
    enum BodyKind {
        /** No request body. */
        NONE,
        /** {@code application/json}, read whole (bounded) and validated. */
        JSON,
        /** Anything else ({@code application/octet-stream}): streamed, never read whole. */
        BINARY
    }

    /**
     * One route.
     *
     * @param operation the operation
     * @param method    its HTTP method, upper case
     * @param path      its path
     * @param body      its request body's kind
     */
    record Entry(Operation operation, String method, PathTemplate path, BodyKind body) {
    }

    /** The outcome of matching a request. */
    sealed interface Match permits Found, NotAllowed, NotFound {
    }

    /**
     * The request is an operation.
     *
     * @param entry      the route
     * @param parameters the path parameters
     */
    record Found(Entry entry, Map<String, String> parameters) implements Match {
    }

    /**
     * The path exists, with other methods.
     *
     * @param allow the methods it has, for {@code Allow}
     */
    record NotAllowed(String allow) implements Match {
    }

    /** No operation has this path. */
    record NotFound() implements Match {
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Builds the table.
     *
     * @param spec       the document the operations are read from
     * @param prefix     the API prefix, e.g. {@code /v2}
     * @param operations the operations served
     * @throws IllegalArgumentException when the document lacks one of them
     */
    OperationTable(SpecSchemas spec, String prefix, List<Operation> operations) {
        Map<String, Operation> byId = new LinkedHashMap<>();
        for (Operation operation : operations) {
            if (byId.put(operation.operationId(), operation) != null) {
                throw new IllegalStateException("operation served twice: " + operation.operationId());
            }
            List<String> location = spec.location(operation.operationId());
            entries.add(new Entry(operation, location.get(1), PathTemplate.of(prefix, location.get(0)),
                    bodyKind(spec.operation(operation.operationId()))));
        }
    }

    /**
     * Finds the operation a request asks for.
     *
     * @param method  the HTTP method, upper case
     * @param rawPath the path as sent (not URL-decoded), without the query
     * @return what it is
     */
    Match match(String method, String rawPath) {
        Found best = null;
        TreeSet<String> methods = new TreeSet<>();
        for (Entry entry : entries) {
            Optional<Map<String, String>> parameters = entry.path().match(rawPath);
            if (parameters.isEmpty()) {
                continue;
            }
            if (!entry.method().equals(method)) {
                methods.add(entry.method());
            } else if (best == null || entry.path().literals() > best.entry().path().literals()) {
                best = new Found(entry, parameters.get());
            }
        }
        if (best != null) {
            return best;
        }
        return methods.isEmpty() ? new NotFound() : new NotAllowed(String.join(", ", methods));
    }

    /** Every route, in the order the operations were given. */
    List<Entry> entries() {
        return List.copyOf(entries);
    }

    private static BodyKind bodyKind(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return BodyKind.NONE;
        }
        return content.has("application/json") ? BodyKind.JSON : BodyKind.BINARY;
    }
}
