package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.CommonSortingDirectionEnum;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterPeriod;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGenderEnum;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsListSortEnum;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.InteractionsUpdateRequest;
import ai.corti.it.support.Facade;
import ai.corti.it.support.InteractionsApi;
import ai.corti.it.support.LeakCheck;
import ai.corti.it.support.MockCorti;
import ai.corti.it.support.MockCortiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation through both facades against MockServer loaded with the SDK's own spec: MockServer
 * answers 404 to anything that does not match the spec, so success proves each request conforms.
 */
@ExtendWith(LeakCheck.class)
class ContractTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);
    @RegisterExtension
    static final MockCortiExtension MOCK = new MockCortiExtension();

    private static InteractionsApi connect(Facade facade) {
        return facade.connect(b -> b.tenantName("base").baseUrl(MOCK.mock().baseUrl()).tokenUrl(MOCK.mock().tokenUrl())
                .clientCredentials("contract-client", "contract-secret").maxRetries(0));
    }

    private static InteractionsCreateRequest minimalCreate(InteractionsEncounterStatusEnum status,
                                                           InteractionsEncounterTypeEnum type) {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier("enc-" + status + "-" + type).status(status).type(type));
    }

    private static InteractionsCreateRequest fullCreate(InteractionsGenderEnum gender) {
        return new InteractionsCreateRequest()
                .assignedUserId(UUID.randomUUID())
                .encounter(new InteractionsEncounterCreateRequest()
                        .identifier("enc-full")
                        .status(InteractionsEncounterStatusEnum.IN_PROGRESS)
                        .type(InteractionsEncounterTypeEnum.OUTPATIENT)
                        .period(new InteractionsEncounterPeriod().startedAt(T0).endedAt(T0.plusHours(1)))
                        .title("Full visit"))
                .patient(new InteractionsPatient()
                        .identifier("patient-1")
                        .name("Ada Lovelace")
                        .gender(gender)
                        .birthDate(T0.minusYears(40))
                        .pronouns("she/her"));
    }

    static Stream<Arguments> everyStatusAndType() {
        List<Arguments> cases = new ArrayList<>();
        for (Facade facade : Facade.values()) {
            for (InteractionsEncounterStatusEnum status : known(InteractionsEncounterStatusEnum.values())) {
                for (InteractionsEncounterTypeEnum type : known(InteractionsEncounterTypeEnum.values())) {
                    cases.add(Arguments.of(facade, status, type));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} create {1} {2}")
    @MethodSource("everyStatusAndType")
    void minimalCreateForEveryStatusAndType(Facade facade, InteractionsEncounterStatusEnum status,
                                            InteractionsEncounterTypeEnum type) {
        try (InteractionsApi api = connect(facade)) {
            InteractionsCreateResponse created = api.create(minimalCreate(status, type));

            assertThat(created.getInteractionId()).isNotNull();
            assertThat(MOCK.mock().count(request().withMethod("POST").withPath("/v2/interactions/"))).isEqualTo(1);
        }
    }

    static Stream<Arguments> everyGender() {
        return Arrays.stream(Facade.values()).flatMap(f -> known(InteractionsGenderEnum.values()).stream()
                .map(g -> Arguments.of(f, g)));
    }

    @ParameterizedTest(name = "{0} full create, gender {1}")
    @MethodSource("everyGender")
    void fullyPopulatedCreate(Facade facade, InteractionsGenderEnum gender) {
        try (InteractionsApi api = connect(facade)) {
            assertThat(api.create(fullCreate(gender)).getInteractionId()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void getByUuidAndByString(Facade facade) {
        try (InteractionsApi api = connect(facade)) {
            UUID id = UUID.randomUUID();
            InteractionsGetResponse byUuid = api.get(id);
            InteractionsGetResponse byString = api.get(id.toString());

            assertThat(byUuid.getId()).isNotNull();
            assertThat(byUuid.getEncounter().getStatus()).isNotNull();
            assertThat(byString.getId()).isNotNull();
            assertThat(MOCK.mock().count(request().withMethod("GET").withPath("/v2/interactions/" + id))).isEqualTo(2);
        }
    }

    static Stream<Arguments> everySortAndDirection() {
        List<Arguments> cases = new ArrayList<>();
        for (Facade facade : Facade.values()) {
            for (InteractionsListSortEnum sort : known(InteractionsListSortEnum.values())) {
                for (CommonSortingDirectionEnum direction : known(CommonSortingDirectionEnum.values())) {
                    cases.add(Arguments.of(facade, sort, direction));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} list sort {1} {2}")
    @MethodSource("everySortAndDirection")
    void listWithEveryFilterSortAndDirection(Facade facade, InteractionsListSortEnum sort,
                                             CommonSortingDirectionEnum direction) {
        try (InteractionsApi api = connect(facade)) {
            ListInteractionsRequest request = ListInteractionsRequest.builder()
                    .sort(sort)
                    .direction(direction)
                    .pageSize(25)
                    .index(2)
                    .encounterStatus(known(InteractionsEncounterStatusEnum.values())
                            .toArray(InteractionsEncounterStatusEnum[]::new))
                    .patient("patient-1")
                    .build();

            // MockServer answers every page with its example, so take one page's worth: one request.
            List<InteractionsGetResponse> page = api.list(request, 1);

            assertThat(page).hasSize(1);
            assertThat(MOCK.mock().count(request().withMethod("GET").withPath("/v2/interactions/")
                    .withQueryStringParameter("sort", sort.getValue())
                    .withQueryStringParameter("encounterStatus", "planned", "in-progress", "on-hold", "completed",
                            "cancelled", "deleted"))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void listWithoutParameters(Facade facade) {
        try (InteractionsApi api = connect(facade)) {
            assertThat(api.list(ListInteractionsRequest.all(), 1)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void minimalAndFullUpdates(Facade facade) {
        try (InteractionsApi api = connect(facade)) {
            UUID id = UUID.randomUUID();

            api.update(id, new InteractionsUpdateRequest());
            api.update(id, new InteractionsUpdateRequest()
                    .assignedUserId(UUID.randomUUID())
                    .encounter(new InteractionsEncounterUpdateRequest()
                            .identifier("enc-2")
                            .status(InteractionsEncounterStatusEnum.COMPLETED)
                            .type(InteractionsEncounterTypeEnum.INPATIENT)
                            .period(new InteractionsEncounterPeriod().startedAt(T0).endedAt(null))
                            .title(null))
                    .patient(new InteractionsPatient().identifier("patient-2").name(null).birthDate(null)
                            .pronouns(null).gender(InteractionsGenderEnum.OTHER)));

            assertThat(MOCK.mock().count(request().withMethod("PATCH").withPath("/v2/interactions/" + id))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void tokenIsFetchedWithoutTenantAndReusedAcrossCalls(Facade facade) {
        try (InteractionsApi api = connect(facade)) {
            api.get(UUID.randomUUID());
            api.get(UUID.randomUUID());

            assertThat(MOCK.mock().tokenRequests()).isEqualTo(1);
            assertThat(MOCK.mock().server().retrieveRecordedRequests(request().withPath(MockCorti.TOKEN_PATH))[0]
                    .containsHeader("Tenant-Name")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    @Timeout(30)
    void anExplicitNullGenderIsAcceptedOnCreateAndUpdate(Facade facade) throws Exception {
        try (InteractionsApi api = connect(facade)) {
            UUID id = UUID.randomUUID();

            assertThat(api.create(fullCreate(null)).getInteractionId()).isNotNull();
            api.update(id, new InteractionsUpdateRequest().patient(new InteractionsPatient().identifier("p-9").gender(null)));

            assertThat(sentGender(request().withMethod("POST").withPath("/v2/interactions/")).isNull()).isTrue();
            assertThat(sentGender(request().withMethod("PATCH").withPath("/v2/interactions/" + id)).isNull()).isTrue();
        }
    }

    /**
     * The SDK cannot send an unknown gender (it refuses one before sending), so this speaks HTTP directly: the
     * spec's nullable gender accepts null and the enum values, and nothing else.
     */
    @Test
    @Timeout(30)
    void theSpecStillRefusesAGenderOutsideItsEnum() throws Exception {
        String id = UUID.randomUUID().toString();
        String create = "{\"encounter\":{\"identifier\":\"e-1\",\"status\":\"planned\",\"type\":\"consultation\"},"
                + "\"patient\":{\"identifier\":\"p-1\",\"gender\":%s}}";
        String update = "{\"patient\":{\"identifier\":\"p-1\",\"gender\":%s}}";

        assertThat(send("POST", "/interactions/", create.formatted("null"))).isEqualTo(201);
        assertThat(send("POST", "/interactions/", create.formatted("\"female\""))).isEqualTo(201);
        assertThat(send("POST", "/interactions/", create.formatted("\"x\""))).isEqualTo(404);
        assertThat(send("PATCH", "/interactions/" + id, update.formatted("null"))).isEqualTo(200);
        assertThat(send("PATCH", "/interactions/" + id, update.formatted("\"x\""))).isEqualTo(404);
        assertThat(send("PATCH", "/interactions/" + id, update.formatted("1"))).isEqualTo(404);
    }

    /** The {@code patient.gender} of the one recorded request matching {@code match} (missing if absent). */
    private static JsonNode sentGender(org.mockserver.model.HttpRequest match) throws Exception {
        var recorded = MOCK.mock().server().retrieveRecordedRequests(match);
        assertThat(recorded).hasSize(1);
        return CortiJson.mapper().readTree(recorded[0].getBodyAsString()).at("/patient/gender");
    }

    /** Sends one JSON request to MockServer as a client would; MockServer answers 404 to what the spec refuses. */
    private static int send(String method, String path, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(MOCK.mock().baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer contract-token")
                .header("Tenant-Name", "base")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static <E extends Enum<E>> List<E> known(E[] values) {
        return Arrays.stream(values).filter(v -> !v.name().equals("UNKNOWN_DEFAULT_OPEN_API")).toList();
    }
}
