package ai.corti.client.core.internal.interactions;

import ai.corti.client.core.internal.pipeline.HttpPipeline;
import reactor.core.publisher.Mono;

/**
 * The stream URL of an interaction with a current token appended, for the {@code websocketUrl(..)} convenience of
 * both facades. Internal to the SDK.
 */
public final class InteractionStreams {

    private InteractionStreams() {
    }

    /**
     * Returns an interaction's stream URL with a current token appended. Never log the result.
     *
     * @param pipeline     the client's pipeline (its token and its API host)
     * @param websocketUrl the interaction's {@code websocketUrl}, as the server sent it
     * @return the URL, lazily
     * @throws IllegalArgumentException when the URL is not a {@code wss} URL on the API host (or {@code ws} on a
     *                                  loopback host): the token is never handed to another origin
     */
    public static Mono<String> websocketUrl(HttpPipeline pipeline, String websocketUrl) {
        StreamUrls.requireTrusted(websocketUrl, pipeline.options().baseUrl());
        return pipeline.currentToken().map(token -> StreamUrls.withToken(websocketUrl, token,
                pipeline.options().baseUrl()));
    }
}
