package ai.corti.examples.webflux;

import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.reactive.CortiReactiveClient;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /consultations} opens an interaction for an encounter, {@code GET /consultations} lists them. The
 * SDK's models go out as JSON through Spring Boot's own mapper, which the starter taught the SDK's
 * {@code JsonNullable} fields.
 */
@RestController
@RequestMapping("/consultations")
public class InteractionsController {

    private final CortiReactiveClient corti;

    /**
     * Creates the controller.
     *
     * @param corti the starter's reactive client
     */
    public InteractionsController(CortiReactiveClient corti) {
        this.corti = corti;
    }

    /**
     * What a caller sends to open a consultation.
     *
     * @param encounterId the encounter's identifier in the caller's system
     * @param title       an optional title
     */
    public record NewConsultation(String encounterId, String title) {
    }

    /**
     * Opens a consultation: creates an interaction for the encounter.
     *
     * @param consultation the encounter
     * @return the interaction's id and WebSocket URL
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<InteractionsCreateResponse> open(@RequestBody NewConsultation consultation) {
        InteractionsEncounterCreateRequest encounter = new InteractionsEncounterCreateRequest()
                .identifier(consultation.encounterId())
                .status(InteractionsEncounterStatusEnum.PLANNED)
                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION);
        if (consultation.title() != null) {
            encounter.title(consultation.title());
        }
        return corti.interactions().create(new InteractionsCreateRequest().encounter(encounter));
    }

    /**
     * Lists the consultations, newest first, every page fetched as the client reads.
     *
     * @return the interactions
     */
    @GetMapping
    public Flux<InteractionsGetResponse> list() {
        return corti.interactions().list();
    }
}
