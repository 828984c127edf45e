package ai.corti.client.core.internal.pipeline;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.TokenProvider;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.internal.http.HttpResponseData;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

/**
 * The auth stage: puts a current token on each exchange, and when the API refuses it with 401, asks the
 * provider for another and sends once more. Whatever the provider does (throws, fails, completes empty), the call
 * gets a {@link CortiAuthenticationException} that never shows the token. Internal to the SDK.
 *
 * <p>A token at hand (a fixed one, or a cached one that is still fresh: what nearly every call finds) is used
 * directly, without the operators that await, check and translate a token still to come; those run only when the
 * provider has to fetch one.
 */
public final class Authorizer {

    private final TokenProvider tokens;
    private final Redactor redactor;
    /** The last token used and its header value, so a steady token is not concatenated anew for each call. */
    private volatile Bearer last;

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
     * Returns a current token.
     *
     * @return the token, lazily
     */
    public Mono<AccessToken> token() {
        return Mono.defer(() -> awaited(provided()));
    }

    /**
     * Sends an exchange with a token; on 401, once more with a fresh one if the provider has one and the request
     * can be sent again. The refused token is dropped either way, so the next call does not reuse it. Call it when
     * the exchange is subscribed (it asks the provider for a token at once).
     *
     * @param exchange   sends the request with the given {@code Authorization} value
     * @param onRefused  called before the second send, for the log
     * @param resendable whether the request can be sent again (false once a one-shot body was read)
     * @param bounded    applied to what waits on the provider (a token still to come, the resend after a 401), so
     *                   the caller can bound it; one exchange with a token at hand is left as it is
     * @return the answer, whatever its status
     */
    public Mono<HttpResponseData> authorised(Function<String, Mono<HttpResponseData>> exchange, Runnable onRefused,
                                             BooleanSupplier resendable,
                                             UnaryOperator<Mono<HttpResponseData>> bounded) {
        Mono<AccessToken> provided = provided();
        AccessToken ready = atHand(provided);
        if (ready != null) {
            return sendWith(ready, exchange, onRefused, resendable, bounded);
        }
        return bounded.apply(awaited(provided).flatMap(token -> sendWith(token, exchange, onRefused, resendable,
                UnaryOperator.identity())));
    }

    private Mono<HttpResponseData> sendWith(AccessToken token, Function<String, Mono<HttpResponseData>> exchange,
                                            Runnable onRefused, BooleanSupplier resendable,
                                            UnaryOperator<Mono<HttpResponseData>> bounded) {
        return exchange.apply(header(token)).flatMap(response -> {
            if (response.statusCode() == 401 && tokens.invalidate(token) && resendable.getAsBoolean()) {
                onRefused.run();
                return bounded.apply(token().flatMap(fresh -> exchange.apply(header(fresh))));
            }
            return Mono.just(response);
        });
    }

    private Mono<AccessToken> provided() {
        try {
            Mono<AccessToken> provided = tokens.getToken();
            return provided != null ? provided : Mono.empty();
        } catch (RuntimeException e) {
            return Mono.error(e);
        }
    }

    /** The provider's value when it is already there (a {@code Mono.just}), else {@code null}. */
    private AccessToken atHand(Mono<AccessToken> provided) {
        if (provided instanceof Fuseable.ScalarCallable<?> scalar) {
            try {
                if (scalar.call() instanceof AccessToken token) {
                    redactor.addToken(token.value());
                    return token;
                }
            } catch (Exception e) {
                return null; // the awaited path reports it
            }
        }
        return null;
    }

    private Mono<AccessToken> awaited(Mono<AccessToken> provided) {
        return provided
                .switchIfEmpty(Mono.error(() -> new CortiAuthenticationException(
                        "the token provider completed without a token", 0, null)))
                .doOnNext(token -> redactor.addToken(token.value()))
                .onErrorMap(e -> !(e instanceof CortiException),
                        e -> new CortiAuthenticationException("token provider failed: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + redactor.redact(e.getMessage())), 0, null));
    }

    private String header(AccessToken token) {
        Bearer bearer = last;
        if (bearer == null || bearer.token != token) {
            bearer = new Bearer(token, "Bearer " + token.value());
            last = bearer;
        }
        return bearer.header;
    }

    /** A token and its {@code Authorization} value; its text never shows either. */
    private record Bearer(AccessToken token, String header) {
        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }
}
