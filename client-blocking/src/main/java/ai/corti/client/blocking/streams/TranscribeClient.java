package ai.corti.client.blocking.streams;

import ai.corti.client.core.internal.streams.ConfigurationJson;
import ai.corti.client.core.internal.streams.RealtimeSession;
import ai.corti.client.core.internal.streams.StreamConnector;
import ai.corti.client.core.internal.streams.StreamEndpoint;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeMessage;
import java.util.Objects;

/**
 * The {@code /transcribe} endpoint of the blocking client: stateless dictation with voice commands. Get it
 * from {@code CortiClient.transcribe()}.
 *
 * <pre>{@code
 * try (StreamSession<TranscribeMessage> session = client.transcribe().connect(config, listener)) {
 *     ...
 * }
 * }</pre>
 */
public final class TranscribeClient {

    private final StreamConnector connector;

    /**
     * Creates the endpoint client; {@code CortiClient} does this.
     *
     * @param connector the client's connector
     */
    public TranscribeClient(StreamConnector connector) {
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /**
     * Opens a session read with {@link StreamSession#messages()}, with the default options.
     *
     * @param configuration the session's configuration
     * @return the open session
     */
    public StreamSession<TranscribeMessage> connect(TranscribeConfiguration configuration) {
        return connect(configuration, StreamOptions.defaults(), null);
    }

    /**
     * Opens a session whose messages go to a listener, with the default options.
     *
     * @param configuration the session's configuration
     * @param listener      receives the messages on a worker thread
     * @return the open session
     */
    public StreamSession<TranscribeMessage> connect(TranscribeConfiguration configuration,
                                                    StreamListener<? super TranscribeMessage> listener) {
        Objects.requireNonNull(listener, "listener");
        return connect(configuration, StreamOptions.defaults(), listener);
    }

    /**
     * Opens a session and waits for {@code CONFIG_ACCEPTED}; fails as {@link StreamsClient#connect(java.util.UUID,
     * ai.corti.client.core.streams.StreamConfiguration, StreamOptions, StreamListener)} describes.
     *
     * @param configuration the session's configuration
     * @param options       deadlines, buffers, reconnection, custom address
     * @param listener      receives the messages on a worker thread, or {@code null} to read them with
     *                      {@link StreamSession#messages()}
     * @return the open session
     */
    public StreamSession<TranscribeMessage> connect(TranscribeConfiguration configuration, StreamOptions options,
                                                    StreamListener<? super TranscribeMessage> listener) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(options, "options");
        RealtimeSession<TranscribeMessage> session = Awaits.await(
                connector.open(StreamEndpoint.transcribe(), ConfigurationJson.transcribe(configuration), options),
                options.handshakeTimeout(), "transcribe connect");
        return new StreamSession<>(session, options, listener);
    }

    @Override
    public String toString() {
        return "TranscribeClient[" + connector + "]";
    }
}
