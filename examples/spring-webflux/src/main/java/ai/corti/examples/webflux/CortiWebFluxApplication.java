package ai.corti.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux service that records consultations as Corti interactions. The {@code CortiReactiveClient} it uses is
 * the starter's, built from {@code corti.*} in application.properties; the service has no Corti setup code.
 */
@SpringBootApplication
public class CortiWebFluxApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot's arguments, e.g. {@code --corti.client-id=...}
     */
    public static void main(String[] args) {
        SpringApplication.run(CortiWebFluxApplication.class, args);
    }
}
