package ai.corti.client.core.auth;

import reactor.core.publisher.Mono;

/**
 * Supplies the bearer token sent on every API call. Implement it to plug in your own token source;
 * the SDK ships a static token and OAuth2 client credentials.
 *
 * <pre>{@code
 * TokenProvider fromVault = () -> vault.fetchToken().map(t -> new AccessToken(t.value(), t.expiry()));
 * }</pre>
 *
 * <p>{@link #getToken()} is called once per attempt and must not block: it runs on Reactor threads.
 */
@FunctionalInterface
public interface TokenProvider {

    /**
     * Returns a token valid now; cache it if fetching is expensive.
     *
     * @return a {@code Mono} of the token, lazy until subscribed
     */
    Mono<AccessToken> getToken();

    /**
     * Tells the provider that the API refused a token with 401, so the next {@link #getToken()} must not
     * return it again.
     *
     * @param rejected the token the API refused
     * @return {@code true} when a different token can now be obtained, which makes the SDK retry the
     *         call once; {@code false} (the default) when retrying would send the same token again
     */
    default boolean invalidate(AccessToken rejected) {
        return false;
    }
}
