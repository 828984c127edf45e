package ai.corti.client.core.internal.auth;

import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.auth.Credentials;
import ai.corti.client.core.auth.TokenProvider;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.internal.http.HttpTransport;
import ai.corti.client.core.internal.observation.CallObservation;
import ai.corti.client.core.internal.observation.CallObserver;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.scheduler.Scheduler;

/** Turns the configured {@link Credentials} into the provider that supplies tokens. Internal to the SDK. */
public final class TokenProviders {

    private TokenProviders() {
    }

    /**
     * Creates a redactor that knows the configured secrets in every encoding.
     *
     * @param credentials the client's credentials
     * @return the redactor
     */
    public static Redactor redactorFor(Credentials credentials) {
        Redactor redactor = new Redactor();
        if (credentials instanceof Credentials.ClientCredentials client) {
            redactor.addSecret(client.clientSecret()).addBasicCredentials(client.clientId(), client.clientSecret());
        } else if (credentials instanceof Credentials.BearerToken bearer) {
            redactor.addToken(bearer.token());
        }
        return redactor;
    }

    /**
     * Creates the token provider for a client.
     *
     * @param options   the client's options
     * @param transport the client's transport, shared with the token endpoint calls
     * @param mapper    the SDK's JSON mapper
     * @param redactor  learns every token fetched
     * @param timer     runs the fetch deadline
     * @param observer  is told about each fetch from the token endpoint
     * @return the provider
     */
    public static TokenProvider create(CortiClientOptions options, HttpTransport transport, ObjectMapper mapper,
                                       Redactor redactor, Scheduler timer, CallObserver observer) {
        Credentials credentials = options.credentials();
        if (credentials instanceof Credentials.BearerToken bearer) {
            return new StaticTokenProvider(bearer.token());
        }
        if (credentials instanceof Credentials.Custom custom) {
            return custom.provider();
        }
        Credentials.ClientCredentials client = (Credentials.ClientCredentials) credentials;
        OAuthTokenClient tokenClient = new OAuthTokenClient(transport, options.tokenUrl(), client, mapper,
                options.clock(), options.responseTimeout(), options.userAgent(), redactor,
                options.maxErrorResponseSize());
        Supplier<Mono<AccessToken>> fetch = observer.isActive() ? () -> observed(tokenClient.fetch(), observer)
                : tokenClient::fetch;
        return new RefreshingTokenProvider(fetch, options.clock(), RefreshingTokenProvider.DEFAULT_REFRESH_AHEAD,
                options.responseTimeout().plusSeconds(1), timer);
    }

    private static Mono<AccessToken> observed(Mono<AccessToken> fetch, CallObserver observer) {
        return Mono.defer(() -> {
            CallObservation observation = observer.tokenFetch();
            return fetch.doOnSuccess(token -> observation.answered(200))
                    .doOnError(error -> observation.failed(error, 0))
                    .doOnCancel(observation::cancelled);
        });
    }
}
