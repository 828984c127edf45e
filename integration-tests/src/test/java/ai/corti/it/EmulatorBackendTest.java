package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.model.CommonSortingDirectionEnum;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGenderEnum;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListSortEnum;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.InteractionsUpdateRequest;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.RecordedExchange;
import ai.corti.it.support.LeakCheck;
import ai.corti.client.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

/**
 * What only a stateful backend can show, through the SDK against the emulator: paging across real pages,
 * merge-PATCH, tenant isolation, and tokens expiring on the server's clock.
 */
@ExtendWith(LeakCheck.class)
class EmulatorBackendTest {

    private final MutableClock clock = new MutableClock();
    private CortiEmulator emulator;

    @BeforeEach
    void start() {
        emulator = CortiEmulator.builder().clock(clock).tokenLifetime(Duration.ofMinutes(5)).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static InteractionsCreateRequest create(String identifier, InteractionsEncounterStatusEnum status) {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier(identifier).status(status).type(InteractionsEncounterTypeEnum.OUTPATIENT));
    }

    private long tokenRequests() {
        return emulator.exchanges().stream().filter(e -> RecordedExchange.TOKEN.equals(e.operationId())).count();
    }

    @Test
    void pagedFluxAndPagedIterableWalkEveryPageAndStopAtTheEmptyOne() {
        try (CortiReactiveClient reactive = emulator.configure(CortiReactiveClient.builder()).build();
             CortiClient blocking = emulator.configure(CortiClient.builder()).build()) {
            IntStream.range(0, 12).forEach(i -> blocking.interactions().create(create("enc-" + i,
                    i % 3 == 0 ? InteractionsEncounterStatusEnum.COMPLETED : InteractionsEncounterStatusEnum.PLANNED)));
            ListInteractionsRequest planned = ListInteractionsRequest.builder()
                    .encounterStatus(InteractionsEncounterStatusEnum.PLANNED)
                    .sort(InteractionsListSortEnum.CREATED_AT).direction(CommonSortingDirectionEnum.ASC)
                    .pageSize(5).build();
            emulator.clearExchanges();

            StepVerifier.create(reactive.interactions().list(planned).byPage().map(p -> p.items().size()))
                    .expectNext(5, 3).expectComplete().verify(Duration.ofSeconds(5));
            List<InteractionsGetResponse> streamed = blocking.interactions().list(planned).stream().toList();

            assertThat(streamed).hasSize(8).extracting(i -> i.getEncounter().getStatus())
                    .containsOnly(InteractionsEncounterStatusEnum.PLANNED);
            // each pass: pages 1 and 2, then the empty page 3 that ends it
            assertThat(emulator.exchanges()).filteredOn(RecordedExchange::isApiCall).hasSize(6);
        }
    }

    @Test
    void mergePatchLeavesUnsetFieldsAndClearsExplicitNulls() {
        try (CortiClient client = emulator.configure(CortiClient.builder()).build()) {
            UUID id = client.interactions().create(create("enc-patch", InteractionsEncounterStatusEnum.PLANNED))
                    .getInteractionId();

            InteractionsGetResponse titled = client.interactions().update(id, new InteractionsUpdateRequest()
                    .encounter(new InteractionsEncounterUpdateRequest().title("Follow-up")));
            InteractionsGetResponse statusOnly = client.interactions().update(id, new InteractionsUpdateRequest()
                    .encounter(new InteractionsEncounterUpdateRequest().status(InteractionsEncounterStatusEnum.IN_PROGRESS)));
            InteractionsGetResponse cleared = client.interactions().update(id, new InteractionsUpdateRequest()
                    .encounter(new InteractionsEncounterUpdateRequest().title(null)));

            assertThat(titled.getEncounter().getTitle()).isEqualTo("Follow-up");
            assertThat(statusOnly.getEncounter().getTitle()).isEqualTo("Follow-up");
            assertThat(statusOnly.getEncounter().getStatus()).isEqualTo(InteractionsEncounterStatusEnum.IN_PROGRESS);
            assertThat(cleared.getEncounter().getTitle()).isNull();
            assertThat(cleared.getEncounter().getStatus()).isEqualTo(InteractionsEncounterStatusEnum.IN_PROGRESS);
            assertThat(cleared.getEncounter().getIdentifier()).isEqualTo("enc-patch");
        }
    }

    @Test
    void anExplicitNullGenderClearsItWhileTheRestOfThePatientStays() {
        try (CortiClient client = emulator.configure(CortiClient.builder()).build()) {
            UUID id = client.interactions().create(create("enc-gender", InteractionsEncounterStatusEnum.PLANNED)
                    .patient(new InteractionsPatient().identifier("p-9").name("Ada").gender(InteractionsGenderEnum.FEMALE)))
                    .getInteractionId();

            InteractionsGetResponse cleared = client.interactions().update(id, new InteractionsUpdateRequest()
                    .patient(new InteractionsPatient().identifier("p-9").gender(null)));

            assertThat(cleared.getPatient().getGender()).isNull();
            assertThat(cleared.getPatient().getName()).isEqualTo("Ada");
            assertThat(emulator.exchanges()).filteredOn(e -> "PATCH".equals(e.method())).singleElement()
                    .satisfies(e -> assertThat(e.requestBody()).contains("\"gender\":null"));
        }
    }

    @Test
    void tenantsNeverSeeEachOthersInteractions() {
        try (CortiClient tenantA = emulator.configure(CortiClient.builder(), "tenant-a").build();
             CortiClient tenantB = emulator.configure(CortiClient.builder(), "tenant-b").build()) {
            UUID ofA = tenantA.interactions().create(create("enc-a", InteractionsEncounterStatusEnum.PLANNED))
                    .getInteractionId();

            assertThat(tenantA.interactions().list().stream().map(InteractionsGetResponse::getId)).containsExactly(ofA);
            assertThat(tenantB.interactions().list().stream()).isEmpty();
            assertThat(catchThrowable(() -> tenantB.interactions().get(ofA))).isExactlyInstanceOf(NotFoundException.class);
            assertThat(catchThrowable(() -> tenantB.interactions().update(ofA, new InteractionsUpdateRequest())))
                    .isExactlyInstanceOf(NotFoundException.class);
            assertThat(emulator.interactionCount("tenant-a")).isEqualTo(1);
            assertThat(emulator.interactionCount("tenant-b")).isZero();
        }
    }

    @Test
    void tokensExpiringOnTheServerAreRefreshedAheadWithoutAFailedCall() {
        try (CortiClient client = emulator.configure(CortiClient.builder()).clock(clock).build()) {
            UUID id = client.interactions().create(create("enc-token", InteractionsEncounterStatusEnum.PLANNED))
                    .getInteractionId();

            for (int minute = 0; minute < 12; minute++) { // two token lifetimes and more
                clock.advance(Duration.ofMinutes(1));
                assertThat(client.interactions().get(id).getId()).isEqualTo(id);
            }

            assertThat(emulator.exchanges()).filteredOn(RecordedExchange::isApiCall)
                    .allSatisfy(e -> assertThat(e.status()).isLessThan(400));
            assertThat(tokenRequests()).isBetween(4L, 5L); // refreshed every 3 minutes of a 5-minute token
        }
    }

    @Test
    void aTokenTheServerNoLongerKnowsIsReplacedAfterOne401() {
        // The client's clock stands still, so it believes its token is fresh; the server's clock moves on.
        try (CortiClient client = emulator.configure(CortiClient.builder()).build()) {
            UUID id = client.interactions().create(create("enc-401", InteractionsEncounterStatusEnum.PLANNED))
                    .getInteractionId();
            clock.advance(Duration.ofMinutes(6));

            assertThat(client.interactions().get(id).getId()).isEqualTo(id);

            List<Integer> statuses = emulator.exchanges().stream().filter(RecordedExchange::isApiCall)
                    .map(RecordedExchange::status).toList();
            assertThat(statuses).containsExactly(201, 401, 200);
            assertThat(tokenRequests()).isEqualTo(2);
        }
    }
}
