package ai.corti.client.reactive.streams;

import ai.corti.client.core.internal.streams.ConfigurationJson;
import ai.corti.client.core.internal.streams.StreamConnector;
import ai.corti.client.core.internal.streams.StreamEndpoint;
import ai.corti.client.core.streams.StreamConfiguration;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamOptions;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The {@code /streams} endpoint of the reactive client: live transcript and clinical facts for one
 * interaction (create the interaction first). Get it from {@code CortiReactiveClient.streams()}.
 *
 * <pre>{@code
 * Mono<ReactiveStreamSession<StreamMessage>> session = client.streams().connect(interactionId, config);
 * }</pre>
 */
public final class ReactiveStreamsClient {

    private final StreamConnector connector;

    /**
     * Creates the endpoint client; {@code CortiReactiveClient} does this.
     *
     * @param connector the client's connector
     */
    public ReactiveStreamsClient(StreamConnector connector) {
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /**
     * Opens a session with the default {@link StreamOptions}.
     *
     * @param interactionId the interaction
     * @param configuration the session's configuration
     * @return the session, once the server accepted the configuration; lazy, one session per subscription
     */
    public Mono<ReactiveStreamSession<StreamMessage>> connect(UUID interactionId, StreamConfiguration configuration) {
        return connect(interactionId, configuration, StreamOptions.defaults());
    }

    /**
     * Opens a session. Completes on {@code CONFIG_ACCEPTED}; fails with a {@code StreamConfigException} for a
     * {@code CONFIG_*} refusal, a {@code StreamHandshakeException} when the upgrade is refused (401, 404, ...),
     * a {@code CortiTimeoutException} after {@code handshakeTimeout}, a {@code StreamClosedException} at once
     * when the socket closes first. Cancelling before the acceptance closes the socket.
     *
     * @param interactionId the interaction
     * @param configuration the session's configuration
     * @param options       deadlines, buffers, reconnection, custom address
     * @return the session; lazy, one session per subscription
     */
    public Mono<ReactiveStreamSession<StreamMessage>> connect(UUID interactionId, StreamConfiguration configuration,
                                                              StreamOptions options) {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> connector.open(StreamEndpoint.streams(interactionId),
                        ConfigurationJson.streams(configuration), options))
                .map(ReactiveStreamSession::new);
    }

    /**
     * Opens a session, the interaction given by its id as text.
     *
     * @param interactionId the interaction's UUID
     * @param configuration the session's configuration
     * @param options       deadlines, buffers, reconnection, custom address
     * @return the session; lazy
     * @throws IllegalArgumentException when the id is not a UUID (nothing is sent)
     */
    public Mono<ReactiveStreamSession<StreamMessage>> connect(String interactionId, StreamConfiguration configuration,
                                                              StreamOptions options) {
        return connect(parseId(interactionId), configuration, options);
    }

    static UUID parseId(String interactionId) {
        Objects.requireNonNull(interactionId, "interactionId");
        try {
            return UUID.fromString(interactionId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("interactionId must be a UUID, was '" + interactionId + "'");
        }
    }

    @Override
    public String toString() {
        return "ReactiveStreamsClient[" + connector + "]";
    }
}
