package ai.corti.client.core;

import ai.corti.client.core.internal.validation.HeaderValidation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings for one call, overriding the client's without building a new client.
 *
 * <pre>{@code
 * RequestOptions quick = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(5))   // the whole call, retries included
 *     .maxRetries(0)
 *     .header("X-Correlation-Id", correlationId)
 *     .build();
 * interactions.get(id, quick);
 * }</pre>
 */
public final class RequestOptions {

    /** No overrides: the client's settings apply. */
    public static final RequestOptions DEFAULT = builder().build();

    private final Duration timeout;
    private final Integer maxRetries;
    private final Map<String, String> headers;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.maxRetries = builder.maxRetries;
        this.headers = Map.copyOf(builder.headers);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the call budget override.
     *
     * @return the budget of the whole call, or empty for the client's
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Returns the retry count override.
     *
     * @return retries after the first attempt, or empty for the client's
     */
    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /**
     * Returns the extra headers of this call.
     *
     * @return an unmodifiable map, possibly empty
     */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "RequestOptions[timeout=" + timeout + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet() + "]";
    }

    /** Builds {@link RequestOptions}; every setter validates at once. */
    public static final class Builder {

        private Duration timeout;
        private Integer maxRetries;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the budget of the whole call, every attempt and wait included.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be a positive duration, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets how many times a retryable failure of this call is retried.
         *
         * @param maxRetries retries after the first attempt, 0 to disable
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Adds a header to this call.
         *
         * @param name  the name; not one the SDK owns ({@code Authorization}, {@code Tenant-Name}, ...)
         * @param value the value; no CR or LF
         * @return this builder
         */
        public Builder header(String name, String value) {
            HeaderValidation.requireCallerHeader("header", name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * Freezes the options.
         *
         * @return the options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
