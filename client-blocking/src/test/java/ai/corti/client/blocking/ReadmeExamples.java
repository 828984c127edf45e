package ai.corti.client.blocking;

import ai.corti.client.core.CortiEnvironment;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListSortEnum;
import ai.corti.client.model.InteractionsUpdateRequest;
import java.util.UUID;

/**
 * The blocking snippets of the README, kept compiling by the build; {@code ReadmeExamplesTest} runs
 * {@link #fourOperations(CortiClient)} against a local server. Keep the two in step.
 */
final class ReadmeExamples {

    private ReadmeExamples() {
    }

    // README: blocking client
    static CortiClient newClient(String clientId, String clientSecret) {
        return CortiClient.builder()
                .tenantName("base")
                .environment(CortiEnvironment.EU)
                .clientCredentials(clientId, clientSecret)
                .build();
    }

    // README: blocking usage
    static void fourOperations(CortiClient client) {
        InteractionsClient interactions = client.interactions();

        InteractionsCreateResponse created = interactions.create(new InteractionsCreateRequest()
                .encounter(new InteractionsEncounterCreateRequest()
                        .identifier("encounter-42")
                        .status(InteractionsEncounterStatusEnum.PLANNED)
                        .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION)));

        InteractionsGetResponse one = interactions.get(created.getInteractionId());

        for (InteractionsGetResponse interaction : interactions.list(ListInteractionsRequest.builder()
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED)
                .sort(InteractionsListSortEnum.CREATED_AT)
                .pageSize(50)
                .build())) {
            System.out.println(interaction.getId() + " " + interaction.getEncounter().getTitle());
        }

        // PATCH: unset fields stay untouched; an explicit null clears a nullable field
        interactions.update(one.getId(), new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().title("Follow-up")));
        interactions.update(one.getId(), new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().title(null)));

        try {
            interactions.get(UUID.randomUUID());
        } catch (NotFoundException e) {
            System.out.println("not found, request " + e.requestId().orElse("-"));
        }
    }
}
