package ai.corti.client.core.testing;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Spec-valid JSON bodies for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** An InteractionsGetResponse with every required field. */
    public static String interaction(UUID id) {
        return """
                {"id":"%s","assignedUserId":"3c90c3cc-0d44-4b50-8888-8dd25736052a",
                 "encounter":{"identifier":"enc-%s","status":"planned","type":"first_consultation",
                              "period":{"startedAt":"2023-11-07T05:31:56Z"},"title":"Visit"},
                 "patient":{"identifier":"patient-1"},
                 "createdAt":"2023-11-07T05:31:56Z","updatedAt":"2023-11-07T05:31:56Z",
                 "lastUpdated":"2023-11-07T05:31:56Z",
                 "websocketUrl":"wss://api.eu.corti.app/v2/interactions/%s/streams"}
                """.formatted(id, id, id);
    }

    /** An InteractionsListResponse holding these interactions. */
    public static String page(List<UUID> ids) {
        return "{\"interactions\":[" + ids.stream().map(Fixtures::interaction).collect(Collectors.joining(",")) + "]}";
    }

    /** A page of {@code count} fresh interactions. */
    public static String page(int count) {
        return page(java.util.stream.Stream.generate(UUID::randomUUID).limit(count).toList());
    }

    /** An InteractionsCreateResponse. */
    public static String created(UUID id) {
        return "{\"interactionId\":\"" + id + "\",\"websocketUrl\":\"wss://api.eu.corti.app/v2/interactions/" + id
                + "/streams\"}";
    }

    /** An RFC 9457 ErrorResponse. */
    public static String problem(int status, String detail) {
        return "{\"requestid\":\"req-" + status + "\",\"status\":" + status + ",\"type\":\"https://docs.corti.ai/errors/"
                + status + "\",\"detail\":\"" + detail + "\"}";
    }

    /** A 400 ErrorResponse with validation errors. */
    public static String validationProblem() {
        return "{\"requestid\":\"req-400\",\"status\":400,\"type\":\"validation\",\"detail\":\"invalid request\","
                + "\"validationErrors\":[{\"encounter.identifier\":\"is required\"}]}";
    }

    /** A token endpoint answer. */
    public static String token(String value, long expiresIn) {
        return "{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}";
    }
}
