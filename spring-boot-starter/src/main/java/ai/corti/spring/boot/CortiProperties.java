package ai.corti.spring.boot;

import ai.corti.client.core.CortiEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code corti.*} properties: every setting of {@code CortiClientBuilder}, bound by Spring Boot and applied to
 * the auto-configured {@code CortiClient} and {@code CortiReactiveClient}. The defaults are the builder's.
 *
 * <pre>
 * corti.tenant-name=base
 * corti.environment=eu
 * corti.client-id=${CORTI_CLIENT_ID}
 * corti.client-secret=${CORTI_CLIENT_SECRET}
 * </pre>
 *
 * <p>They are checked when a client is created ({@link CortiClientConfigurer}): a mistake stops the application at
 * startup with a message naming the property, never showing a secret.
 */
@ConfigurationProperties(prefix = CortiProperties.PREFIX)
public class CortiProperties {

    /** The prefix of every property: {@value}. */
    public static final String PREFIX = "corti";

    /**
     * The tenant, sent as Tenant-Name on every API call and used in the token URL. Required: letters, digits, '-',
     * '_' and '.'.
     */
    private String tenantName;

    /** The Corti region, which sets the API and token URLs: 'eu' or 'us'. Set it or base-url, not both. */
    private CortiEnvironment environment;

    /**
     * A custom API base URL instead of an environment (a proxy, the emulator). Must be https, except for
     * localhost, 127.0.0.1 and [::1].
     */
    private String baseUrl;

    /** A custom OAuth2 token URL, needed with base-url and client credentials. */
    private String tokenUrl;

    /** The OAuth2 client id, for client credentials (with client-secret). */
    private String clientId;

    /** The OAuth2 client secret, for client credentials (with client-id). Never logged. */
    private String clientSecret;

    /** Extra OAuth2 scopes to ask for besides 'openid', with client credentials. */
    private List<String> scopes = new ArrayList<>();

    /**
     * A bearer token obtained elsewhere, instead of client credentials; it is never refreshed. Never logged.
     */
    private String bearerToken;

    /** The longest wait for a TCP connection. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** The longest one attempt may take, from its start to the last byte of the answer. */
    private Duration responseTimeout = Duration.ofSeconds(30);

    /** The budget of a whole call, every attempt and wait included. */
    private Duration callTimeout = Duration.ofSeconds(90);

    /** The most bytes of a successful JSON answer read into memory. */
    private DataSize maxResponseSize = DataSize.ofMegabytes(16);

    /** The most bytes of an error answer (non-2xx) or a token endpoint answer read into memory. */
    private DataSize maxErrorResponseSize = DataSize.ofMegabytes(1);

    /** Headers sent on every API call, by name; not the ones the SDK owns (Authorization, Tenant-Name, ...). */
    private Map<String, String> defaultHeaders = new LinkedHashMap<>();

    /** A product token appended to the User-Agent, e.g. 'my-app/1.2'. */
    private String userAgentSuffix;

    /** How failed calls are retried. */
    private final Retry retry = new Retry();

    /** The bounds of each client's connection pool. */
    private final Pool pool = new Pool();

    /** Creates the properties with the builder's defaults. */
    public CortiProperties() {
    }

    /**
     * Returns the tenant.
     *
     * @return the tenant, or null when unset
     */
    public String getTenantName() {
        return tenantName;
    }

    /**
     * Sets the tenant.
     *
     * @param tenantName the tenant, e.g. {@code base}
     */
    public void setTenantName(String tenantName) {
        this.tenantName = tenantName;
    }

    /**
     * Returns the region.
     *
     * @return the region, or null when unset
     */
    public CortiEnvironment getEnvironment() {
        return environment;
    }

    /**
     * Sets the region.
     *
     * @param environment {@code eu} or {@code us}
     */
    public void setEnvironment(CortiEnvironment environment) {
        this.environment = environment;
    }

    /**
     * Returns the custom API base URL.
     *
     * @return the URL, or null when unset
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets a custom API base URL.
     *
     * @param baseUrl the URL
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Returns the custom token URL.
     *
     * @return the URL, or null when unset
     */
    public String getTokenUrl() {
        return tokenUrl;
    }

    /**
     * Sets a custom token URL.
     *
     * @param tokenUrl the URL
     */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /**
     * Returns the OAuth2 client id.
     *
     * @return the client id, or null when unset
     */
    public String getClientId() {
        return clientId;
    }

    /**
     * Sets the OAuth2 client id.
     *
     * @param clientId the client id
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /**
     * Returns the OAuth2 client secret.
     *
     * @return the secret, or null when unset
     */
    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * Sets the OAuth2 client secret.
     *
     * @param clientSecret the secret
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    /**
     * Returns the extra scopes.
     *
     * @return the scopes, empty when none
     */
    public List<String> getScopes() {
        return scopes;
    }

    /**
     * Sets the extra scopes.
     *
     * @param scopes the scopes
     */
    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    /**
     * Returns the static bearer token.
     *
     * @return the token, or null when unset
     */
    public String getBearerToken() {
        return bearerToken;
    }

    /**
     * Sets a static bearer token.
     *
     * @param bearerToken the token
     */
    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    /**
     * Returns the connect timeout.
     *
     * @return the timeout
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout a positive duration
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * Returns the response timeout.
     *
     * @return the timeout
     */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Sets the response timeout.
     *
     * @param responseTimeout a positive duration
     */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /**
     * Returns the call timeout.
     *
     * @return the timeout
     */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /**
     * Sets the call timeout.
     *
     * @param callTimeout a positive duration
     */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /**
     * Returns the largest successful answer read into memory.
     *
     * @return the size
     */
    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * Sets the largest successful answer read into memory.
     *
     * @param maxResponseSize a positive size
     */
    public void setMaxResponseSize(DataSize maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    /**
     * Returns the largest error answer read into memory.
     *
     * @return the size
     */
    public DataSize getMaxErrorResponseSize() {
        return maxErrorResponseSize;
    }

    /**
     * Sets the largest error answer read into memory.
     *
     * @param maxErrorResponseSize a positive size
     */
    public void setMaxErrorResponseSize(DataSize maxErrorResponseSize) {
        this.maxErrorResponseSize = maxErrorResponseSize;
    }

    /**
     * Returns the default headers.
     *
     * @return the headers by name
     */
    public Map<String, String> getDefaultHeaders() {
        return defaultHeaders;
    }

    /**
     * Sets the default headers.
     *
     * @param defaultHeaders the headers by name
     */
    public void setDefaultHeaders(Map<String, String> defaultHeaders) {
        this.defaultHeaders = defaultHeaders;
    }

    /**
     * Returns the User-Agent suffix.
     *
     * @return the suffix, or null when unset
     */
    public String getUserAgentSuffix() {
        return userAgentSuffix;
    }

    /**
     * Sets the User-Agent suffix.
     *
     * @param userAgentSuffix a product token, e.g. {@code my-app/1.2}
     */
    public void setUserAgentSuffix(String userAgentSuffix) {
        this.userAgentSuffix = userAgentSuffix;
    }

    /**
     * Returns the retry settings.
     *
     * @return the retry settings
     */
    public Retry getRetry() {
        return retry;
    }

    /**
     * Returns the pool settings.
     *
     * @return the pool settings
     */
    public Pool getPool() {
        return pool;
    }

    /** The {@code corti.retry.*} properties: the fields of {@code RetryOptions}. */
    public static class Retry {

        /** Retries after the first attempt; 0 disables retries. */
        private int maxRetries = 2;

        /** The wait before the first retry; it doubles on each retry. */
        private Duration initialBackoff = Duration.ofSeconds(1);

        /** The longest computed wait between attempts. */
        private Duration maxBackoff = Duration.ofSeconds(30);

        /** The random spread applied to each wait, from 0 (none) to 1. */
        private double jitter = 0.1;

        /** The longest Retry-After honoured; a longer one ends the call instead. */
        private Duration maxRetryAfter = Duration.ofSeconds(60);

        /** Creates the settings with the SDK's defaults. */
        public Retry() {
        }

        /**
         * Returns the retry count.
         *
         * @return retries after the first attempt
         */
        public int getMaxRetries() {
            return maxRetries;
        }

        /**
         * Sets the retry count.
         *
         * @param maxRetries retries after the first attempt
         */
        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        /**
         * Returns the first wait.
         *
         * @return the wait
         */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /**
         * Sets the first wait.
         *
         * @param initialBackoff a positive duration
         */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /**
         * Returns the longest computed wait.
         *
         * @return the wait
         */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets the longest computed wait.
         *
         * @param maxBackoff a positive duration
         */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /**
         * Returns the jitter.
         *
         * @return from 0 to 1
         */
        public double getJitter() {
            return jitter;
        }

        /**
         * Sets the jitter.
         *
         * @param jitter from 0 to 1
         */
        public void setJitter(double jitter) {
            this.jitter = jitter;
        }

        /**
         * Returns the longest Retry-After honoured.
         *
         * @return the duration
         */
        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        /**
         * Sets the longest Retry-After honoured.
         *
         * @param maxRetryAfter a positive duration
         */
        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }
    }

    /** The {@code corti.pool.*} properties: the fields of {@code ConnectionPoolOptions}. */
    public static class Pool {

        /** The most connections open at once. */
        private int maxConnections = 50;

        /** The most calls waiting for a connection; more fail at once. */
        private int pendingAcquireMaxCount = 1000;

        /** How long a call waits for a connection before failing. */
        private Duration pendingAcquireTimeout = Duration.ofSeconds(10);

        /** An idle connection older than this is closed. */
        private Duration maxIdleTime = Duration.ofSeconds(30);

        /** How often idle connections are swept in the background. */
        private Duration evictionInterval = Duration.ofSeconds(15);

        /** Creates the settings with the SDK's defaults. */
        public Pool() {
        }

        /**
         * Returns the connection limit.
         *
         * @return the most connections open at once
         */
        public int getMaxConnections() {
            return maxConnections;
        }

        /**
         * Sets the connection limit.
         *
         * @param maxConnections at least 1
         */
        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }

        /**
         * Returns the most waiting calls.
         *
         * @return the count
         */
        public int getPendingAcquireMaxCount() {
            return pendingAcquireMaxCount;
        }

        /**
         * Sets the most waiting calls.
         *
         * @param pendingAcquireMaxCount at least 1
         */
        public void setPendingAcquireMaxCount(int pendingAcquireMaxCount) {
            this.pendingAcquireMaxCount = pendingAcquireMaxCount;
        }

        /**
         * Returns the acquire timeout.
         *
         * @return the timeout
         */
        public Duration getPendingAcquireTimeout() {
            return pendingAcquireTimeout;
        }

        /**
         * Sets the acquire timeout.
         *
         * @param pendingAcquireTimeout a positive duration
         */
        public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
            this.pendingAcquireTimeout = pendingAcquireTimeout;
        }

        /**
         * Returns the idle time limit.
         *
         * @return the duration
         */
        public Duration getMaxIdleTime() {
            return maxIdleTime;
        }

        /**
         * Sets the idle time limit.
         *
         * @param maxIdleTime a positive duration
         */
        public void setMaxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        /**
         * Returns the sweep interval.
         *
         * @return the interval
         */
        public Duration getEvictionInterval() {
            return evictionInterval;
        }

        /**
         * Sets the sweep interval.
         *
         * @param evictionInterval a positive duration
         */
        public void setEvictionInterval(Duration evictionInterval) {
            this.evictionInterval = evictionInterval;
        }
    }
}
