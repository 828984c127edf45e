package ai.corti.emulator.streams;

import java.util.Optional;
import java.util.UUID;

/**
 * How the real-time endpoints check a connection like the REST API checks a call: the token's tenant, and
 * whether the interaction exists for it. {@code CortiEmulator} implements it over its token issuer and store.
 */
public interface StreamAccess {

    /**
     * Judges a token.
     *
     * @param token the token, without {@code Bearer }
     * @return the tenant it was issued for, or empty when it is unknown or expired
     */
    Optional<String> tenantOf(String token);

    /**
     * Tells whether an interaction exists for a tenant.
     *
     * @param tenant        the tenant
     * @param interactionId the interaction
     * @return {@code true} when it does
     */
    boolean interactionExists(String tenant, UUID interactionId);
}
