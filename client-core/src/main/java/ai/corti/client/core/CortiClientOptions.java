package ai.corti.client.core;

import ai.corti.client.core.auth.Credentials;
import ai.corti.client.core.http.ConnectionPoolOptions;
import ai.corti.client.core.retry.RetryOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import reactor.core.scheduler.Scheduler;

/**
 * Everything a client is configured with, validated and immutable. Both facades' builders fill one
 * through {@link CortiClientBuilder}; it is not built directly.
 *
 * @param tenantName      sent as {@code Tenant-Name} on every API call
 * @param baseUrl         the API base URL, without trailing slash, e.g. {@code https://api.eu.corti.app/v2}
 * @param tokenUrl        the OAuth2 token URL, or {@code null} when not using client credentials
 * @param credentials     how calls authenticate
 * @param connectTimeout  the longest wait for a TCP connection
 * @param responseTimeout the longest wait for one attempt's response
 * @param callTimeout     the budget of a whole call: every attempt and every wait between them
 * @param retry           the retry settings
 * @param pool            the connection pool's bounds
 * @param defaultHeaders  extra headers sent on every API call
 * @param userAgent       the {@code User-Agent} sent on every call
 * @param clock           the wall clock (token expiry, {@code Retry-After} dates)
 * @param scheduler       the timer for backoff waits and the call budget; tests use a virtual-time one
 */
public record CortiClientOptions(
        String tenantName,
        URI baseUrl,
        URI tokenUrl,
        Credentials credentials,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration callTimeout,
        RetryOptions retry,
        ConnectionPoolOptions pool,
        Map<String, String> defaultHeaders,
        String userAgent,
        Clock clock,
        Scheduler scheduler) {

    /**
     * Copies the headers so the options stay immutable.
     *
     * @param tenantName sent as {@code Tenant-Name} on every API call
     * @param baseUrl the API base URL, without trailing slash, e.g. {@code https://api.eu.corti.app/v2}
     * @param tokenUrl the OAuth2 token URL, or {@code null} when not using client credentials
     * @param credentials how calls authenticate
     * @param connectTimeout the longest wait for a TCP connection
     * @param responseTimeout the longest wait for one attempt's response
     * @param callTimeout the budget of a whole call: every attempt and every wait between them
     * @param retry the retry settings
     * @param pool the connection pool's bounds
     * @param defaultHeaders extra headers sent on every API call
     * @param userAgent the {@code User-Agent} sent on every call
     * @param clock the wall clock (token expiry, {@code Retry-After} dates)
     * @param scheduler the timer for backoff waits and the call budget; tests use a virtual-time one
     */
    public CortiClientOptions {
        defaultHeaders = Map.copyOf(defaultHeaders);
    }

    /** Lists the settings; credentials show no secret. */
    @Override
    public String toString() {
        return "CortiClientOptions[tenantName=" + tenantName + ", baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl
                + ", credentials=" + credentials + ", connectTimeout=" + connectTimeout + ", responseTimeout="
                + responseTimeout + ", callTimeout=" + callTimeout + ", retry=" + retry + ", pool=" + pool
                + ", defaultHeaders=" + defaultHeaders.keySet() + ", userAgent=" + userAgent + "]";
    }
}
