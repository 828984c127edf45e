package ai.corti.client.core.testing;

import ai.corti.client.core.CortiClientBuilder;
import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.internal.pipeline.HttpPipeline;

/** A concrete builder for core tests: the facades' builders do the same. */
public final class TestOptions extends CortiClientBuilder<TestOptions> {

    /** Starts a builder preset for a local server: tenant "base", baseUrl server + /v2, bearer token. */
    public static TestOptions forServer(ScriptedServer server) {
        return new TestOptions().tenantName("base").baseUrl(server.url() + "/v2").bearerToken("test-token");
    }

    /** Starts an empty builder. */
    public static TestOptions builder() {
        return new TestOptions();
    }

    /** Validates and returns the options. */
    public CortiClientOptions build() {
        return buildOptions();
    }

    /** Builds a pipeline as the facades do: the options and the observer from the same builder. */
    public HttpPipeline pipeline() {
        return new HttpPipeline(buildOptions(), observer());
    }
}
