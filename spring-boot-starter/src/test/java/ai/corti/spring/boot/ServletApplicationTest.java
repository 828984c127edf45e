package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.emulator.CortiEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A real servlet (Tomcat) application on a random port, its blocking client configured by properties and pointed
 * at the emulator; answers are JSON written by Boot's own mapper.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ServletApplicationTest.App.class,
        properties = {"spring.main.web-application-type=servlet", "spring.main.lazy-initialization=true"})
class ServletApplicationTest {

    static final CortiEmulator EMULATOR = CortiEmulator.start();

    @DynamicPropertySource
    static void corti(DynamicPropertyRegistry registry) {
        registry.add("corti.tenant-name", () -> "base");
        registry.add("corti.base-url", EMULATOR::baseUrl);
        registry.add("corti.token-url", () -> EMULATOR.tokenUrl("base"));
        registry.add("corti.client-id", EMULATOR::clientId);
        registry.add("corti.client-secret", EMULATOR::clientSecret);
    }

    @AfterAll
    static void stop() {
        EMULATOR.close();
    }

    @Autowired
    Environment environment;

    private HttpJson http() {
        return new HttpJson(environment.getProperty("local.server.port", Integer.class));
    }

    @Test
    void anEndpointCallsCortiThroughTheBlockingClient() {
        String created = http().post("/interactions/enc-9");
        assertThat(created).contains("\"interactionId\":\"");
        assertThat(EMULATOR.interactionCount("base")).isEqualTo(1);
        assertThat(http().get("/interactions")).contains("enc-9");
    }

    @Test
    void jsonNullableFieldsAreWrittenAsTheirValue() {
        JsonNullableAnswers.assertWritten(http());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @RestController
        static class Endpoints {

            private final CortiClient corti;

            Endpoints(CortiClient corti) {
                this.corti = corti;
            }

            @PostMapping("/interactions/{identifier}")
            InteractionsCreateResponse create(@PathVariable("identifier") String identifier) {
                return corti.interactions().create(new InteractionsCreateRequest()
                        .encounter(new InteractionsEncounterCreateRequest()
                                .identifier(identifier)
                                .status(InteractionsEncounterStatusEnum.PLANNED)
                                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION)));
            }

            @GetMapping("/interactions")
            List<String> list() {
                List<String> identifiers = new ArrayList<>();
                corti.interactions().list().forEach(i -> identifiers.add(i.getEncounter().getIdentifier()));
                return identifiers;
            }

            @GetMapping("/encounter/{mode}")
            InteractionsEncounterCreateRequest encounter(@PathVariable("mode") String mode) {
                return JsonNullableAnswers.encounter(mode);
            }
        }
    }
}
