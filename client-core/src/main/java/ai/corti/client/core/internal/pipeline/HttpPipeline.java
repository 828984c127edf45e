package ai.corti.client.core.internal.pipeline;

import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.TokenProvider;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.CortiClientClosedException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.internal.auth.TokenProviders;
import ai.corti.client.core.internal.error.ErrorDecoder;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.internal.http.BodyLimits;
import ai.corti.client.core.internal.http.ClientResources;
import ai.corti.client.core.internal.http.Deadline;
import ai.corti.client.core.internal.http.HttpResponseData;
import ai.corti.client.core.internal.http.HttpTransport;
import ai.corti.client.core.internal.http.HttpTransport.UnsuccessfulAnswer;
import ai.corti.client.core.internal.http.OutgoingRequest;
import ai.corti.client.core.internal.http.ReactorNettyTransport;
import ai.corti.client.core.internal.http.RequestBody;
import ai.corti.client.core.internal.http.WheelTimerScheduler;
import ai.corti.client.core.internal.observation.CallObservation;
import ai.corti.client.core.internal.observation.CallObserver;
import ai.corti.client.core.internal.retry.RetryPolicy;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.retry.RetryOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

/**
 * The one path every API call of both facades takes, made of small stages: {@link Authorizer} (token, and one
 * refresh-and-resend on 401), the transport ({@link HttpTransport}: bounded bodies, per-attempt deadline),
 * {@link ResponseDecoder} / {@link ErrorDecoder} (typed value or typed exception), and here the retries
 * ({@link RetryPolicy}) inside one time budget, and the client's lifecycle ({@link CallRegistry}: after
 * {@link #close()} nothing is sent, retried or refreshed).
 *
 * <p>Nothing happens until the returned publisher is subscribed, and each subscription is a fresh call.
 * Cancelling it aborts the exchange and frees its connection. Internal to the SDK.
 */
public final class HttpPipeline implements AutoCloseable {

    private final CortiClientOptions options;
    private final HttpTransport transport;
    private final ClientResources resources;
    private final Scheduler timer;
    private final WheelTimerScheduler ownTimer;
    private final TokenProvider tokens;
    private final Authorizer auth;
    private final RetryPolicy retryPolicy;
    private final ErrorDecoder errorDecoder;
    private final ResponseDecoder responseDecoder;
    private final Redactor redactor;
    private final ObjectMapper mapper;
    private final CallRegistry calls =
            new CallRegistry(() -> new CortiClientClosedException("the Corti client was closed"));
    private final Map<String, String> baseHeaders;
    private final String baseUrl;
    private final String basePath;
    private final BodyLimits limits;
    private final CallObserver observer;

    /**
     * Creates the pipeline with its own event loops, pool and timer.
     *
     * @param options the client's validated options
     */
    public HttpPipeline(CortiClientOptions options) {
        this(options, CallObserver.NONE);
    }

    /**
     * Creates the pipeline with its own event loops, pool and timer, reporting to an observer.
     *
     * @param options  the client's validated options
     * @param observer what is told about calls, token fetches and the pool
     */
    public HttpPipeline(CortiClientOptions options, CallObserver observer) {
        this(options, null, () -> ThreadLocalRandom.current().nextDouble(), observer);
    }

    /**
     * Creates the pipeline over a given transport (tests use a fake one, without a network), with a given source
     * of jitter.
     *
     * @param options   the client's validated options
     * @param transport the transport, or {@code null} for the client's own Reactor Netty transport
     * @param random    numbers in [0, 1) for retry jitter
     */
    public HttpPipeline(CortiClientOptions options, HttpTransport transport, DoubleSupplier random) {
        this(options, transport, random, CallObserver.NONE);
    }

    /**
     * Creates the pipeline over a given transport, with a given source of jitter, reporting to an observer.
     *
     * @param options   the client's validated options
     * @param transport the transport, or {@code null} for the client's own Reactor Netty transport
     * @param random    numbers in [0, 1) for retry jitter
     * @param observer  what is told about calls, token fetches and the pool
     */
    public HttpPipeline(CortiClientOptions options, HttpTransport transport, DoubleSupplier random,
                        CallObserver observer) {
        this.options = options;
        this.observer = Objects.requireNonNull(observer, "observer");
        this.mapper = CortiJson.mapper();
        this.resources = transport == null ? new ClientResources(options.pool()) : null;
        // Timers hand their work to the client's own event loops, so no thread outlives the client. Exchanges run
        // in real time, so their deadlines always run on this real timer; budgets and backoffs run on the
        // configured scheduler when there is one (a virtual-time one in tests).
        Executor handoff = resources != null ? resources.loops().onClient(LoopResources.DEFAULT_NATIVE)
                : task -> Schedulers.parallel().schedule(task);
        this.ownTimer = new WheelTimerScheduler((resources != null ? resources.name() : "corti") + "-timer", handoff);
        this.timer = options.scheduler() != null ? options.scheduler() : ownTimer;
        this.transport = transport != null ? transport
                : new ReactorNettyTransport(resources, options.connectTimeout(), ownTimer);
        this.redactor = TokenProviders.redactorFor(options.credentials());
        this.tokens = TokenProviders.create(options, this.transport, mapper, redactor, ownTimer, observer);
        if (resources != null) {
            observer.bindPool(resources.name(), resources::activeConnections, resources::openConnections);
        }
        this.auth = new Authorizer(tokens, redactor);
        this.retryPolicy = new RetryPolicy(random, options.clock());
        this.errorDecoder = new ErrorDecoder(mapper, options.clock(), redactor);
        this.responseDecoder = new ResponseDecoder(mapper, redactor);
        this.limits = new BodyLimits(options.maxResponseSize(), options.maxErrorResponseSize());
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
     * Performs an API call and reads its answer into memory.
     *
     * @param request     what to call
     * @param reader      what the successful answer is read as
     * @param callOptions per-call overrides
     * @param <T>         the value's type
     * @return the decoded response, lazily
     */
    public <T> Mono<CortiResponse<T>> execute(ApiRequest request, ResponseReader<T> reader, RequestOptions callOptions) {
        return calls.track(() -> new Call(request, callOptions).run(reader));
    }

    /**
     * Performs an API call and reads its answer as a model, the common case.
     *
     * @param request      what to call
     * @param responseType the answer's model
     * @param callOptions  per-call overrides
     * @param <T>          the model
     * @return the decoded response, lazily
     */
    public <T> Mono<CortiResponse<T>> execute(ApiRequest request, Class<T> responseType, RequestOptions callOptions) {
        return execute(request, ResponseReader.json(responseType), callOptions);
    }

    /**
     * Performs an API call whose answer is streamed (a recording): chunks arrive as downstream asks for them, and
     * a failure before the first chunk is retried like any safe call; after it, never.
     *
     * @param request     what to call
     * @param callOptions per-call overrides
     * @return the body's chunks, each a fresh buffer the caller owns
     */
    public Flux<ByteBuffer> download(ApiRequest request, RequestOptions callOptions) {
        return calls.trackMany(() -> new Call(request, callOptions).download());
    }

    /**
     * Returns a currently valid token, for the stream helpers. Never log it.
     *
     * @return the token, lazily
     */
    public Mono<AccessToken> currentToken() {
        return calls.track(auth::token);
    }

    /**
     * Returns the redactor that knows this client's credentials, for helpers that build messages.
     *
     * @return the redactor
     */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * Returns the scheduler deadlines and waits run on.
     *
     * @return the timer
     */
    public Scheduler timer() {
        return timer;
    }

    /**
     * Returns how many connections are checked out of the pool now.
     *
     * @return connections in use, 0 for an injected transport
     */
    public int activeConnections() {
        return transport instanceof ReactorNettyTransport netty ? netty.activeConnections() : 0;
    }

    /**
     * Returns the client's own event loops, for other connections of the same client (real-time sessions) to run
     * on, so that closing the client stops their threads too.
     *
     * @return the loops, empty for an injected transport
     */
    public Optional<LoopResources> eventLoops() {
        return resources != null ? Optional.of(resources.loops()) : Optional.empty();
    }

    /**
     * Returns the client's name, which prefixes its threads ({@code corti-3-http-...}, {@code corti-3-timer}).
     *
     * @return the name, e.g. {@code corti-3}
     */
    public String name() {
        return resources != null ? resources.name() : "corti";
    }

    /**
     * Returns the options this pipeline runs with.
     *
     * @return the options
     */
    public CortiClientOptions options() {
        return options;
    }

    /**
     * Tells whether the pipeline was closed.
     *
     * @return {@code true} after {@link #close()}
     */
    public boolean isClosed() {
        return calls.isClosed();
    }

    /**
     * Ends every call in flight with {@link CortiClientClosedException} (nothing more is sent, retried or
     * refreshed), refuses new calls, and stops the client's threads without waiting for them.
     */
    @Override
    public void close() {
        closeLater().subscribe();
    }

    /**
     * Closes like {@link #close()} and tells when the client's threads have stopped.
     *
     * @return completes once the connections are closed and the event loops and timer stopped
     */
    public Mono<Void> closeLater() {
        calls.close();
        observer.unbindPool();
        if (tokens instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing a token cache cannot fail in a way that matters once the client is gone
            }
        }
        // The timer stops first: a deadline firing now would hand its task to event loops that are shutting down.
        ownTimer.dispose();
        return transport instanceof ReactorNettyTransport netty ? netty.closeLater()
                : Mono.fromRunnable(transport::close);
    }

    /**
     * Closes like {@link #close()} and waits for the client's threads to stop, up to a limit; on a thread that must
     * not block (a Reactor event loop) it does not wait.
     *
     * @param limit the longest wait
     */
    public void closeAndWait(Duration limit) {
        Mono<Void> closing = closeLater();
        if (Schedulers.isInNonBlockingThread()) {
            closing.subscribe();
            return;
        }
        try {
            closing.block(limit);
        } catch (RuntimeException e) {
            // a slow shutdown of an event loop is not the caller's problem: the threads are daemons and stop soon
        }
    }

    private byte[] json(Object body) {
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

    /**
     * One call: its attempts, each authorised (with one resend after a refused token), retried by the policy
     * inside the call's budget. Retries are a chain of {@code onErrorResume}, built only when an attempt fails:
     * {@code retryWhen} would allocate a companion flux and queue for every call, the successful ones included.
     *
     * <p>The budget's timer is armed only where it can matter. A first attempt with its token at hand is bounded by
     * its own deadline ({@code responseTimeout}); when that is shorter than the budget, as by default, the budget
     * cannot run out during it and no second timer is armed for it. The budget is armed, for what is left of it,
     * around whatever may take longer: a token the provider has to fetch, the resend after a 401, and the
     * retries with their waits. When the budget is not longer than one attempt's deadline, it bounds the whole call
     * from the start.
     */
    private final class Call {
        private final ApiRequest request;
        private final String method;
        private final String uri;
        private final String path;
        private final String what;
        private final Map<String, String> headers;
        private final RequestBody body;
        private final RetryOptions retry;
        private final Duration budget;
        /** Whether the budget bounds the whole call from its start: when one attempt alone could outlast it. */
        private final boolean budgetFromStart;
        private final long startMillis;
        private final AtomicInteger attempts = new AtomicInteger();
        /** Set once a streamed body was read: it cannot be sent again. */
        private final AtomicBoolean bodyConsumed = new AtomicBoolean();
        /** Set when an attempt failed in a way that leaves open whether the server acted on it. */
        private volatile boolean outcomeUnknown;
        /** What the observer is told; set when the call is subscribed. */
        private volatile CallObservation observation = CallObservation.NONE;

        Call(ApiRequest request, RequestOptions callOptions) {
            this.request = request;
            this.method = request.method();
            this.path = basePath + request.path();
            this.what = method + " " + path;
            this.uri = uri(request);
            this.body = body(request.body());
            Map<String, String> merged = baseHeaders;
            if (!request.headers().isEmpty() || !callOptions.headers().isEmpty()) {
                merged = new LinkedHashMap<>(baseHeaders);
                merged.putAll(request.headers());
                merged.putAll(callOptions.headers());
            }
            this.headers = merged;
            this.retry = callOptions.maxRetries().isPresent()
                    ? options.retry().withMaxRetries(callOptions.maxRetries().getAsInt()) : options.retry();
            // A transfer of a large body may rightly take longer than any sensible call budget: it is bounded by
            // its stall timeout instead, unless the caller set a budget for this call.
            boolean transfer = !(body instanceof RequestBody.Empty || body instanceof RequestBody.Bytes);
            this.budget = callOptions.timeout().orElse(transfer ? null : options.callTimeout());
            this.budgetFromStart = budget != null && budget.compareTo(options.responseTimeout()) <= 0;
            this.startMillis = timer.now(TimeUnit.MILLISECONDS);
        }

        private RequestBody body(Object value) {
            if (value == null) {
                return RequestBody.NONE;
            }
            if (value instanceof RequestBody.Streamed streamed && !streamed.replayable()) {
                return new RequestBody.Streamed(Flux.defer(() -> {
                    bodyConsumed.set(true);
                    return streamed.content();
                }), streamed.length(), streamed.contentType(), false);
            }
            if (value instanceof RequestBody given) {
                return given;
            }
            return new RequestBody.Bytes(json(value), "application/json");
        }

        /** Called as the call is subscribed: the first attempt asks for its token at once. */
        <T> Mono<CortiResponse<T>> run(ResponseReader<T> reader) {
            if (!observer.isActive()) {
                return attempts(reader);
            }
            return Mono.deferContextual(context -> {
                CallObservation observed = observe(context); // first: the attempts send its trace headers
                return attempts(reader).doOnSuccess(response -> observed.answered(response.statusCode()))
                        .doOnError(error -> observed.failed(error, statusOf(error)))
                        .doOnCancel(observed::cancelled);
            });
        }

        private <T> Mono<CortiResponse<T>> attempts(ResponseReader<T> reader) {
            Mono<CortiResponse<T>> call = attempt(reader, 0);
            return budgetFromStart ? Deadline.of(call, budget, timer, this::budgetExceeded) : call;
        }

        private CallObservation observe(reactor.util.context.ContextView context) {
            CallObservation observed = observer.call(request.operation(), method, context);
            observation = observed;
            return observed;
        }

        private int statusOf(Throwable error) {
            return error instanceof CortiApiException api ? api.statusCode() : 0;
        }

        private CortiTimeoutException budgetExceeded() {
            return new CortiTimeoutException(what + ": no result within the call budget of " + budget
                    + " (" + attempts.get() + " attempts)", budget, true, null);
        }

        /**
         * What is left of the budget bounds a part of the call that may outlast an attempt's deadline. Parts of the
         * first attempt and the retries after it are each bounded once; the later attempts run inside the retries'
         * bound.
         */
        private <X> Mono<X> withinBudget(Mono<X> part) {
            if (budget == null || budgetFromStart) {
                return part; // no budget, or it already bounds the whole call
            }
            return Deadline.of(part, remainingBudget(), timer, this::budgetExceeded);
        }

        private Duration remainingBudget() {
            long left = budget.toMillis() - (timer.now(TimeUnit.MILLISECONDS) - startMillis);
            return Duration.ofMillis(Math.max(0, left));
        }

        private <T> Mono<CortiResponse<T>> attempt(ResponseReader<T> reader, int retriesSoFar) {
            boolean first = retriesSoFar == 0;
            return auth.authorised(this::send, this::tokenRefused, () -> !bodyConsumed.get(),
                            first ? this::withinBudget : UnaryOperator.identity())
                    .map(response -> decode(response, reader))
                    .onErrorResume(failure -> {
                        int next = retriesSoFar + 1;
                        Duration wait = waitBeforeRetry(failure, next);
                        if (wait == null) {
                            return Mono.error(unretried(failure));
                        }
                        Mono<CortiResponse<T>> retries = Mono.delay(wait, timer).flatMap(tick -> attempt(reader, next));
                        return first ? withinBudget(retries) : retries;
                    });
        }

        private <T> CortiResponse<T> decode(HttpResponseData response, ResponseReader<T> reader) {
            if (response.isSuccess()) {
                return responseDecoder.decode(response, reader, what);
            }
            if (response.statusCode() == 404 && method.equals("DELETE") && outcomeUnknown
                    && reader instanceof ResponseReader.NoBody) {
                // An earlier attempt may have deleted it before its answer was lost: gone is what was asked for.
                HttpLogger.deleteAlreadyDone(what);
                return new CortiResponse<>(response.statusCode(), response.headers(), null);
            }
            throw errorDecoder.decode(response, method, path);
        }

        private void tokenRefused() {
            HttpLogger.tokenRefused(what);
            observation.tokenRefused();
        }

        Flux<ByteBuffer> download() {
            AtomicBoolean started = new AtomicBoolean();
            Flux<ByteBuffer> download = downloadAttempt(0, started);
            if (!observer.isActive()) {
                return download;
            }
            return Flux.deferContextual(context -> {
                CallObservation observed = observe(context);
                return download.doOnComplete(() -> observed.answered(200))
                        .doOnError(error -> observed.failed(error, statusOf(error)))
                        .doOnCancel(observed::cancelled);
            });
        }

        private Flux<ByteBuffer> downloadAttempt(int retriesSoFar, AtomicBoolean started) {
            Flux<ByteBuffer> attempt = auth.token().flatMapMany(token -> transportDownload("Bearer " + token.value())
                    .onErrorResume(UnsuccessfulAnswer.class, refused -> {
                        if (refused.answer().statusCode() == 401 && !started.get() && tokens.invalidate(token)) {
                            tokenRefused();
                            return auth.token().flatMapMany(fresh -> transportDownload("Bearer " + fresh.value()));
                        }
                        return Flux.error(refused);
                    }))
                    .onErrorMap(UnsuccessfulAnswer.class, refused -> errorDecoder.decode(refused.answer(), method, path))
                    .doOnNext(chunk -> started.set(true));
            return attempt.onErrorResume(failure -> {
                int next = retriesSoFar + 1;
                Duration wait = started.get() ? null : waitBeforeRetry(failure, next);
                return wait == null ? Flux.error(started.get() ? failure : unretried(failure))
                        : Mono.delay(wait, timer).flatMapMany(tick -> downloadAttempt(next, started));
            });
        }

        private Flux<ByteBuffer> transportDownload(String authorization) {
            int attempt = attempts.incrementAndGet();
            long started = System.nanoTime();
            return transport.download(outgoing(authorization))
                    .doOnError(e -> HttpLogger.failure(what, attempt, e, elapsedMillis(started)));
        }

        /** Called as the attempt is subscribed (the authorizer calls it once it has the token). */
        private Mono<HttpResponseData> send(String authorization) {
            int attempt = attempts.incrementAndGet();
            Mono<HttpResponseData> exchange = transport.exchange(outgoing(authorization));
            if (!HttpLogger.isEnabled()) {
                return exchange; // no log operators on the path of every call when nothing would be logged
            }
            long started = System.nanoTime();
            return exchange.doOnNext(r -> HttpLogger.response(what, attempt, r, elapsedMillis(started)))
                    .doOnError(e -> HttpLogger.failure(what, attempt, e, elapsedMillis(started)));
        }

        private OutgoingRequest outgoing(String authorization) {
            Map<String, String> sent = headers;
            Map<String, String> trace = observation.propagationHeaders();
            if (!trace.isEmpty()) {
                sent = new LinkedHashMap<>(headers);
                sent.putAll(trace);
            }
            return new OutgoingRequest(method, uri, sent, authorization, body, options.responseTimeout(), limits,
                    what);
        }

        /**
         * Returns how long to wait before the given retry, or {@code null} when the failure must not be retried (the
         * call then ends with it). After {@link #close()}, nothing is retried.
         */
        private Duration waitBeforeRetry(Throwable failure, int retryNumber) {
            if (calls.isClosed()) {
                return null;
            }
            if (mayHaveReachedServer(failure)) {
                outcomeUnknown = true;
            }
            if (retryNumber > retry.maxRetries() || !retryPolicy.isRetryable(request.idempotent(), failure)
                    || bodyConsumed.get()) {
                return null;
            }
            Optional<Duration> delay = retryPolicy.delay(retry, retryNumber, failure);
            long elapsed = timer.now(TimeUnit.MILLISECONDS) - startMillis;
            if (delay.isEmpty() || (budget != null && elapsed + delay.get().toMillis() >= budget.toMillis())) {
                return null; // waiting would not fit the budget: fail now, not later
            }
            HttpLogger.retry(what, attempts.get() + 1, delay.get().toMillis(), failure);
            observation.retrying();
            return delay.get();
        }

        /** What a call ends with when a failure is not retried: the failure, or the close that stopped the retry. */
        private Throwable unretried(Throwable failure) {
            return calls.isClosed() ? new CortiClientClosedException(what + ": the Corti client was closed") : failure;
        }

        private boolean mayHaveReachedServer(Throwable failure) {
            return failure instanceof CortiTimeoutException
                    || (failure instanceof CortiTransportException transportFailure
                    && !transportFailure.requestNeverSent());
        }

        private long elapsedMillis(long startedNanos) {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        }
    }
}
