package ai.corti.client.reactive;

import ai.corti.client.core.internal.pipeline.HttpPipeline;

/** Test stand-in for the hand-written reactive client. */
public final class CortiReactiveClient extends AbstractCortiReactiveClient {

    /**
     * Creates the client over a pipeline.
     *
     * @param pipeline the pipeline
     */
    public CortiReactiveClient(HttpPipeline pipeline) {
        super(pipeline);
    }
}
