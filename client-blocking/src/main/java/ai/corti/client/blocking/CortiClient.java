package ai.corti.client.blocking;

import ai.corti.client.core.CortiClientBuilder;
import ai.corti.client.core.http.HttpPipeline;
import ai.corti.client.blocking.streams.StreamsClient;
import ai.corti.client.blocking.streams.TranscribeClient;
import ai.corti.client.core.interactions.InteractionsOperations;
import ai.corti.client.core.internal.streams.StreamConnector;
import ai.corti.client.core.internal.streams.StreamHttpClients;

/**
 * The blocking Corti client: plain method calls that return results and throw typed exceptions.
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
public final class CortiClient implements AutoCloseable {

    private final HttpPipeline pipeline;
    private final InteractionsClient interactions;
    private final StreamConnector streamConnector;
    private final StreamsClient streams;
    private final TranscribeClient transcribe;

    private CortiClient(HttpPipeline pipeline) {
        this.pipeline = pipeline;
        this.interactions = new InteractionsClient(new InteractionsOperations(pipeline));
        this.streamConnector = new StreamConnector(pipeline.options(), pipeline::currentToken,
                StreamHttpClients.create(pipeline.options()));
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
     * Returns the Interactions operations.
     *
     * @return the interactions client, shared by all callers
     */
    public InteractionsClient interactions() {
        return interactions;
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

    /** Closes the open real-time sessions and the connection pool; calls in progress fail. Does not block. */
    @Override
    public void close() {
        streamConnector.closeAll();
        pipeline.close();
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
            return new CortiClient(new HttpPipeline(buildOptions()));
        }
    }
}
