package ai.corti.emulator;

import ai.corti.emulator.streams.StreamAccess;
import java.util.Optional;
import java.util.UUID;

/** Lets the real-time endpoints check tokens and interactions exactly as the REST API does. */
final class EmulatorStreamAccess implements StreamAccess {

    private final TokenIssuer issuer;
    private final InteractionStore store;

    EmulatorStreamAccess(TokenIssuer issuer, InteractionStore store) {
        this.issuer = issuer;
        this.store = store;
    }

    @Override
    public Optional<String> tenantOf(String token) {
        TokenIssuer.Verdict verdict = issuer.check(token);
        return verdict.status() == TokenIssuer.Status.VALID ? Optional.of(verdict.tenant()) : Optional.empty();
    }

    @Override
    public boolean interactionExists(String tenant, UUID interactionId) {
        return store.get(tenant, interactionId).isPresent();
    }
}
