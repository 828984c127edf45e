package ai.corti.client.core.internal.auth;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.TokenProvider;
import reactor.core.publisher.Mono;

/** Always supplies the same token, for callers that manage tokens themselves. */
public final class StaticTokenProvider implements TokenProvider {

    private final Mono<AccessToken> token;

    /**
     * Creates the provider.
     *
     * @param token the bearer token
     */
    public StaticTokenProvider(String token) {
        this.token = Mono.just(AccessToken.nonExpiring(token));
    }

    @Override
    public Mono<AccessToken> getToken() {
        return token;
    }

    @Override
    public String toString() {
        return "StaticTokenProvider[token=***]";
    }
}
