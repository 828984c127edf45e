package ai.corti.client.reactive;

import ai.corti.client.core.CortiClientBuilder;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.internal.streams.StreamConnector;
import ai.corti.client.core.internal.streams.StreamHttpClients;
import ai.corti.client.reactive.streams.ReactiveStreamsClient;
import ai.corti.client.reactive.streams.ReactiveTranscribeClient;

/**
 * The reactive Corti client: one accessor per resource of the API ({@code interactions()}, {@code recordings()},
 * {@code transcripts()}, {@code facts()}, {@code documents()}, ...), every call returning a lazy {@code Mono},
 * {@code Flux} or {@code PagedFlux}. Nothing is
 * sent until you subscribe; each subscription is a fresh call; cancelling aborts the exchange and frees
 * its connection. Thread-safe and meant to be shared (one per application); close it on shutdown.
 *
 * <pre>{@code
 * CortiReactiveClient client = CortiReactiveClient.builder()
 *     .tenantName("base")
 *     .environment(CortiEnvironment.EU)
 *     .clientCredentials(clientId, clientSecret)
 *     .build();
 *
 * Mono<InteractionsGetResponse> interaction = client.interactions().get(id);
 * }</pre>
 */
public final class CortiReactiveClient extends AbstractCortiReactiveClient implements AutoCloseable {

    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(10);

    private final HttpPipeline pipeline;
    private final StreamConnector streamConnector;
    private final ReactiveStreamsClient streams;
    private final ReactiveTranscribeClient transcribe;

    private CortiReactiveClient(HttpPipeline pipeline) {
        super(pipeline);
        this.pipeline = pipeline;
        this.streamConnector = new StreamConnector(pipeline.options(), pipeline::currentToken,
                () -> StreamHttpClients.create(pipeline.options(), pipeline.eventLoops()), pipeline.timer());
        this.streams = new ReactiveStreamsClient(streamConnector);
        this.transcribe = new ReactiveTranscribeClient(streamConnector);
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
     * Returns the {@code /streams} real-time endpoint: live transcript and facts of an interaction.
     *
     * @return the endpoint client, shared by all callers
     */
    public ReactiveStreamsClient streams() {
        return streams;
    }

    /**
     * Returns the {@code /transcribe} real-time endpoint: dictation with voice commands.
     *
     * @return the endpoint client, shared by all callers
     */
    public ReactiveTranscribeClient transcribe() {
        return transcribe;
    }

    /**
     * Returns how many real-time sessions are connecting or open, for health checks and tests.
     *
     * @return open sessions
     */
    public int openStreamSessions() {
        return streamConnector.openSessions();
    }

    /**
     * Returns how many pooled connections are in use now, for health checks and tests.
     *
     * @return connections checked out of the pool
     */
    public int activeConnections() {
        return pipeline.activeConnections();
    }

    /**
     * Closes the client: calls in flight end at once with {@code CortiClientClosedException} (nothing more is sent,
     * retried or refreshed), later calls are refused before anything is sent, real-time sessions close, and the
     * client's threads (its event loops, its timer, its pool's connections) stop. Waits up to 10 s for the threads
     * to stop, except on a Reactor thread, where it never blocks. Idempotent.
     */
    @Override
    public void close() {
        streamConnector.closeAll();
        pipeline.closeAndWait(CLOSE_WAIT);
    }

    @Override
    public String toString() {
        return "CortiReactiveClient[" + pipeline.options() + "]";
    }

    /** Configures a {@link CortiReactiveClient}; see {@link CortiClientBuilder} for every setting. */
    public static final class Builder extends CortiClientBuilder<Builder> {

        private Builder() {
        }

        /**
         * Validates the settings and creates the client.
         *
         * @return the client
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public CortiReactiveClient build() {
            return new CortiReactiveClient(new HttpPipeline(buildOptions(), observer()));
        }
    }
}
