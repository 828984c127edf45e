package ai.corti.client.blocking;

import ai.corti.client.core.CortiClientBuilder;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.blocking.streams.StreamsClient;
import ai.corti.client.blocking.streams.TranscribeClient;
import ai.corti.client.core.internal.streams.StreamConnector;
import ai.corti.client.core.internal.streams.StreamHttpClients;

/**
 * The blocking Corti client: one accessor per resource of the API ({@code interactions()}, {@code recordings()},
 * {@code transcripts()}, {@code facts()}, {@code documents()}, ...), plain method calls that return results and
 * throw typed exceptions.
 * Thread-safe and meant to be shared; close it when the application stops.
 *
 * <pre>{@code
 * try (CortiClient client = CortiClient.builder()
 *         .tenantName("base")
 *         .environment(CortiEnvironment.EU)
 *         .clientCredentials(clientId, clientSecret)
 *         .build()) {
 *     InteractionsGetResponse interaction = client.interactions().get(id);
 * }
 * }</pre>
 *
 * <p>Do not call it from a Reactor event-loop thread (a WebFlux handler): it fails fast there, because
 * blocking would stall other requests. Use {@code CortiReactiveClient} in reactive code.
 */
public final class CortiClient extends AbstractCortiClient implements AutoCloseable {

    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(10);

    private final HttpPipeline pipeline;
    private final StreamConnector streamConnector;
    private final StreamsClient streams;
    private final TranscribeClient transcribe;

    private CortiClient(HttpPipeline pipeline) {
        super(pipeline);
        this.pipeline = pipeline;
        this.streamConnector = new StreamConnector(pipeline.options(), pipeline::currentToken,
                () -> StreamHttpClients.create(pipeline.options(), pipeline.eventLoops()), pipeline.timer());
        this.streams = new StreamsClient(streamConnector);
        this.transcribe = new TranscribeClient(streamConnector);
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
    public StreamsClient streams() {
        return streams;
    }

    /**
     * Returns the {@code /transcribe} real-time endpoint: dictation with voice commands.
     *
     * @return the endpoint client, shared by all callers
     */
    public TranscribeClient transcribe() {
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
        return "CortiClient[" + pipeline.options() + "]";
    }

    /** Configures a {@link CortiClient}; see {@link CortiClientBuilder} for every setting. */
    public static final class Builder extends CortiClientBuilder<Builder> {

        private Builder() {
        }

        /**
         * Validates the settings and creates the client.
         *
         * @return the client
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public CortiClient build() {
            return new CortiClient(new HttpPipeline(buildOptions(), observer()));
        }
    }
}
