package ai.corti.client.blocking;

import ai.corti.client.core.internal.pipeline.HttpPipeline;

/** Test stand-in for the hand-written blocking client. */
public final class CortiClient extends AbstractCortiClient {

    /**
     * Creates the client over a pipeline.
     *
     * @param pipeline the pipeline
     */
    public CortiClient(HttpPipeline pipeline) {
        super(pipeline);
    }
}
