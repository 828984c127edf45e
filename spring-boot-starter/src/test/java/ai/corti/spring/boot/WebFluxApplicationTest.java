package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
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
import reactor.core.publisher.Mono;

/**
 * A real WebFlux application on a random port, its reactive client configured by properties and pointed at the
 * emulator; requests go over HTTP, answers are JSON written by Boot's own mapper (Jackson 3 on Boot 4, Jackson 2 on
 * Boot 3.5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = WebFluxApplicationTest.App.class,
        properties = {"spring.main.web-application-type=reactive", "spring.main.lazy-initialization=true"})
class WebFluxApplicationTest {

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
    void anEndpointCallsCortiThroughTheReactiveClient() {
        String created = http().post("/interactions/enc-7");
        assertThat(created).contains("\"interactionId\":\"");
        assertThat(EMULATOR.interactionCount("base")).isEqualTo(1);
        assertThat(http().get("/interactions")).contains("enc-7");
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

            private final CortiReactiveClient corti;

            Endpoints(CortiReactiveClient corti) {
                this.corti = corti;
            }

            @PostMapping("/interactions/{identifier}")
            Mono<InteractionsCreateResponse> create(@PathVariable("identifier") String identifier) {
                return corti.interactions().create(new InteractionsCreateRequest()
                        .encounter(new InteractionsEncounterCreateRequest()
                                .identifier(identifier)
                                .status(InteractionsEncounterStatusEnum.PLANNED)
                                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION)));
            }

            @GetMapping("/interactions")
            Mono<List<String>> list() {
                return corti.interactions().list()
                        .map(interaction -> interaction.getEncounter().getIdentifier())
                        .collectList();
            }

            @GetMapping("/encounter/{mode}")
            Mono<InteractionsEncounterCreateRequest> encounter(@PathVariable("mode") String mode) {
                return Mono.just(JsonNullableAnswers.encounter(mode));
            }
        }
    }

}
