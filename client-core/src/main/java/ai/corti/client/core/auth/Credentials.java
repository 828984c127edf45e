package ai.corti.client.core.auth;

import ai.corti.client.core.internal.validation.HeaderValidation;
import java.util.List;
import java.util.Objects;

/**
 * How a client authenticates: one of OAuth2 client credentials, a static bearer token, or your own
 * {@link TokenProvider}. {@code toString()} of each never shows a secret.
 */
public sealed interface Credentials {

    /**
     * OAuth2 client credentials, exchanged for tokens at the tenant's token URL.
     *
     * @param clientId     the client id
     * @param clientSecret the client secret: never logged
     * @param scopes       scopes requested besides {@code openid}
     */
    record ClientCredentials(String clientId, String clientSecret, List<String> scopes) implements Credentials {

        /**
         * Validates and copies the values.
         *
         * @param clientId the client id
         * @param clientSecret the client secret: never logged
         * @param scopes scopes requested besides {@code openid}
         */
        public ClientCredentials {
            requireText(clientId, "clientId");
            requireText(clientSecret, "clientSecret");
            scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
            for (String scope : scopes) {
                requireText(scope, "scope");
                if (scope.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("scope must not contain whitespace: '" + scope + "'");
                }
            }
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=***, scopes=" + scopes + "]";
        }
    }

    /**
     * A bearer token you obtained yourself; it is never refreshed.
     *
     * @param token the token: never logged
     */
    record BearerToken(String token) implements Credentials {

        /**
         * Validates the token.
         *
         * @param token the token: never logged
         */
        public BearerToken {
            requireText(token, "bearerToken");
            if (!HeaderValidation.isVisibleAscii(token)) {
                throw new IllegalArgumentException("bearerToken may contain only visible ASCII, space and tab");
            }
        }

        @Override
        public String toString() {
            return "BearerToken[***]";
        }
    }

    /**
     * Your own token source.
     *
     * @param provider the provider
     */
    record Custom(TokenProvider provider) implements Credentials {

        /**
         * Validates the provider.
         *
         * @param provider the provider
         */
        public Custom {
            Objects.requireNonNull(provider, "tokenProvider must not be null");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
