package ai.corti.client.core;

import ai.corti.client.core.auth.Credentials;
import ai.corti.client.core.auth.TokenProvider;
import ai.corti.client.core.http.ConnectionPoolOptions;
import ai.corti.client.core.internal.SdkVersion;
import ai.corti.client.core.internal.observation.CallObserver;
import ai.corti.client.core.internal.observation.MicrometerObserver;
import ai.corti.client.core.internal.observation.PoolGauges;
import ai.corti.client.core.internal.validation.HeaderValidation;
import ai.corti.client.core.internal.validation.TenantNames;
import ai.corti.client.core.internal.validation.UrlValidation;
import ai.corti.client.core.retry.RetryOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;

/**
 * The builder methods both facades share. {@code CortiClient.builder()} and
 * {@code CortiReactiveClient.builder()} extend it, so the two are configured identically:
 *
 * <pre>{@code
 * builder.tenantName("base")
 *        .environment(CortiEnvironment.EU)          // or .baseUrl(..) and .tokenUrl(..)
 *        .clientCredentials(clientId, clientSecret) // or .bearerToken(..) or .tokenProvider(..)
 *        .build();
 * }</pre>
 *
 * <p>Everything is validated when the client is built, with a message naming the setting; nothing is
 * sent before.
 *
 * @param <B> the concrete builder, returned by every method for chaining
 */
public abstract class CortiClientBuilder<B extends CortiClientBuilder<B>> {

    private String tenantName;
    private CortiEnvironment environment;
    private String baseUrl;
    private String tokenUrl;
    private Credentials credentials;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(90);
    private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;
    private long maxErrorResponseSize = DEFAULT_MAX_ERROR_RESPONSE_SIZE;
    private RetryOptions retry = RetryOptions.DEFAULT;
    private ConnectionPoolOptions pool = ConnectionPoolOptions.DEFAULT;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private String userAgentSuffix;
    private Clock clock = Clock.systemUTC();
    private Scheduler scheduler;
    // Typed fields and parameters name Micrometer's classes without loading them: the JVM loads a class when code
    // using it runs, and these are only touched when the application calls the setters, so without Micrometer on
    // the classpath nothing here fails and nothing is loaded.
    private ObservationRegistry observationRegistry;
    private MeterRegistry meterRegistry;

    /** The default {@link #maxResponseSize(long)}: 16 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 16L * 1024 * 1024;

    /** The default {@link #maxErrorResponseSize(long)}: 1 MiB. */
    public static final long DEFAULT_MAX_ERROR_RESPONSE_SIZE = 1024L * 1024;

    /** For subclasses. */
    protected CortiClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Sets the tenant, sent as {@code Tenant-Name} on every API call and used in the token URL. Required: letters,
     * digits, {@code -}, {@code _} and {@code .} (a Keycloak realm name).
     *
     * @param tenantName e.g. {@code base}
     * @return this builder
     */
    public B tenantName(String tenantName) {
        this.tenantName = tenantName;
        return self();
    }

    /**
     * Selects a Corti region, which sets the API and token URLs.
     *
     * @param environment {@link CortiEnvironment#EU} or {@link CortiEnvironment#US}
     * @return this builder
     */
    public B environment(CortiEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return self();
    }

    /**
     * Sets a custom API base URL instead of an environment (a proxy, the emulator). Must be {@code https},
     * except for {@code localhost}, {@code 127.0.0.1} and {@code [::1]}.
     *
     * @param baseUrl e.g. {@code https://api.eu.corti.app/v2}
     * @return this builder
     */
    public B baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return self();
    }

    /**
     * Sets a custom OAuth2 token URL, needed with {@link #baseUrl(String)} and client credentials.
     *
     * @param tokenUrl e.g. {@code https://auth.eu.corti.app/realms/base/protocol/openid-connect/token}
     * @return this builder
     */
    public B tokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
        return self();
    }

    /**
     * Authenticates with OAuth2 client credentials; tokens are cached and refreshed ahead of expiry.
     *
     * @param clientId     the client id
     * @param clientSecret the client secret (never logged)
     * @return this builder
     */
    public B clientCredentials(String clientId, String clientSecret) {
        return clientCredentials(clientId, clientSecret, List.of());
    }

    /**
     * Authenticates with OAuth2 client credentials, asking for extra scopes besides {@code openid}.
     *
     * @param clientId     the client id
     * @param clientSecret the client secret (never logged)
     * @param scopes       extra scopes
     * @return this builder
     */
    public B clientCredentials(String clientId, String clientSecret, List<String> scopes) {
        this.credentials = new Credentials.ClientCredentials(clientId, clientSecret, scopes);
        return self();
    }

    /**
     * Authenticates with a bearer token you obtained yourself; it is never refreshed.
     *
     * @param token the token (never logged)
     * @return this builder
     */
    public B bearerToken(String token) {
        this.credentials = new Credentials.BearerToken(token);
        return self();
    }

    /**
     * Authenticates with your own token source.
     *
     * @param provider supplies tokens; must not block
     * @return this builder
     */
    public B tokenProvider(TokenProvider provider) {
        this.credentials = new Credentials.Custom(provider);
        return self();
    }

    /**
     * Sets the longest wait for a TCP connection. Default 10 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return self();
    }

    /**
     * Sets the longest one attempt may take, from its start (acquiring a connection, connecting, sending) to the
     * last byte of the answer. It bounds the whole answer, not each read: a server that trickles its body cannot
     * stretch it. The token endpoint's exchange gets the same limit. For a recording download it bounds the wait
     * for the first bytes and then each pause between bytes; for an upload, the wait after the last byte sent.
     * Default 30 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B responseTimeout(Duration timeout) {
        this.responseTimeout = timeout;
        return self();
    }

    /**
     * Sets the budget of a whole call, every attempt and wait included. Default 90 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B callTimeout(Duration timeout) {
        this.callTimeout = timeout;
        return self();
    }

    /**
     * Sets the most bytes of a successful answer the SDK reads into memory (JSON answers; streamed recordings are
     * not read into memory and have no such limit). Counted on the decompressed bytes as they arrive; past it the
     * call fails with {@code CortiResponseTooLargeException} and the connection is closed. Default 16 MiB.
     *
     * @param bytes a positive number of bytes
     * @return this builder
     */
    public B maxResponseSize(long bytes) {
        this.maxResponseSize = bytes;
        return self();
    }

    /**
     * Sets the most bytes of an error answer (non-2xx) or a token endpoint answer the SDK reads into memory.
     * Default 1 MiB.
     *
     * @param bytes a positive number of bytes
     * @return this builder
     */
    public B maxErrorResponseSize(long bytes) {
        this.maxErrorResponseSize = bytes;
        return self();
    }

    /**
     * Sets the retry settings. Default {@link RetryOptions#DEFAULT}.
     *
     * @param retry the settings
     * @return this builder
     */
    public B retryOptions(RetryOptions retry) {
        this.retry = Objects.requireNonNull(retry, "retryOptions");
        return self();
    }

    /**
     * Sets how many times a retryable failure is retried. Default 2.
     *
     * @param maxRetries retries after the first attempt, 0 to disable
     * @return this builder
     */
    public B maxRetries(int maxRetries) {
        this.retry = retry.withMaxRetries(maxRetries);
        return self();
    }

    /**
     * Sets the connection pool's bounds. Default {@link ConnectionPoolOptions#DEFAULT}.
     *
     * @param pool the bounds
     * @return this builder
     */
    public B connectionPool(ConnectionPoolOptions pool) {
        this.pool = Objects.requireNonNull(pool, "connectionPool");
        return self();
    }

    /**
     * Adds a header sent on every API call.
     *
     * @param name  the header name; not one the SDK owns ({@code Authorization}, {@code Tenant-Name}, ...)
     * @param value the value; no CR or LF
     * @return this builder
     */
    public B defaultHeader(String name, String value) {
        this.defaultHeaders.put(name, value);
        return self();
    }

    /**
     * Appends a product token to the {@code User-Agent}, e.g. {@code my-app/1.2}.
     *
     * @param suffix the product token
     * @return this builder
     */
    public B userAgentSuffix(String suffix) {
        this.userAgentSuffix = suffix;
        return self();
    }

    /**
     * Replaces the wall clock (token expiry, {@code Retry-After} dates). For tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * Replaces the timer used for backoff waits and call budgets. For tests in virtual time.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public B scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return self();
    }

    /**
     * Reports every API call and token fetch as a Micrometer {@code Observation}: with Micrometer's meter handler a
     * timer {@code corti.client.requests} per operation (tags {@code corti.operation}, {@code method}, {@code status},
     * {@code outcome}, {@code exception}, {@code corti.retried}), counters {@code corti.client.requests.retries} and
     * {@code corti.client.requests.token.refusals}, and a timer {@code corti.client.token.fetches}; with a tracing
     * handler a client span per call, named {@code corti <operationId>}, whose context goes to the server as
     * {@code traceparent} (W3C) on every attempt. The current observation of the caller (the Reactor context's, else
     * the thread's) is the parent. Tags never carry ids, query values or anything from a body. Needs
     * {@code io.micrometer:micrometer-observation} on the classpath (an optional dependency of the SDK).
     *
     * @param registry the registry, e.g. Spring Boot's {@code ObservationRegistry} bean
     * @return this builder
     */
    public B observationRegistry(ObservationRegistry registry) {
        this.observationRegistry = Objects.requireNonNull(registry, "observationRegistry");
        return self();
    }

    /**
     * Publishes the client's connection pool as gauges {@code corti.client.connections.active} and
     * {@code corti.client.connections.open} (tag {@code client}: the client's name, e.g. {@code corti-3}), removed
     * when the client closes. Needs {@code io.micrometer:micrometer-core} on the classpath (an optional dependency
     * of the SDK).
     *
     * @param registry the registry, e.g. Spring Boot's {@code MeterRegistry} bean
     * @return this builder
     */
    public B meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
        return self();
    }

    /**
     * Returns what the client reports its calls and its pool to, from {@link #observationRegistry} and
     * {@link #meterRegistry}; nothing when neither was set.
     *
     * @return the observer
     */
    protected CallObserver observer() {
        CallObserver calls = observationRegistry == null ? CallObserver.NONE : MicrometerObserver.of(observationRegistry);
        return meterRegistry == null ? calls : PoolGauges.with(calls, meterRegistry);
    }

    /**
     * Validates the settings and freezes them.
     *
     * @return the options
     * @throws IllegalArgumentException naming the first invalid setting
     */
    protected CortiClientOptions buildOptions() {
        TenantNames.require(tenantName);
        if (credentials == null) {
            throw new IllegalArgumentException(
                    "credentials missing: call clientCredentials(..), bearerToken(..) or tokenProvider(..)");
        }
        if (environment != null && baseUrl != null) {
            throw new IllegalArgumentException("set either environment(..) or baseUrl(..), not both");
        }
        URI api;
        if (baseUrl != null) {
            api = UrlValidation.require("baseUrl", baseUrl);
        } else if (environment != null) {
            api = environment.baseUrl();
        } else {
            throw new IllegalArgumentException("environment missing: call environment(CortiEnvironment.EU) or baseUrl(..)");
        }
        URI token = null;
        if (tokenUrl != null) {
            token = UrlValidation.require("tokenUrl", tokenUrl);
        } else if (credentials instanceof Credentials.ClientCredentials) {
            if (environment == null) {
                throw new IllegalArgumentException("tokenUrl missing: clientCredentials(..) with baseUrl(..) needs tokenUrl(..)");
            }
            token = environment.tokenUrl(tenantName);
        }
        positive(connectTimeout, "connectTimeout");
        positive(responseTimeout, "responseTimeout");
        positive(callTimeout, "callTimeout");
        if (maxResponseSize < 1 || maxErrorResponseSize < 1) {
            throw new IllegalArgumentException("maxResponseSize and maxErrorResponseSize must be positive, were "
                    + maxResponseSize + " and " + maxErrorResponseSize);
        }
        for (Map.Entry<String, String> header : defaultHeaders.entrySet()) {
            HeaderValidation.requireCallerHeader("defaultHeader", header.getKey(), header.getValue());
        }
        String userAgent = SdkVersion.USER_AGENT;
        if (userAgentSuffix != null) {
            HeaderValidation.requireValue("userAgentSuffix", userAgentSuffix);
            userAgent += " " + userAgentSuffix;
        }
        return new CortiClientOptions(tenantName, api, token, credentials, connectTimeout, responseTimeout, callTimeout,
                maxResponseSize, maxErrorResponseSize, retry, pool, defaultHeaders, userAgent, clock, scheduler);
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
