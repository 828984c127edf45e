package ai.corti.client.core.http;

import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.TokenProvider;
import ai.corti.client.core.auth.TokenProviders;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiDecodingException;
import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.ErrorDecoder;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.retry.RetryOptions;
import ai.corti.client.core.retry.RetryPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * The one code path every API call of both facades goes through: token, headers, send, decode or
 * map the error, refresh-and-retry once on 401, retry by {@link RetryPolicy}, all inside one time budget.
 *
 * <p>Nothing happens until the returned {@code Mono} is subscribed, and each subscription is a fresh
 * call. Cancelling it aborts the exchange and frees its connection. Internal to the SDK.
 */
public final class HttpPipeline implements AutoCloseable {

    private final CortiClientOptions options;
    private final ReactorNettyTransport transport;
    private final TokenProvider tokens;
    private final RetryPolicy retryPolicy;
    private final ErrorDecoder errorDecoder;
    private final ObjectMapper mapper;
    private final Scheduler scheduler;
    private final Map<String, String> baseHeaders;

    /**
     * Creates the pipeline and its transport.
     *
     * @param options the client's validated options
     */
    public HttpPipeline(CortiClientOptions options) {
        this.options = options;
        this.mapper = CortiJson.mapper();
        this.transport = new ReactorNettyTransport(options.pool(), options.connectTimeout());
        this.tokens = TokenProviders.create(options, transport, mapper);
        this.retryPolicy = new RetryPolicy(() -> ThreadLocalRandom.current().nextDouble(), options.clock());
        this.errorDecoder = new ErrorDecoder(mapper, options.clock());
        this.scheduler = options.scheduler();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Tenant-Name", options.tenantName());
        headers.put("Accept", "application/json");
        headers.put("User-Agent", options.userAgent());
        headers.putAll(options.defaultHeaders());
        this.baseHeaders = Map.copyOf(headers);
    }

    /**
     * Performs an API call.
     *
     * @param request      what to call
     * @param responseType the body's model type
     * @param callOptions  per-call overrides
     * @param <T>          the body's type
     * @return the decoded response, lazily
     */
    public <T> Mono<CortiResponse<T>> execute(ApiRequest request, Class<T> responseType, RequestOptions callOptions) {
        return Mono.defer(() -> {
            byte[] body = serialize(request.body());
            URI uri = uri(request);
            String what = request.method() + " " + uri.getRawPath();
            Map<String, String> headers = new LinkedHashMap<>(baseHeaders);
            headers.putAll(callOptions.headers());
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            RetryOptions retry = callOptions.maxRetries().isPresent()
                    ? options.retry().withMaxRetries(callOptions.maxRetries().getAsInt()) : options.retry();
            Duration budget = callOptions.timeout().orElse(options.callTimeout());
            Exchange exchange = new Exchange(request.method(), uri, what, headers, body);
            long start = scheduler.now(TimeUnit.MILLISECONDS);

            return Mono.defer(exchange::authorised)
                    .flatMap(response -> decode(response, responseType, what))
                    .retryWhen(Retry.from(signals -> signals.concatMap(signal -> {
                        Throwable failure = signal.failure();
                        long retryNumber = signal.totalRetries() + 1;
                        if (retryNumber > retry.maxRetries() || !retryPolicy.isRetryable(request.method(), failure)) {
                            return Mono.error(failure);
                        }
                        Optional<Duration> delay = retryPolicy.delay(retry, retryNumber, failure);
                        long elapsed = scheduler.now(TimeUnit.MILLISECONDS) - start;
                        if (delay.isEmpty() || elapsed + delay.get().toMillis() >= budget.toMillis()) {
                            return Mono.error(failure); // waiting would not fit the budget: fail now, not later
                        }
                        HttpLogger.retry(what, exchange.attempts.get() + 1, delay.get().toMillis(), failure);
                        return Mono.delay(delay.get(), scheduler);
                    })))
                    .timeout(Mono.delay(budget, scheduler),
                            Mono.defer(() -> Mono.error(new CortiTimeoutException(what + ": no result within the call "
                                    + "budget of " + budget + " (" + exchange.attempts.get() + " attempts)", budget, true,
                                    null))));
        });
    }

    /**
     * Returns a currently valid token, for the stream URL helper. Never log it.
     *
     * @return the token, lazily
     */
    public Mono<AccessToken> currentToken() {
        return tokens.getToken().onErrorMap(e -> !(e instanceof CortiException),
                e -> new CortiAuthenticationException("token provider failed: " + e.getClass().getSimpleName(), 0, e));
    }

    /**
     * Returns how many connections are checked out of the pool now.
     *
     * @return connections in use
     */
    public int activeConnections() {
        return transport.activeConnections();
    }

    /**
     * Returns the options this pipeline runs with.
     *
     * @return the options
     */
    public CortiClientOptions options() {
        return options;
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        transport.close();
    }

    private byte[] serialize(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body of type " + body.getClass().getSimpleName()
                    + " cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private URI uri(ApiRequest request) {
        StringBuilder text = new StringBuilder(options.baseUrl().toString()).append(request.path());
        char separator = '?';
        for (Map.Entry<String, String> parameter : request.query()) {
            text.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(text.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> Mono<CortiResponse<T>> decode(HttpResponseData response, Class<T> type, String what) {
        if (!response.isSuccess()) {
            int queryStart = what.indexOf(' ');
            return Mono.error(errorDecoder.decode(response, what.substring(0, queryStart), what.substring(queryStart + 1)));
        }
        if (response.body().length == 0) {
            return Mono.error(new CortiDecodingException(what + " -> HTTP " + response.statusCode()
                    + ": empty body, expected " + type.getSimpleName(), response.statusCode(), "", null));
        }
        try {
            T value = mapper.readValue(response.body(), type);
            return Mono.just(new CortiResponse<>(response.statusCode(), response.headers(), value));
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            return Mono.error(new CortiDecodingException(what + " -> HTTP " + response.statusCode()
                    + ": body is not a valid " + type.getSimpleName() + " (" + reason + "): " + response.excerpt(),
                    response.statusCode(), response.excerpt(), e));
        }
    }

    /** One call's exchanges with the server: its attempts, and the one re-send after a refused token. */
    private final class Exchange {
        private final String method;
        private final URI uri;
        private final String what;
        private final Map<String, String> headers;
        private final byte[] body;
        private final AtomicInteger attempts = new AtomicInteger();

        Exchange(String method, URI uri, String what, Map<String, String> headers, byte[] body) {
            this.method = method;
            this.uri = uri;
            this.what = what;
            this.headers = headers;
            this.body = body;
        }

        Mono<HttpResponseData> authorised() {
            return currentToken().flatMap(token -> send(token).flatMap(response -> {
                if (response.statusCode() == 401 && tokens.invalidate(token)) {
                    HttpLogger.tokenRefused(what);
                    return currentToken().flatMap(this::send);
                }
                return Mono.just(response);
            }));
        }

        private Mono<HttpResponseData> send(AccessToken token) {
            return Mono.defer(() -> {
                int attempt = attempts.incrementAndGet();
                long started = System.nanoTime();
                Map<String, String> withAuth = new LinkedHashMap<>(headers);
                withAuth.put("Authorization", "Bearer " + token.value());
                return transport.send(method, uri, withAuth, body, options.responseTimeout(), what)
                        .doOnNext(r -> HttpLogger.response(what, attempt, r, elapsedMillis(started)))
                        .doOnError(e -> HttpLogger.failure(what, attempt, e, elapsedMillis(started)));
            });
        }

        private long elapsedMillis(long startedNanos) {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        }
    }
}
