package ai.corti.emulator;

import ai.corti.emulator.spec.SchemaViolation;
import java.util.List;
import java.util.Locale;

/**
 * Guards every API call: a valid bearer token from this emulator's token endpoint, and a
 * {@code Tenant-Name} that is the tenant the token was issued for. Data is partitioned by that tenant, so a
 * token for tenant A can never reach tenant B's interactions.
 */
final class Authenticator {

    /**
     * The outcome: either the tenant the call acts for, or the answer that refuses it.
     *
     * @param tenant  the tenant, when allowed
     * @param refusal the refusal, when not
     */
    record Outcome(String tenant, Reply refusal) {
    }

    private final TokenIssuer issuer;

    Authenticator(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    Outcome authenticate(IncomingRequest request) {
        String authorization = request.header("Authorization").orElse("").trim();
        if (authorization.isEmpty()) {
            return refuse(ProblemResponses.unauthorized(null, null));
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return refuse(ProblemResponses.unauthorized("invalid_request", "Use the Bearer authentication scheme"));
        }
        TokenIssuer.Verdict verdict = issuer.check(authorization.substring(7).trim());
        switch (verdict.status()) {
            case UNKNOWN -> {
                return refuse(ProblemResponses.unauthorized("invalid_token", "The access token is not valid"));
            }
            case EXPIRED -> {
                return refuse(ProblemResponses.unauthorized("invalid_token", "The access token expired"));
            }
            default -> {
                // valid: the tenant decides the rest
            }
        }
        String tenant = request.header("Tenant-Name").orElse("").trim();
        if (tenant.isEmpty()) {
            return refuse(ProblemResponses.badRequest(request.requestId(), new InvalidRequest(
                    "The Tenant-Name header is required",
                    List.of(new SchemaViolation("Tenant-Name", "is required")))));
        }
        if (!tenant.equals(verdict.tenant())) {
            return refuse(ProblemResponses.forbidden(request.requestId(), "The access token was issued for another "
                    + "tenant than Tenant-Name '" + tenant + "'; get a token from that tenant's realm"));
        }
        return new Outcome(tenant, null);
    }

    private static Outcome refuse(Reply reply) {
        return new Outcome(null, reply);
    }
}
