package ai.corti.client.blocking.streams;

import ai.corti.client.core.internal.streams.ConfigurationJson;
import ai.corti.client.core.internal.streams.RealtimeSession;
import ai.corti.client.core.internal.streams.StreamConnector;
import ai.corti.client.core.internal.streams.StreamEndpoint;
import ai.corti.client.core.streams.StreamConfiguration;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamOptions;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code /streams} endpoint of the blocking client: live transcript and clinical facts for one interaction
 * (create the interaction first). Get it from {@code CortiClient.streams()}.
 *
 * <pre>{@code
 * try (StreamSession<StreamMessage> session = client.streams().connect(interactionId, config, listener)) {
 *     ...
 * }
 * }</pre>
 */
public final class StreamsClient {

    private final StreamConnector connector;

    /**
     * Creates the endpoint client; {@code CortiClient} does this.
     *
     * @param connector the client's connector
     */
    public StreamsClient(StreamConnector connector) {
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /**
     * Opens a session read with {@link StreamSession#messages()}, with the default options.
     *
     * @param interactionId the interaction
     * @param configuration the session's configuration
     * @return the open session
     */
    public StreamSession<StreamMessage> connect(UUID interactionId, StreamConfiguration configuration) {
        return connect(interactionId, configuration, StreamOptions.defaults(), null);
    }

    /**
     * Opens a session whose messages go to a listener, with the default options.
     *
     * @param interactionId the interaction
     * @param configuration the session's configuration
     * @param listener      receives the messages on a worker thread
     * @return the open session
     */
    public StreamSession<StreamMessage> connect(UUID interactionId, StreamConfiguration configuration,
                                                StreamListener<? super StreamMessage> listener) {
        Objects.requireNonNull(listener, "listener");
        return connect(interactionId, configuration, StreamOptions.defaults(), listener);
    }

    /**
     * Opens a session and waits for {@code CONFIG_ACCEPTED}, at most {@code handshakeTimeout}. Throws a
     * {@code StreamConfigException} for a {@code CONFIG_*} refusal, a {@code StreamHandshakeException} when the
     * upgrade is refused (401, 404, ...), a {@code CortiTimeoutException} after the deadline, a
     * {@code StreamClosedException} at once when the socket closes first.
     *
     * @param interactionId the interaction
     * @param configuration the session's configuration
     * @param options       deadlines, buffers, reconnection, custom address
     * @param listener      receives the messages on a worker thread, or {@code null} to read them with
     *                      {@link StreamSession#messages()}
     * @return the open session
     */
    public StreamSession<StreamMessage> connect(UUID interactionId, StreamConfiguration configuration,
                                                StreamOptions options, StreamListener<? super StreamMessage> listener) {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(options, "options");
        StreamEndpoint<StreamMessage> endpoint = StreamEndpoint.streams(interactionId);
        RealtimeSession<StreamMessage> session = Awaits.await(
                connector.open(endpoint, ConfigurationJson.streams(configuration), options),
                options.handshakeTimeout(), "streams connect");
        return new StreamSession<>(session, options, listener);
    }

    @Override
    public String toString() {
        return "StreamsClient[" + connector + "]";
    }
}
