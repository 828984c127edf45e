package ai.corti.client.reactive.streams;

import ai.corti.client.core.internal.streams.ConfigurationJson;
import ai.corti.client.core.internal.streams.StreamConnector;
import ai.corti.client.core.internal.streams.StreamEndpoint;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeMessage;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The {@code /transcribe} endpoint of the reactive client: stateless dictation with voice commands. Get it
 * from {@code CortiReactiveClient.transcribe()}.
 *
 * <pre>{@code
 * Mono<ReactiveStreamSession<TranscribeMessage>> session = client.transcribe().connect(config);
 * }</pre>
 */
public final class ReactiveTranscribeClient {

    private final StreamConnector connector;

    /**
     * Creates the endpoint client; {@code CortiReactiveClient} does this.
     *
     * @param connector the client's connector
     */
    public ReactiveTranscribeClient(StreamConnector connector) {
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /**
     * Opens a session with the default {@link StreamOptions}.
     *
     * @param configuration the session's configuration
     * @return the session, once the server accepted the configuration; lazy, one session per subscription
     */
    public Mono<ReactiveStreamSession<TranscribeMessage>> connect(TranscribeConfiguration configuration) {
        return connect(configuration, StreamOptions.defaults());
    }

    /**
     * Opens a session; fails as {@link ReactiveStreamsClient#connect(java.util.UUID,
     * ai.corti.client.core.streams.StreamConfiguration, StreamOptions)} describes.
     *
     * @param configuration the session's configuration
     * @param options       deadlines, buffers, reconnection, custom address
     * @return the session; lazy, one session per subscription
     */
    public Mono<ReactiveStreamSession<TranscribeMessage>> connect(TranscribeConfiguration configuration,
                                                                  StreamOptions options) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> connector.open(StreamEndpoint.transcribe(), ConfigurationJson.transcribe(configuration),
                        options))
                .map(ReactiveStreamSession::new);
    }

    @Override
    public String toString() {
        return "ReactiveTranscribeClient[" + connector + "]";
    }
}
