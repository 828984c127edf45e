package ai.corti.client.core.streams;

import ai.corti.client.core.internal.validation.HeaderValidation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How one real-time session behaves: its deadlines, its buffers, reconnection, and (for proxy deployments) a
 * custom address and extra handshake headers. {@link #defaults()} suits most uses.
 *
 * <pre>{@code
 * StreamOptions options = StreamOptions.builder()
 *         .reconnect(ReconnectPolicy.exponentialBackoff(3, Duration.ofMillis(500), Duration.ofSeconds(5)))
 *         .handshakeTimeout(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 *
 * <p>Memory stays bounded whatever the producer or the server do: at most {@link #audioBufferBytes()} of audio
 * wait to be written (a faster producer is slowed down, not buffered), at most {@link #messageBufferSize()}
 * messages or {@link #messageBufferBytes()} wait to be consumed (then the socket is no longer read, which
 * slows the server), and no message may exceed {@link #maxMessageBytes()}.
 */
public final class StreamOptions {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final StreamOptions DEFAULTS = builder().build();

    private final Duration handshakeTimeout;
    private final Duration flushTimeout;
    private final Duration endTimeout;
    private final Duration writeTimeout;
    private final Duration idleTimeout;
    private final ReconnectPolicy reconnect;
    private final URI baseUrl;
    private final Map<String, String> headers;
    private final int audioBufferBytes;
    private final int messageBufferSize;
    private final int messageBufferBytes;
    private final int maxMessageBytes;

    private StreamOptions(Builder builder) {
        this.handshakeTimeout = builder.handshakeTimeout;
        this.flushTimeout = builder.flushTimeout;
        this.endTimeout = builder.endTimeout;
        this.writeTimeout = builder.writeTimeout;
        this.idleTimeout = builder.idleTimeout;
        this.reconnect = builder.reconnect;
        this.baseUrl = builder.baseUrl;
        this.headers = Map.copyOf(builder.headers);
        this.audioBufferBytes = builder.audioBufferBytes;
        this.messageBufferSize = builder.messageBufferSize;
        this.messageBufferBytes = builder.messageBufferBytes;
        this.maxMessageBytes = builder.maxMessageBytes;
    }

    /**
     * Returns the default options.
     *
     * @return the defaults
     */
    public static StreamOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the longest wait from connecting to {@code CONFIG_ACCEPTED}: token, TCP and TLS, upgrade,
     * configuration and answer. Default 15 s.
     *
     * @return the deadline
     */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * Returns the longest wait for {@code flushed} after a flush. Default 30 s.
     *
     * @return the deadline
     */
    public Duration flushTimeout() {
        return flushTimeout;
    }

    /**
     * Returns the longest wait for {@code ENDED}/{@code ended} after {@code end()}. Default 60 s.
     *
     * @return the deadline
     */
    public Duration endTimeout() {
        return endTimeout;
    }

    /**
     * Returns the longest a chunk of audio waits for room in the audio buffer. Default 30 s.
     *
     * @return the deadline
     */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * Returns the longest the blocking facade's message iterator waits for the next message. Default 5 min.
     *
     * @return the deadline
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Returns the reconnection policy. Default {@link ReconnectPolicy#none()}.
     *
     * @return the policy
     */
    public ReconnectPolicy reconnect() {
        return reconnect;
    }

    /**
     * Returns the custom address of the real-time API, when set.
     *
     * @return e.g. {@code wss://proxy.example.com/audio-bridge/v2}, or empty to derive it from the client's
     *         base URL
     */
    public Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /**
     * Returns the extra headers sent with the WebSocket upgrade (for proxies).
     *
     * @return the headers, possibly empty
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Returns the most audio that may wait to be written, in bytes. Default 1 MiB (about 30 s of 16 kHz
     * 16-bit PCM).
     *
     * @return the budget
     */
    public int audioBufferBytes() {
        return audioBufferBytes;
    }

    /**
     * Returns the most messages that may wait to be consumed. Default 1,024.
     *
     * @return the count
     */
    public int messageBufferSize() {
        return messageBufferSize;
    }

    /**
     * Returns the most message bytes that may wait to be consumed. Default 8 MiB.
     *
     * @return the bytes
     */
    public int messageBufferBytes() {
        return messageBufferBytes;
    }

    /**
     * Returns the largest message accepted from the server; a larger one fails the session. Default 1 MiB.
     *
     * @return the bytes
     */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Lists the settings; header values are left out (they may be credentials for a proxy). */
    @Override
    public String toString() {
        return "StreamOptions[handshakeTimeout=" + handshakeTimeout + ", flushTimeout=" + flushTimeout + ", endTimeout="
                + endTimeout + ", writeTimeout=" + writeTimeout + ", idleTimeout=" + idleTimeout + ", reconnect="
                + reconnect + ", baseUrl=" + baseUrl + ", headers=" + headers.keySet() + ", audioBufferBytes="
                + audioBufferBytes + ", messageBufferSize=" + messageBufferSize + ", messageBufferBytes="
                + messageBufferBytes + ", maxMessageBytes=" + maxMessageBytes + "]";
    }

    /** Builds {@link StreamOptions}; every setter checks its value and names the setting when it refuses one. */
    public static final class Builder {

        private Duration handshakeTimeout = Duration.ofSeconds(15);
        private Duration flushTimeout = Duration.ofSeconds(30);
        private Duration endTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofMinutes(5);
        private ReconnectPolicy reconnect = ReconnectPolicy.none();
        private URI baseUrl;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private int audioBufferBytes = 1 << 20;
        private int messageBufferSize = 1024;
        private int messageBufferBytes = 8 << 20;
        private int maxMessageBytes = 1 << 20;

        private Builder() {
        }

        /**
         * Sets the longest wait from connecting to {@code CONFIG_ACCEPTED}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = positive("handshakeTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest wait for {@code flushed}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder flushTimeout(Duration timeout) {
            this.flushTimeout = positive("flushTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest wait for {@code ENDED}/{@code ended} after {@code end()}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder endTimeout(Duration timeout) {
            this.endTimeout = positive("endTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest a chunk of audio waits for room in the audio buffer.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive("writeTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest the blocking message iterator waits for the next message.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive("idleTimeout", timeout);
            return this;
        }

        /**
         * Sets the reconnection policy.
         *
         * @param policy e.g. {@link ReconnectPolicy#exponentialBackoff(int, Duration, Duration)}
         * @return this builder
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Objects.requireNonNull(policy, "reconnect");
            return this;
        }

        /**
         * Sets the address of the real-time API, for proxy deployments; the endpoint's path
         * ({@code /interactions/{id}/streams} or {@code /transcribe}) is appended to it. Must be {@code wss},
         * except {@code ws} on {@code localhost}, {@code 127.0.0.1} and {@code [::1]}; no query, fragment or
         * credentials.
         *
         * @param url e.g. {@code wss://proxy.example.com/audio-bridge/v2}
         * @return this builder
         */
        public Builder baseUrl(String url) {
            this.baseUrl = webSocketUrl(url);
            return this;
        }

        /**
         * Adds a header to the WebSocket upgrade request, for proxies.
         *
         * @param name  a header name the SDK does not own
         * @param value the value: visible ASCII, space and tab only
         * @return this builder
         */
        public Builder header(String name, String value) {
            HeaderValidation.requireCallerHeader("header", name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * Sets the most audio that may wait to be written.
         *
         * @param bytes 64 KiB to 64 MiB
         * @return this builder
         */
        public Builder audioBufferBytes(int bytes) {
            this.audioBufferBytes = within("audioBufferBytes", bytes, 64 << 10, 64 << 20);
            return this;
        }

        /**
         * Sets the most messages that may wait to be consumed.
         *
         * @param messages 16 to 1,000,000
         * @return this builder
         */
        public Builder messageBufferSize(int messages) {
            this.messageBufferSize = within("messageBufferSize", messages, 16, 1_000_000);
            return this;
        }

        /**
         * Sets the most message bytes that may wait to be consumed.
         *
         * @param bytes 64 KiB to 1 GiB
         * @return this builder
         */
        public Builder messageBufferBytes(int bytes) {
            this.messageBufferBytes = within("messageBufferBytes", bytes, 64 << 10, 1 << 30);
            return this;
        }

        /**
         * Sets the largest message accepted from the server.
         *
         * @param bytes 4 KiB to 64 MiB
         * @return this builder
         */
        public Builder maxMessageBytes(int bytes) {
            this.maxMessageBytes = within("maxMessageBytes", bytes, 4 << 10, 64 << 20);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public StreamOptions build() {
            return new StreamOptions(this);
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
            }
            return value;
        }

        private static int within(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
            }
            return value;
        }

        private static URI webSocketUrl(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("baseUrl must not be blank");
            }
            URI uri;
            try {
                uri = new URI(value.trim());
            } catch (URISyntaxException e) {
                // The reason only: the exception's message repeats the input, which may carry a secret.
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getReason() + " at index "
                        + e.getIndex());
            }
            String authority = uri.getRawAuthority();
            if (uri.getUserInfo() != null || (authority != null && authority.contains("@"))) {
                throw new IllegalArgumentException("baseUrl must not carry credentials");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query or fragment (the SDK adds the tenant "
                        + "and token itself)");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("wss") || scheme.equals("ws"))) {
                throw new IllegalArgumentException("baseUrl must be an absolute ws(s) URL, was " + value);
            }
            if (scheme.equals("ws") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("baseUrl must use wss (plain ws is allowed only for localhost, "
                        + "127.0.0.1 and [::1]), was " + value);
            }
            String text = uri.toString();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
    }
}
