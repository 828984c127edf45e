package ai.corti.client.reactive;

import ai.corti.client.core.CortiEnvironment;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsUpdateRequest;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Reactor snippets of the README, kept compiling by the build; {@code ReadmeExamplesTest} runs
 * {@link #fourOperations(CortiReactiveClient)} against a local server. Keep the two in step.
 */
final class ReadmeExamples {

    private ReadmeExamples() {
    }

    // README: reactive client
    static CortiReactiveClient newClient(String clientId, String clientSecret) {
        return CortiReactiveClient.builder()
                .tenantName("base")
                .environment(CortiEnvironment.EU)
                .clientCredentials(clientId, clientSecret)
                .build();
    }

    // README: reactive usage
    static Mono<Void> fourOperations(CortiReactiveClient client) {
        ReactiveInteractionsClient interactions = client.interactions();

        Mono<InteractionsGetResponse> createThenGet = interactions.create(new InteractionsCreateRequest()
                        .encounter(new InteractionsEncounterCreateRequest()
                                .identifier("encounter-42")
                                .status(InteractionsEncounterStatusEnum.PLANNED)
                                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION)))
                .flatMap(created -> interactions.get(created.getInteractionId()));

        Flux<InteractionsGetResponse> planned = interactions.list(ListInteractionsRequest.builder()
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED)
                .pageSize(50)
                .build());

        return createThenGet
                .flatMap(one -> interactions.update(one.getId(), new InteractionsUpdateRequest()
                        .encounter(new InteractionsEncounterUpdateRequest().title(null))))   // clears the title
                .thenMany(planned.take(10).doOnNext(i -> System.out.println(i.getId())))
                .then(interactions.get(UUID.randomUUID())
                        .onErrorResume(NotFoundException.class, e -> Mono.empty()))
                .then();
    }
}
