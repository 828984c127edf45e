package ai.corti.client.core.internal.pipeline;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.TokenProvider;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.internal.http.HttpResponseData;
import ai.corti.client.core.internal.validation.HeaderValidation;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The auth stage: puts a current token on each exchange, and when the API refuses it with 401, asks the
 * provider for another and sends once more. Whatever the provider does (throws, fails, completes empty, hands
 * out a value that cannot be a header), the call gets a {@link CortiAuthenticationException} that never shows
 * the token. Internal to the SDK.
 */
public final class Authorizer {

    private final TokenProvider tokens;
    private final Redactor redactor;

    /**
     * Creates the stage.
     *
     * @param tokens   supplies tokens
     * @param redactor learns every token handed out, so no message can show it
     */
    public Authorizer(TokenProvider tokens, Redactor redactor) {
        this.tokens = tokens;
        this.redactor = redactor;
    }

    /**
     * Returns a current token, checked to be usable as a header value.
     *
     * @return the token, lazily
     */
    public Mono<AccessToken> token() {
        return Mono.defer(tokens::getToken)
                .switchIfEmpty(Mono.error(() -> new CortiAuthenticationException(
                        "the token provider completed without a token", 0, null)))
                .map(this::checked)
                .onErrorMap(e -> !(e instanceof CortiException),
                        e -> new CortiAuthenticationException("token provider failed: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + redactor.redact(e.getMessage())), 0, null));
    }

    private AccessToken checked(AccessToken token) {
        redactor.addToken(token.value());
        if (!HeaderValidation.isVisibleAscii(token.value())) {
            throw new CortiAuthenticationException("the access token has characters an HTTP header cannot carry "
                    + "(only visible ASCII is allowed); it was not sent", 0, null);
        }
        return token;
    }

    /**
     * Sends an exchange with a token; on 401, once more with a fresh one if the provider has one and the request
     * can be sent again. The refused token is dropped either way, so the next call does not reuse it.
     *
     * @param exchange  sends the request with the given {@code Authorization} value
     * @param onRefused called before the second send, for the log
     * @param resendable whether the request can be sent again (false once a one-shot body was read)
     * @return the answer, whatever its status
     */
    public Mono<HttpResponseData> authorised(Function<String, Mono<HttpResponseData>> exchange, Runnable onRefused,
                                             BooleanSupplier resendable) {
        return token().flatMap(token -> exchange.apply("Bearer " + token.value()).flatMap(response -> {
            if (response.statusCode() == 401 && tokens.invalidate(token) && resendable.getAsBoolean()) {
                onRefused.run();
                return token().flatMap(fresh -> exchange.apply("Bearer " + fresh.value()));
            }
            return Mono.just(response);
        }));
    }
}
