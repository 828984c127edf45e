package ai.corti.client.core.auth;

import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.http.ReactorNettyTransport;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns the configured {@link Credentials} into the provider that supplies tokens. Internal to the SDK. */
public final class TokenProviders {

    private TokenProviders() {
    }

    /**
     * Creates the token provider for a client.
     *
     * @param options   the client's options
     * @param transport the client's transport, shared with the token endpoint calls
     * @param mapper    the SDK's JSON mapper
     * @return the provider
     */
    public static TokenProvider create(CortiClientOptions options, ReactorNettyTransport transport, ObjectMapper mapper) {
        Credentials credentials = options.credentials();
        if (credentials instanceof Credentials.BearerToken bearer) {
            return new StaticTokenProvider(bearer.token());
        }
        if (credentials instanceof Credentials.Custom custom) {
            return custom.provider();
        }
        Credentials.ClientCredentials client = (Credentials.ClientCredentials) credentials;
        OAuthTokenClient tokenClient = new OAuthTokenClient(transport, options.tokenUrl(), client, mapper,
                options.clock(), options.responseTimeout(), options.userAgent());
        return new RefreshingTokenProvider(tokenClient::fetch, options.clock(), RefreshingTokenProvider.DEFAULT_REFRESH_AHEAD);
    }
}
