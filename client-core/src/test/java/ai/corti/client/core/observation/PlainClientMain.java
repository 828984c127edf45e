package ai.corti.client.core.observation;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;

/**
 * Run in a JVM of its own by {@link NoMicrometerLoadedTest}: one call through a client built without observation (or,
 * with the argument {@code observe}, with one), then {@code DONE}.
 */
public final class PlainClientMain {

    private PlainClientMain() {
    }

    /**
     * Makes the call.
     *
     * @param args {@code observe} to configure an observation registry
     */
    public static void main(String[] args) {
        boolean observe = args.length > 0 && args[0].equals("observe");
        try (ScriptedServer server = ScriptedServer.start().enqueue(Reply.json(200, "{}"))) {
            TestOptions options = TestOptions.forServer(server);
            if (observe) {
                options.observationRegistry(ObservationRegistry.create());
            }
            HttpPipeline pipeline = options.pipeline();
            pipeline.execute(ApiRequest.of("GET", "/interactions/"), JsonNode.class, RequestOptions.DEFAULT)
                    .block(Duration.ofSeconds(20));
            pipeline.closeAndWait(Duration.ofSeconds(5));
        }
        System.out.println("DONE");
    }
}
