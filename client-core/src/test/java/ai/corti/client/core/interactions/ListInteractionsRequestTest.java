package ai.corti.client.core.interactions;

import ai.corti.client.core.internal.operations.InteractionsOperations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.model.CommonSortingDirectionEnum;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsListSortEnum;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing parameters: validated when set, sent in a stable order, unset ones left out. */
class ListInteractionsRequestTest {

    @Test
    void anEmptyRequestSendsNothingOnTheFirstPageAndOnlyTheIndexAfter() {
        ListInteractionsRequest all = ListInteractionsRequest.all();
        assertThat(all.toQuery(1)).isEmpty();
        assertThat(all.toQuery(2)).containsExactly(Map.entry("index", "2"));
        assertThat(all.sort()).isEmpty();
        assertThat(all.direction()).isEmpty();
        assertThat(all.pageSize()).isEmpty();
        assertThat(all.index()).isEmpty();
        assertThat(all.encounterStatus()).isEmpty();
        assertThat(all.patient()).isEmpty();
    }

    @Test
    void everyParameterInAStableOrderWithRepeatedStatusKeys() {
        ListInteractionsRequest request = ListInteractionsRequest.builder()
                .patient("pat-1")
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.IN_PROGRESS)
                .pageSize(50)
                .direction(CommonSortingDirectionEnum.ASC)
                .sort(InteractionsListSortEnum.UPDATED_AT)
                .build();

        assertThat(request.toQuery(1)).containsExactly(
                Map.entry("sort", "updatedAt"),
                Map.entry("direction", "asc"),
                Map.entry("pageSize", "50"),
                Map.entry("encounterStatus", "planned"),
                Map.entry("encounterStatus", "in-progress"),
                Map.entry("patient", "pat-1"));
        assertThat(request.toQuery(3)).containsExactly(
                Map.entry("sort", "updatedAt"),
                Map.entry("direction", "asc"),
                Map.entry("pageSize", "50"),
                Map.entry("index", "3"),
                Map.entry("encounterStatus", "planned"),
                Map.entry("encounterStatus", "in-progress"),
                Map.entry("patient", "pat-1"));
    }

    @Test
    void anExplicitFirstIndexIsAlwaysSent() {
        ListInteractionsRequest fromOne = ListInteractionsRequest.builder().index(1).build();
        assertThat(fromOne.index()).hasValue(1);
        assertThat(fromOne.toQuery(1)).containsExactly(Map.entry("index", "1"));
        assertThat(InteractionsOperations.firstIndex(ListInteractionsRequest.builder().index(4).build())).isEqualTo(4);
        assertThat(InteractionsOperations.firstIndex(ListInteractionsRequest.all())).isEqualTo(1);
    }

    @Test
    void encounterStatusAccumulatesAcrossCalls() {
        ListInteractionsRequest request = ListInteractionsRequest.builder()
                .encounterStatus(InteractionsEncounterStatusEnum.COMPLETED)
                .encounterStatus(InteractionsEncounterStatusEnum.CANCELLED)
                .build();
        assertThat(request.encounterStatus()).containsExactly(InteractionsEncounterStatusEnum.COMPLETED,
                InteractionsEncounterStatusEnum.CANCELLED);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void pageSizeAndIndexMustBePositive(long value) {
        assertThatThrownBy(() -> ListInteractionsRequest.builder().pageSize(value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize must be greater than 0");
        assertThatThrownBy(() -> ListInteractionsRequest.builder().index(value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index must be greater than 0");
    }

    @Test
    void theUnknownEnumMarkerAndNullsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ListInteractionsRequest.builder().sort(InteractionsListSortEnum.UNKNOWN_DEFAULT_OPEN_API))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sort must be one of the spec's values");
        assertThatThrownBy(() -> ListInteractionsRequest.builder()
                .direction(CommonSortingDirectionEnum.UNKNOWN_DEFAULT_OPEN_API))
                .hasMessageStartingWith("direction must be one of the spec's values");
        assertThatThrownBy(() -> ListInteractionsRequest.builder()
                .encounterStatus(InteractionsEncounterStatusEnum.PLANNED,
                        InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API))
                .hasMessageStartingWith("encounterStatus must be one of the spec's values");
        assertThatThrownBy(() -> ListInteractionsRequest.builder().sort(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sort");
        assertThatThrownBy(() -> ListInteractionsRequest.builder().patient(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patient");
    }

    @Test
    void toStringHidesThePatient() {
        assertThat(ListInteractionsRequest.builder().patient("Jane Doe 1970-01-01").build().toString())
                .doesNotContain("Jane").contains("patient=***");
    }
}
