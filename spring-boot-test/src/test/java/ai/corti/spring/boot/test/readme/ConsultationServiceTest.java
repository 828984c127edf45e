package ai.corti.spring.boot.test.readme;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.RecordedExchange;
import ai.corti.spring.boot.test.AutoConfigureCortiEmulator;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The README's Spring Boot snippets, run: the service, the customizer and the test annotation together. */
// README: Spring Boot, test
@SpringBootTest
@AutoConfigureCortiEmulator                               // an emulator for this context; corti.* points at it
class ConsultationServiceTest {

    @Autowired CortiEmulator emulator;
    @Autowired ConsultationService service;

    @Test
    void opensAnInteraction() {
        UUID id = service.open("enc-42");

        assertThat(emulator.data("base").interactionIds()).containsExactly(id);
        assertThat(emulator.exchanges()).filteredOn(RecordedExchange::isApiCall)
                .allSatisfy(call -> assertThat(call.requestHeader("X-Team")).contains("cardiology"));
    }
// README: end

    /** The application under test. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ConsultationService.class, CortiCustomization.class})
    static class App {
    }
}
