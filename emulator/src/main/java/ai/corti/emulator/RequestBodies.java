package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaCanonicaliser;
import ai.corti.emulator.spec.SchemaValidator;
import ai.corti.emulator.spec.SchemaViolation;
import ai.corti.emulator.spec.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Reads a JSON request body the way every operation does: parsed strictly, an object, valid against the schema the
 * spec declares for the operation's body (a 400 naming every bad field otherwise), and reduced to the properties the
 * schema declares, so nothing a client made up is stored or echoed.
 */
final class RequestBodies {

    private final SpecSchemas spec;
    private final SchemaValidator validator;
    private final SchemaCanonicaliser canonicaliser;

    RequestBodies(SpecSchemas spec) {
        this.spec = spec;
        this.validator = spec.validator(SchemaValidator.Mode.REQUEST);
        this.canonicaliser = new SchemaCanonicaliser(spec);
    }

    /**
     * Reads and validates an operation's body.
     *
     * @param request     the request
     * @param operationId the operation, whose request schema applies
     * @return the canonical body (explicit {@code null}s dropped)
     * @throws InvalidRequest when it is not JSON, not an object, or not valid
     */
    ObjectNode read(IncomingRequest request, String operationId) {
        JsonNode schema = spec.requestSchema(operationId)
                .orElseThrow(() -> new IllegalStateException(operationId + " takes no JSON body"));
        JsonNode body = EmulatorJson.parseBody(request.body());
        if (!body.isObject()) {
            throw new InvalidRequest("The request body must be a JSON object",
                    List.of(new SchemaViolation("body", "must be an object")));
        }
        List<SchemaViolation> violations = validator.validate(body, schema, "");
        if (!violations.isEmpty()) {
            throw new InvalidRequest("The request body does not match " + name(schema), violations);
        }
        return (ObjectNode) canonicaliser.canonical(body, schema, false);
    }

    /** The schema's component name, for messages. */
    private static String name(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? "the operation's schema" : ref.substring(ref.lastIndexOf('/') + 1);
    }
}
