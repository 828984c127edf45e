package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaValidator;
import ai.corti.emulator.spec.SchemaViolation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An API call the {@link Authenticator} let through: the request, the tenant it acts for, and the values of its
 * path's parameters ({@code {id}}, {@code {recordingId}}, ...), still as sent.
 *
 * @param request        the request
 * @param tenant         the tenant, from {@code Tenant-Name}, matching the token's realm
 * @param pathParameters the path's parameters by name, URL-decoded
 */
record Call(IncomingRequest request, String tenant, Map<String, String> pathParameters) {

    /**
     * Returns a path parameter as sent.
     *
     * @param name the parameter's name in the spec's path, e.g. {@code key}
     * @return its value
     */
    String parameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the path has no parameter " + name);
        }
        return value;
    }

    /**
     * Returns a path parameter that must be a UUID (the spec declares each id so, or says "Must be a valid UUID").
     *
     * @param name the parameter, e.g. {@code recordingId}
     * @param noun what it identifies, for the message, e.g. {@code recording}
     * @return the UUID, lower case
     * @throws InvalidRequest naming the parameter when it is not a UUID
     */
    UUID uuid(String name, String noun) {
        return uuid(parameter(name), name, "The " + noun + " id must be a valid UUID");
    }

    /** The interaction the call is about: the {@code {id}} of an {@code /interactions/{id}/...} path. */
    UUID interactionId() {
        return uuid("id", "interaction");
    }

    /** The request's id, echoed in every answer. */
    String requestId() {
        return request.requestId();
    }

    /**
     * Parses a UUID given in a path or a body.
     *
     * @param text   the text
     * @param field  the field to name in the 400
     * @param detail the 400's detail
     * @return the UUID
     */
    static UUID uuid(String text, String field, String detail) {
        if (!SchemaValidator.isUuid(text)) {
            throw new InvalidRequest(detail, List.of(new SchemaViolation(field,
                    "must be a UUID, e.g. f47ac10b-58cc-4372-a567-0e02b2c3d479 (was '" + shown(text) + "')")));
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }

    /**
     * A value a client sent, as a message may quote it: at most 60 characters, control characters replaced.
     *
     * @param text the value
     * @return the text to show
     */
    static String shown(String text) {
        String cut = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
