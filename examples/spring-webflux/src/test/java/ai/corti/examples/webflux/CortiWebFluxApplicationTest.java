package ai.corti.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.RecordedExchange;
import ai.corti.spring.boot.test.AutoConfigureCortiEmulator;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * The service, on a random port, against an emulator the annotation starts; requests over real HTTP (Reactor
 * Netty's client, the same on every Spring line this example is tested on).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCortiEmulator
class CortiWebFluxApplicationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    CortiEmulator emulator;

    @Autowired
    Environment environment;

    HttpClient http;

    @BeforeEach
    void setUp() {
        emulator.reset();
        emulator.clearExchanges();
        http = HttpClient.create()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port"))
                .headers(headers -> headers.set("Content-Type", "application/json"))
                .responseTimeout(TIMEOUT);
    }

    /** Sends a request and returns "status body". */
    private String exchange(HttpClient.ResponseReceiver<?> request) {
        return request.responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                .map(text -> response.status().code() + " " + text)).block(TIMEOUT);
    }

    private String post(String json) {
        return exchange(http.post().uri("/consultations").send(ByteBufFlux.fromString(Mono.just(json))));
    }

    @Test
    void opensAndListsConsultationsInCorti() {
        assertThat(post("{\"encounterId\":\"enc-1\",\"title\":\"Sore throat\"}"))
                .startsWith("201 ").contains("\"interactionId\":\"");
        assertThat(post("{\"encounterId\":\"enc-2\"}")).startsWith("201 ");
        assertThat(emulator.interactionCount("base")).isEqualTo(2);

        String list = exchange(http.get().uri("/consultations"));
        assertThat(list).startsWith("200 ")
                .contains("\"identifier\":\"enc-1\"", "\"title\":\"Sore throat\"", "\"identifier\":\"enc-2\"")
                .doesNotContain("\"present\"");
        // The properties' user-agent suffix reached Corti on every call.
        assertThat(emulator.exchanges()).filteredOn(RecordedExchange::isApiCall).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(e -> assertThat(e.requestHeader("User-Agent").orElseThrow())
                        .endsWith(" corti-webflux-example/1.0"));
    }
}
