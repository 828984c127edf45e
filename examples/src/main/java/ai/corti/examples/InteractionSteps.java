package ai.corti.examples;

import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.paging.Page;
import ai.corti.client.model.CommonSortingDirectionEnum;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListSortEnum;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.InteractionsUpdateRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The interactions part: a dozen created with the reactive client, listed in pages both ways, one read and
 * PATCHed (an explicit {@code null} clears a field), and all of them deleted at the end.
 */
final class InteractionSteps {

    /** Stops the paged listing early: a real tenant may hold thousands of interactions. */
    private static final int MAX_PAGES = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final StepContext context;
    private final Report report;
    private List<InteractionsCreateResponse> dozen = List.of();

    /**
     * Creates the steps.
     *
     * @param context the clients and the report
     */
    InteractionSteps(StepContext context) {
        this.context = context;
        this.report = context.report();
    }

    /** Step: create twelve interactions with the reactive client, one after the other. */
    void createADozen() {
        report.heading("Create a dozen interactions (reactive: Flux.fromIterable(..).concatMap(interactions::create))");
        if (!context.mayWrite("it would create data")) {
            return;
        }
        List<InteractionsCreateRequest> requests = SampleData.interactions(context.prefix(), Instant.now());
        dozen = Flux.fromIterable(requests)
                .concatMap(request -> context.reactive().interactions().create(request))
                .doOnNext(created -> context.created().add(created.getInteractionId()))
                .collectList()
                .block(StepContext.WAIT);
        report.say("created " + dozen.size() + " interactions for " + SampleData.patients(context.prefix()).size()
                + " patients; first id " + dozen.get(0).getInteractionId());
    }

    /** Step: a filtered, sorted listing as a PagedFlux, page by page. */
    void listInPagesOfFive() {
        report.heading("List planned and in-progress interactions by patient, as a PagedFlux in pages of 5 (reactive)");
        ListInteractionsRequest request = ListInteractionsRequest.builder()
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.IN_PROGRESS)
                .sort(InteractionsListSortEnum.PATIENT)
                .direction(CommonSortingDirectionEnum.ASC)
                .pageSize(5)
                .build();
        // byPage() fetches page n+1 only when page n has been consumed; take(..) bounds a large real tenant.
        List<Page<InteractionsGetResponse>> pages = context.reactive().interactions().list(request).byPage()
                .take(MAX_PAGES)
                .collectList()
                .block(StepContext.WAIT);
        int total = 0;
        for (Page<InteractionsGetResponse> page : pages) {
            report.say("page " + page.index() + " (" + page.items().size() + " interactions)");
            report.table(table(page.items()));
            total += page.items().size();
        }
        report.say(total + " interactions in " + pages.size() + " page" + (pages.size() == 1 ? "" : "s")
                + (pages.size() == MAX_PAGES ? " (stopped after " + MAX_PAGES + " pages)" : ""));
    }

    /** Step: the blocking facade's lazy stream over every page. */
    void streamBlocking() {
        ListInteractionsRequest.Builder request = ListInteractionsRequest.builder().pageSize(5);
        if (context.write()) {
            String patient = SampleData.patients(context.prefix()).get(1).identifier();
            report.heading("Stream patient " + patient + "'s interactions, oldest first (blocking: list(..).stream())");
            request.patient(patient).sort(InteractionsListSortEnum.CREATED_AT).direction(CommonSortingDirectionEnum.ASC);
        } else {
            report.heading("Stream the 7 newest interactions (blocking: list(..).stream().limit(7), pages of 5)");
        }
        List<InteractionsGetResponse> streamed = context.blocking().interactions().list(request.build())
                .stream()
                .limit(7)
                .toList();
        report.table(table(streamed));
    }

    /** Step: get one interaction, then change its title and clear it with an explicit null. */
    void getThenPatch() {
        report.heading("Get one and PATCH it: change the title, then clear it with an explicit null (blocking)");
        Optional<UUID> one = dozen.isEmpty()
                ? context.blocking().interactions().list(ListInteractionsRequest.builder().pageSize(1).build())
                        .stream().findFirst().map(InteractionsGetResponse::getId)
                : Optional.of(dozen.get(1).getInteractionId());
        if (one.isEmpty()) {
            report.say("the tenant has no interactions to get");
            return;
        }
        UUID id = one.get();
        report.result("get(id)", describe(context.blocking().interactions().get(id)));
        if (!context.mayWrite("the PATCH would change data")) {
            return;
        }
        InteractionsUpdateRequest rename = new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().title("Follow-up: chest pain"));
        InteractionsGetResponse renamed = context.blocking().interactions().update(id, rename);
        report.result("update(id, rename)", "sent " + json(rename) + ": title is \""
                + renamed.getEncounter().getTitle() + "\"");

        InteractionsUpdateRequest clear = new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().title(null));
        InteractionsGetResponse cleared = context.blocking().interactions().update(id, clear);
        report.result("update(id, clear)", "sent " + json(clear) + ": title is "
                + (cleared.getEncounter().getTitle() == null
                ? "cleared" : "\"" + cleared.getEncounter().getTitle() + "\" (not cleared!)")
                + "; status, type and patient untouched: " + cleared.getEncounter().getStatus() + ", "
                + cleared.getEncounter().getType() + ", " + cleared.getPatient().getIdentifier());
        if (cleared.getEncounter().getTitle() != null) {
            throw new IllegalStateException("The explicit null did not clear the title");
        }
    }

    /** Step: delete what the walkthrough created, a few at a time (reactive). */
    void cleanUp() {
        report.heading("Clean up: delete every interaction the walkthrough created (reactive: flatMap(delete, 4))");
        if (!context.write()) {
            report.say("nothing to delete: nothing was created");
            return;
        }
        int deleted = context.created().deleteAll(context.reactive(), StepContext.WAIT);
        report.say("deleted " + deleted + " interaction" + (deleted == 1 ? "" : "s") + "; "
                + context.created().remaining().size() + " left");
    }

    private static String describe(InteractionsGetResponse interaction) {
        InteractionsPatient patient = interaction.getPatient();
        return interaction.getEncounter().getStatus() + " " + interaction.getEncounter().getType() + ", patient "
                + patient.getIdentifier() + (patient.getName() == null ? "" : " (" + patient.getName() + ")")
                + ", title \"" + interaction.getEncounter().getTitle() + "\"";
    }

    private static Table table(List<InteractionsGetResponse> interactions) {
        Table table = new Table("id", "status", "type", "patient", "title", "started (UTC)");
        for (InteractionsGetResponse interaction : interactions) {
            table.row(interaction.getId().toString().substring(0, 8),
                    String.valueOf(interaction.getEncounter().getStatus()),
                    String.valueOf(interaction.getEncounter().getType()),
                    interaction.getPatient() == null ? "" : interaction.getPatient().getIdentifier(),
                    interaction.getEncounter().getTitle() == null ? "" : interaction.getEncounter().getTitle(),
                    interaction.getEncounter().getPeriod() == null ? ""
                            : TIME.format(interaction.getEncounter().getPeriod().getStartedAt()));
        }
        return table;
    }

    private static String json(Object request) {
        try {
            return CortiJson.mapper().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
