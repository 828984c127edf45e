package ai.corti.spring.boot;

import ai.corti.client.core.CortiClientBuilder;
import ai.corti.client.core.http.ConnectionPoolOptions;
import ai.corti.client.core.retry.RetryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Applies {@link CortiProperties} to a client builder, checking them first. Used by the auto-configuration for both
 * clients; use it yourself to build a second client from the same properties:
 *
 * <pre>{@code
 * CortiClient other = configurer.configure(CortiClient.builder()).tenantName("other").build();
 * }</pre>
 *
 * <p>Blank strings count as unset, so a profile can clear a property ({@code corti.bearer-token=}).
 */
public final class CortiClientConfigurer {

    /** Builder setting names, as the SDK's messages use them, and the property each comes from. */
    private static final Map<String, String> PROPERTY_OF_SETTING = propertyOfSetting();

    private final CortiProperties properties;

    /**
     * Creates a configurer.
     *
     * @param properties the bound properties
     */
    public CortiClientConfigurer(CortiProperties properties) {
        this.properties = properties;
    }

    /**
     * Checks the properties and applies every one that is set to the builder.
     *
     * @param builder the builder of either facade
     * @param <B>     the builder's type
     * @return the same builder
     * @throws InvalidCortiPropertiesException naming each property at fault
     */
    public <B extends CortiClientBuilder<B>> B configure(B builder) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidCortiPropertiesException(problems);
        }
        // The builder checks what only it knows (tenant characters, URLs, reserved headers): ask it on a probe, so a
        // refusal names the property instead of surfacing later from build().
        try {
            apply(new OptionsProbe()).options();
        } catch (IllegalArgumentException e) {
            throw new InvalidCortiPropertiesException(List.of(withPropertyNames(e.getMessage())));
        }
        return apply(builder);
    }

    private <B extends CortiClientBuilder<B>> B apply(B builder) {
        CortiProperties p = properties;
        builder.tenantName(p.getTenantName());
        if (p.getEnvironment() != null) {
            builder.environment(p.getEnvironment());
        }
        if (StringUtils.hasText(p.getBaseUrl())) {
            builder.baseUrl(p.getBaseUrl().trim());
        }
        if (StringUtils.hasText(p.getTokenUrl())) {
            builder.tokenUrl(p.getTokenUrl().trim());
        }
        if (StringUtils.hasText(p.getBearerToken())) {
            builder.bearerToken(p.getBearerToken());
        } else {
            builder.clientCredentials(p.getClientId(), p.getClientSecret(), scopes());
        }
        builder.connectTimeout(p.getConnectTimeout())
                .responseTimeout(p.getResponseTimeout())
                .callTimeout(p.getCallTimeout())
                .maxResponseSize(p.getMaxResponseSize().toBytes())
                .maxErrorResponseSize(p.getMaxErrorResponseSize().toBytes());
        CortiProperties.Retry r = p.getRetry();
        builder.retryOptions(new RetryOptions(r.getMaxRetries(), r.getInitialBackoff(), r.getMaxBackoff(),
                r.getJitter(), r.getMaxRetryAfter()));
        CortiProperties.Pool pool = p.getPool();
        builder.connectionPool(new ConnectionPoolOptions(pool.getMaxConnections(), pool.getPendingAcquireMaxCount(),
                pool.getPendingAcquireTimeout(), pool.getMaxIdleTime(), pool.getEvictionInterval()));
        p.getDefaultHeaders().forEach(builder::defaultHeader);
        if (StringUtils.hasText(p.getUserAgentSuffix())) {
            builder.userAgentSuffix(p.getUserAgentSuffix().trim());
        }
        return builder;
    }

    private List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        for (String scope : properties.getScopes()) {
            if (StringUtils.hasText(scope)) {
                scopes.add(scope.trim());
            }
        }
        return scopes;
    }

    /** Every problem the properties have on their own, each naming its property; values of secrets never shown. */
    List<String> problems() {
        CortiProperties p = properties;
        List<String> problems = new ArrayList<>();
        if (!StringUtils.hasText(p.getTenantName())) {
            problems.add("corti.tenant-name is required (your Corti tenant, e.g. 'base')");
        }
        boolean baseUrl = StringUtils.hasText(p.getBaseUrl());
        if (p.getEnvironment() == null && !baseUrl) {
            problems.add("corti.environment (eu or us) or corti.base-url is required");
        } else if (p.getEnvironment() != null && baseUrl) {
            problems.add("set corti.environment or corti.base-url, not both");
        }
        boolean clientId = StringUtils.hasText(p.getClientId());
        boolean clientSecret = StringUtils.hasText(p.getClientSecret());
        boolean bearer = StringUtils.hasText(p.getBearerToken());
        if (bearer && (clientId || clientSecret)) {
            problems.add("set corti.bearer-token or corti.client-id and corti.client-secret, not both");
        } else if (!bearer && !clientId && !clientSecret) {
            problems.add("credentials missing: set corti.client-id and corti.client-secret, or corti.bearer-token");
        } else if (!bearer && !clientId) {
            problems.add("corti.client-id is required with corti.client-secret");
        } else if (!bearer && !clientSecret) {
            problems.add("corti.client-secret is required with corti.client-id");
        } else if (!bearer && baseUrl && !StringUtils.hasText(p.getTokenUrl())) {
            problems.add("corti.token-url is required with corti.base-url and client credentials");
        }
        positive(problems, "corti.connect-timeout", p.getConnectTimeout());
        positive(problems, "corti.response-timeout", p.getResponseTimeout());
        positive(problems, "corti.call-timeout", p.getCallTimeout());
        positive(problems, "corti.max-response-size", p.getMaxResponseSize());
        positive(problems, "corti.max-error-response-size", p.getMaxErrorResponseSize());
        for (Map.Entry<String, String> header : p.getDefaultHeaders().entrySet()) {
            if (header.getValue() == null) {
                // Only the name: a header's value may be a credential.
                problems.add("corti.default-headers." + header.getKey() + " has no value");
            }
        }
        CortiProperties.Retry retry = p.getRetry();
        if (retry.getMaxRetries() < 0) {
            problems.add("corti.retry.max-retries must be 0 or more, was " + retry.getMaxRetries());
        }
        positive(problems, "corti.retry.initial-backoff", retry.getInitialBackoff());
        positive(problems, "corti.retry.max-backoff", retry.getMaxBackoff());
        positive(problems, "corti.retry.max-retry-after", retry.getMaxRetryAfter());
        if (!(retry.getJitter() >= 0 && retry.getJitter() <= 1)) {
            problems.add("corti.retry.jitter must be between 0 and 1, was " + retry.getJitter());
        }
        CortiProperties.Pool pool = p.getPool();
        if (pool.getMaxConnections() < 1) {
            problems.add("corti.pool.max-connections must be 1 or more, was " + pool.getMaxConnections());
        }
        if (pool.getPendingAcquireMaxCount() < 1) {
            problems.add("corti.pool.pending-acquire-max-count must be 1 or more, was "
                    + pool.getPendingAcquireMaxCount());
        }
        positive(problems, "corti.pool.pending-acquire-timeout", pool.getPendingAcquireTimeout());
        positive(problems, "corti.pool.max-idle-time", pool.getMaxIdleTime());
        positive(problems, "corti.pool.eviction-interval", pool.getEvictionInterval());
        return problems;
    }

    private static void positive(List<String> problems, String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            problems.add(property + " must be a positive duration, was " + value);
        }
    }

    private static void positive(List<String> problems, String property, DataSize value) {
        if (value == null || value.toBytes() < 1) {
            problems.add(property + " must be a positive size, was " + value);
        }
    }

    /** Rewrites the builder's setting names in one of its messages to the properties they come from. */
    static String withPropertyNames(String message) {
        String result = message == null ? "rejected" : message;
        for (Map.Entry<String, String> e : PROPERTY_OF_SETTING.entrySet()) {
            result = result.replaceAll("\\b" + e.getKey() + "\\b", e.getValue());
        }
        return result;
    }

    private static Map<String, String> propertyOfSetting() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("tenantName", "corti.tenant-name");
        map.put("baseUrl", "corti.base-url");
        map.put("tokenUrl", "corti.token-url");
        map.put("defaultHeader", "corti.default-headers");
        map.put("userAgentSuffix", "corti.user-agent-suffix");
        return map;
    }

    /** A builder that only validates and returns the options, for the check in {@link #configure}. */
    static final class OptionsProbe extends CortiClientBuilder<OptionsProbe> {

        ai.corti.client.core.CortiClientOptions options() {
            return buildOptions();
        }
    }
}
