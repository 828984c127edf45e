package ai.corti.client.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterPeriod;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsPatient;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullable;

/** The generator saw the normalised document: these are the types the quirks used to break. */
class GeneratedModelsTest {

    @Test
    void uuidFieldsAreUuids() throws Exception {
        assertThat(InteractionsGetResponse.class.getMethod("getId").getReturnType()).isEqualTo(UUID.class);
        assertThat(InteractionsGetResponse.class.getMethod("getAssignedUserId").getReturnType()).isEqualTo(UUID.class);
        assertThat(InteractionsCreateResponse.class.getMethod("getInteractionId").getReturnType()).isEqualTo(UUID.class);
        assertThat(InteractionsCreateRequest.class.getMethod("getAssignedUserId").getReturnType()).isEqualTo(UUID.class);
    }

    @Test
    void datesAreOffsetDateTimes() throws Exception {
        assertThat(InteractionsGetResponse.class.getMethod("getCreatedAt").getReturnType()).isEqualTo(OffsetDateTime.class);
        assertThat(InteractionsEncounterPeriod.class.getMethod("getStartedAt").getReturnType()).isEqualTo(OffsetDateTime.class);
    }

    @Test
    void nullableFieldsAreJsonNullable() throws Exception {
        assertThat(InteractionsPatient.class.getMethod("getGender_JsonNullable").getReturnType()).isEqualTo(JsonNullable.class);
        assertThat(InteractionsPatient.class.getMethod("getBirthDate_JsonNullable").getReturnType()).isEqualTo(JsonNullable.class);
        assertThat(InteractionsEncounterPeriod.class.getMethod("getEndedAt_JsonNullable").getReturnType()).isEqualTo(JsonNullable.class);
    }
}
