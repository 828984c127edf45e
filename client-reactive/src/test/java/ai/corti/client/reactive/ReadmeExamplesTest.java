package ai.corti.client.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ReadmeExamplesTest {

    @Test
    void theReadmeSnippetRunsAgainstALocalServer() {
        UUID id = UUID.randomUUID();
        try (ScriptedServer server = ScriptedServer.start();
             CortiReactiveClient client = CortiReactiveClient.builder().tenantName("base")
                     .baseUrl(server.url() + "/v2").bearerToken("t").build()) {
            server.enqueue(
                    Reply.json(201, Fixtures.created(id)),
                    Reply.json(200, Fixtures.interaction(id)),
                    Reply.json(200, Fixtures.interaction(id)),
                    Reply.json(200, Fixtures.page(3)),
                    Reply.json(200, Fixtures.page(0)),
                    Reply.json(404, Fixtures.problem(404, "not found")));

            StepVerifier.create(ReadmeExamples.fourOperations(client)).expectComplete().verify(Duration.ofSeconds(5));

            assertThat(server.received()).extracting(ScriptedServer.Received::method)
                    .containsExactly("POST", "GET", "PATCH", "GET", "GET", "GET");
        }
    }

    @Test
    void theReadmeBuilderSnippetBuildsAClient() {
        try (CortiReactiveClient client = ReadmeExamples.newClient("client-id", "client-secret")) {
            assertThat(client.toString()).contains("api.eu.corti.app").doesNotContain("client-secret");
        }
    }
}
