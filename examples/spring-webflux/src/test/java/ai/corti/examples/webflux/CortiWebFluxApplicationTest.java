package ai.corti.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.emulator.CortiEmulator;
import ai.corti.spring.boot.test.AutoConfigureCortiEmulator;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service, on a random port, against an emulator the annotation starts; requests over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCortiEmulator
class CortiWebFluxApplicationTest {

    @Autowired
    CortiEmulator emulator;

    @Autowired
    Environment environment;

    WebTestClient http;

    @BeforeEach
    void setUp() {
        emulator.reset();
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void opensAndListsConsultationsInCorti() {
        http.post().uri("/consultations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"encounterId\":\"enc-1\",\"title\":\"Sore throat\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.interactionId").isNotEmpty();
        http.post().uri("/consultations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"encounterId\":\"enc-2\"}")
                .exchange()
                .expectStatus().isCreated();

        assertThat(emulator.interactionCount("base")).isEqualTo(2);
        String list = http.get().uri("/consultations").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains("\"identifier\":\"enc-1\"", "\"title\":\"Sore throat\"", "\"identifier\":\"enc-2\"")
                .doesNotContain("\"present\"");
        // The properties' user-agent suffix reached Corti.
        assertThat(emulator.exchanges()).filteredOn(e -> e.isApiCall())
                .allSatisfy(e -> assertThat(e.requestHeader("User-Agent").orElseThrow())
                        .endsWith(" corti-webflux-example/1.0"));
    }
}
