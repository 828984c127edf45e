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
    private final String baseUrl;
    private final String basePath;

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
        this.baseUrl = options.baseUrl().toString();
        this.basePath = options.baseUrl().getRawPath() == null ? "" : options.baseUrl().getRawPath();
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
            String path = basePath + request.path();
            String what = request.method() + " " + path;
            Map<String, String> headers = baseHeaders;
            if (body != null || !callOptions.headers().isEmpty()) {
                headers = new LinkedHashMap<>(baseHeaders);
                headers.putAll(callOptions.headers());
                if (body != null) {
                    headers.put("Content-Type", "application/json");
                }
            }
            RetryOptions retry = callOptions.maxRetries().isPresent()
                    ? options.retry().withMaxRetries(callOptions.maxRetries().getAsInt()) : options.retry();
            Duration budget = callOptions.timeout().orElse(options.callTimeout());
            Exchange exchange = new Exchange(request.method(), uri(request), path, what, headers, body);
            Call<T> call = new Call<>(exchange, responseType, retry, budget, scheduler.now(TimeUnit.MILLISECONDS));

            return call.attempt(0)
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

    private String uri(ApiRequest request) {
        StringBuilder text = new StringBuilder(baseUrl.length() + request.path().length() + 16).append(baseUrl)
                .append(request.path());
        char separator = '?';
        for (Map.Entry<String, String> parameter : request.query()) {
            text.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return text.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> Mono<CortiResponse<T>> decode(HttpResponseData response, Class<T> type, Exchange exchange) {
        String what = exchange.what;
        if (!response.isSuccess()) {
            return Mono.error(errorDecoder.decode(response, exchange.method, exchange.path));
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

    /**
     * One call's attempts. Retries are a chain of {@code onErrorResume}, built only when an attempt fails:
     * {@code retryWhen} would allocate a companion flux and queue for every call, the successful ones included.
     */
    private final class Call<T> {
        private final Exchange exchange;
        private final Class<T> type;
        private final RetryOptions retry;
        private final Duration budget;
        private final long startMillis;

        Call(Exchange exchange, Class<T> type, RetryOptions retry, Duration budget, long startMillis) {
            this.exchange = exchange;
            this.type = type;
            this.retry = retry;
            this.budget = budget;
            this.startMillis = startMillis;
        }

        Mono<CortiResponse<T>> attempt(int retriesSoFar) {
            return exchange.authorised()
                    .flatMap(response -> decode(response, type, exchange))
                    .onErrorResume(failure -> retryOrFail(failure, retriesSoFar + 1));
        }

        private Mono<CortiResponse<T>> retryOrFail(Throwable failure, int retryNumber) {
            if (retryNumber > retry.maxRetries() || !retryPolicy.isRetryable(exchange.method, failure)) {
                return Mono.error(failure);
            }
            Optional<Duration> delay = retryPolicy.delay(retry, retryNumber, failure);
            long elapsed = scheduler.now(TimeUnit.MILLISECONDS) - startMillis;
            if (delay.isEmpty() || elapsed + delay.get().toMillis() >= budget.toMillis()) {
                return Mono.error(failure); // waiting would not fit the budget: fail now, not later
            }
            HttpLogger.retry(exchange.what, exchange.attempts.get() + 1, delay.get().toMillis(), failure);
            return Mono.delay(delay.get(), scheduler).then(Mono.defer(() -> attempt(retryNumber)));
        }
    }

    /** One call's exchanges with the server: its attempts, and the one re-send after a refused token. */
    private final class Exchange {
        private final String method;
        private final String uri;
        private final String path;
        private final String what;
        private final Map<String, String> headers;
        private final byte[] body;
        private final AtomicInteger attempts = new AtomicInteger();

        Exchange(String method, String uri, String path, String what, Map<String, String> headers, byte[] body) {
            this.method = method;
            this.uri = uri;
            this.path = path;
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
                return transport.send(method, uri, headers, "Bearer " + token.value(), body, options.responseTimeout(), what)
                        .doOnNext(r -> HttpLogger.response(what, attempt, r, elapsedMillis(started)))
                        .doOnError(e -> HttpLogger.failure(what, attempt, e, elapsedMillis(started)));
            });
        }

        private long elapsedMillis(long startedNanos) {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        }
    }
}
