package ai.corti.spring.boot.test.readme;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import java.util.UUID;
import org.springframework.stereotype.Service;

// README: Spring Boot, injecting the client
@Service
class ConsultationService {

    private final CortiClient corti;                      // the starter's, built from corti.*

    ConsultationService(CortiClient corti) {
        this.corti = corti;
    }

    UUID open(String encounterId) {
        return corti.interactions().create(new InteractionsCreateRequest()
                .encounter(new InteractionsEncounterCreateRequest()
                        .identifier(encounterId)
                        .status(InteractionsEncounterStatusEnum.PLANNED)
                        .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION)))
                .getInteractionId();
    }
}
// README: end
