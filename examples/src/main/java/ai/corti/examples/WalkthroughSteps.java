package ai.corti.examples;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.error.BadRequestException;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.paging.Page;
import ai.corti.client.model.CommonSortingDirectionEnum;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListSortEnum;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.InteractionsUpdateRequest;
import ai.corti.client.reactive.CortiReactiveClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The walkthrough's steps, each a few SDK calls and a short report: both facades, paging both ways, a
 * merge-PATCH, and typed errors. Writing steps run only when allowed (always against the emulator, with
 * {@code --write} against the real API).
 */
final class WalkthroughSteps {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final String INDENT = "   ";
    private static final int LABEL_WIDTH = 24;

    private final CortiClient blocking;
    private final CortiReactiveClient reactive;
    private final PrintStream out;
    private final boolean write;
    private final String prefix;
    private List<InteractionsCreateResponse> created = List.of();
    private int step;

    /**
     * Creates the steps.
     *
     * @param blocking the blocking client
     * @param reactive the reactive client
     * @param out      where the report goes
     * @param write    whether the steps that create and change data run
     * @param prefix   put before every identifier the walkthrough creates
     */
    WalkthroughSteps(CortiClient blocking, CortiReactiveClient reactive, PrintStream out, boolean write, String prefix) {
        this.blocking = blocking;
        this.reactive = reactive;
        this.out = out;
        this.write = write;
        this.prefix = prefix;
    }

    /** Runs every step in order. */
    void runAll() {
        createADozen();
        listInPagesOfFive();
        streamBlocking();
        Optional<UUID> one = getOne();
        one.ifPresent(this::patchTitleThenClearIt);
        typedErrors();
    }

    /** Step: create twelve interactions with the reactive client, one after the other. */
    void createADozen() {
        heading("Create a dozen interactions (reactive: Flux.fromIterable(..).concatMap(interactions::create))");
        if (skipped()) {
            return;
        }
        List<InteractionsCreateRequest> requests = SampleData.interactions(prefix, Instant.now());
        created = Flux.fromIterable(requests)
                .concatMap(request -> reactive.interactions().create(request))
                .collectList()
                .block(WAIT);
        say("created " + created.size() + " interactions for " + SampleData.patients(prefix).size()
                + " patients; first id " + created.get(0).getInteractionId());
    }

    /** Step: a filtered, sorted listing as a PagedFlux, page by page. */
    void listInPagesOfFive() {
        heading("List planned and in-progress interactions by patient, as a PagedFlux in pages of 5 (reactive)");
        ListInteractionsRequest request = ListInteractionsRequest.builder()
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.IN_PROGRESS)
                .sort(InteractionsListSortEnum.PATIENT)
                .direction(CommonSortingDirectionEnum.ASC)
                .pageSize(5)
                .build();
        // byPage() fetches page n+1 only when page n has been consumed; take(3) bounds a large real tenant.
        List<Page<InteractionsGetResponse>> pages = reactive.interactions().list(request).byPage()
                .take(3)
                .collectList()
                .block(WAIT);
        int total = 0;
        for (Page<InteractionsGetResponse> page : pages) {
            say("page " + page.index() + " (" + page.items().size() + " interactions)");
            table(page.items()).print(out, INDENT);
            total += page.items().size();
        }
        say(total + " interactions in " + pages.size() + " page" + (pages.size() == 1 ? "" : "s")
                + (pages.size() == 3 ? " (stopped after 3 pages)" : ""));
    }

    /** Step: the blocking facade's lazy stream over every page. */
    void streamBlocking() {
        if (write) {
            String patient = SampleData.patients(prefix).get(1).identifier();
            heading("Stream patient " + patient + "'s interactions, oldest first (blocking: list(..).stream())");
            List<InteractionsGetResponse> streamed = blocking.interactions().list(ListInteractionsRequest.builder()
                            .patient(patient)
                            .sort(InteractionsListSortEnum.CREATED_AT)
                            .direction(CommonSortingDirectionEnum.ASC)
                            .pageSize(5)
                            .build())
                    .stream()
                    .toList();
            table(streamed).print(out, INDENT);
        } else {
            heading("Stream the 7 newest interactions (blocking: list(..).stream().limit(7), pages of 5)");
            List<InteractionsGetResponse> streamed = blocking.interactions()
                    .list(ListInteractionsRequest.builder().pageSize(5).build())
                    .stream()
                    .limit(7)
                    .toList();
            table(streamed).print(out, INDENT);
        }
    }

    /** Step: get one interaction by id. */
    Optional<UUID> getOne() {
        heading("Get one interaction (blocking: interactions().get(id))");
        UUID id;
        if (!created.isEmpty()) {
            id = created.get(1).getInteractionId();
        } else {
            Optional<InteractionsGetResponse> first = blocking.interactions()
                    .list(ListInteractionsRequest.builder().pageSize(1).build()).stream().findFirst();
            if (first.isEmpty()) {
                say("the tenant has no interactions to get");
                return Optional.empty();
            }
            id = first.get().getId();
        }
        InteractionsGetResponse interaction = blocking.interactions().get(id);
        say(describe(interaction));
        return Optional.of(id);
    }

    /** Step: change the title, then clear it with an explicit null. */
    void patchTitleThenClearIt(UUID id) {
        heading("Update it with PATCH: change the title, then clear it with an explicit null (blocking)");
        if (skipped()) {
            return;
        }
        InteractionsUpdateRequest rename = new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().title("Follow-up: chest pain"));
        InteractionsGetResponse renamed = blocking.interactions().update(id, rename);
        say("sent " + json(rename) + " -> title is \"" + renamed.getEncounter().getTitle() + "\"");

        InteractionsUpdateRequest clear = new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().title(null));
        InteractionsGetResponse cleared = blocking.interactions().update(id, clear);
        say("sent " + json(clear) + "   -> title is " + (cleared.getEncounter().getTitle() == null
                ? "cleared" : "\"" + cleared.getEncounter().getTitle() + "\" (not cleared!)")
                + "; status, type and patient untouched: " + cleared.getEncounter().getStatus() + ", "
                + cleared.getEncounter().getType() + ", " + cleared.getPatient().getIdentifier());
        if (cleared.getEncounter().getTitle() != null) {
            throw new IllegalStateException("The explicit null did not clear the title");
        }
    }

    /** Step: a 404, a request the SDK refuses before sending, and a 400 from the server. */
    void typedErrors() {
        heading("Errors are typed exceptions");
        UUID unknown = UUID.randomUUID();
        try {
            blocking.interactions().get(unknown);
            say("get(" + unknown + ") unexpectedly found something");
        } catch (NotFoundException e) {
            result("get(random id)", summary(e));
        }

        try {
            blocking.interactions().get("not-a-uuid");
        } catch (IllegalArgumentException e) {
            result("get(\"not-a-uuid\")", "IllegalArgumentException, nothing sent: " + e.getMessage());
        }

        if (!write) {
            result("create(birth year 19850)", "skipped: it would create data (add --write)");
            return;
        }
        // The SDK checks what it can before sending: required fields, enum values, UUIDs. It cannot know that
        // a date-time must have a four-digit year (RFC 3339), so this typo reaches the server, which refuses it.
        InteractionsCreateRequest typo = new InteractionsCreateRequest()
                .encounter(new InteractionsEncounterCreateRequest()
                        .identifier(prefix + "enc-typo")
                        .status(InteractionsEncounterStatusEnum.PLANNED)
                        .type(InteractionsEncounterTypeEnum.CONSULTATION))
                .patient(new InteractionsPatient()
                        .identifier(prefix + "P-1005")
                        .birthDate(OffsetDateTime.of(19850, 3, 14, 0, 0, 0, 0, ZoneOffset.UTC)));
        try {
            InteractionsCreateResponse accepted = blocking.interactions().create(typo);
            result("create(birth year 19850)", "accepted by the API as " + accepted.getInteractionId());
        } catch (BadRequestException e) {
            result("create(birth year 19850)", summary(e));
            for (Map<String, String> error : e.validationErrors()) {
                error.forEach((field, message) -> say(" ".repeat(LABEL_WIDTH + 4) + field + ": " + message));
            }
        }
    }

    private boolean skipped() {
        if (!write) {
            say("skipped: it would change data in the real tenant (add --write)");
        }
        return !write;
    }

    private static String summary(CortiApiException e) {
        return e.getClass().getSimpleName() + " " + e.statusCode() + ": "
                + e.problem().map(problem -> problem.detail()).orElse(e.rawBody())
                + e.requestId().map(id -> " (requestId " + id + ")").orElse("");
    }

    private static String describe(InteractionsGetResponse interaction) {
        InteractionsPatient patient = interaction.getPatient();
        return interaction.getId() + ": " + interaction.getEncounter().getStatus() + " "
                + interaction.getEncounter().getType() + ", patient " + patient.getIdentifier()
                + (patient.getName() == null ? "" : " (" + patient.getName() + ")")
                + ", title \"" + interaction.getEncounter().getTitle() + "\", created "
                + TIME.format(interaction.getCreatedAt());
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

    private void heading(String text) {
        out.println();
        out.println(++step + ". " + text);
    }

    private void say(String text) {
        out.println(INDENT + text);
    }

    private void result(String label, String text) {
        say(String.format("%-" + LABEL_WIDTH + "s -> %s", label, text));
    }
}
