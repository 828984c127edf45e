package ai.corti.client.core.internal.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterPeriod;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGenderEnum;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.InteractionsUpdateRequest;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests are checked against the spec's required fields before anything is sent, naming the field. */
class InteractionsValidatorTest {

    private static InteractionsCreateRequest validCreate() {
        return new InteractionsCreateRequest()
                .encounter(new InteractionsEncounterCreateRequest()
                        .identifier("enc-1")
                        .status(InteractionsEncounterStatusEnum.PLANNED)
                        .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION)
                        .period(new InteractionsEncounterPeriod().startedAt(OffsetDateTime.parse("2025-06-01T12:00:00Z"))))
                .patient(new InteractionsPatient().identifier("pat-1").gender(InteractionsGenderEnum.FEMALE));
    }

    private static InteractionsCreateRequest create(Consumer<InteractionsCreateRequest> change) {
        InteractionsCreateRequest request = validCreate();
        change.accept(request);
        return request;
    }

    private static void assertCreateRefused(InteractionsCreateRequest request, String message) {
        assertThatThrownBy(() -> InteractionsValidator.validateCreate(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aCompleteCreateRequestPasses() {
        assertThatCode(() -> InteractionsValidator.validateCreate(validCreate())).doesNotThrowAnyException();
        assertThatCode(() -> InteractionsValidator.validateCreate(create(r -> r.patient(null))))
                .as("patient is optional").doesNotThrowAnyException();
        assertThatCode(() -> InteractionsValidator.validateCreate(create(r -> r.getEncounter().period(null))))
                .as("period is optional").doesNotThrowAnyException();
    }

    @Test
    void createNeedsAnEncounterWithIdentifierStatusAndType() {
        assertCreateRefused(null, "request must not be null");
        assertCreateRefused(create(r -> r.encounter(null)), "encounter is required");
        assertCreateRefused(create(r -> r.getEncounter().identifier(null)), "encounter.identifier is required");
        assertCreateRefused(create(r -> r.getEncounter().identifier("  ")), "encounter.identifier is required");
        assertCreateRefused(create(r -> r.getEncounter().status(null)), "encounter.status is required");
        assertCreateRefused(create(r -> r.getEncounter().type(null)), "encounter.type is required");
    }

    @Test
    void aPatientNeedsAnIdentifier() {
        assertCreateRefused(create(r -> r.getPatient().identifier(null)), "patient.identifier is required");
        assertCreateRefused(create(r -> r.getPatient().identifier("")), "patient.identifier is required");
    }

    @Test
    void aPeriodNeedsStartedAt() {
        assertCreateRefused(create(r -> r.getEncounter().period(new InteractionsEncounterPeriod())),
                "encounter.period.startedAt is required");
    }

    @Test
    void theUnknownEnumMarkerIsRefused() {
        assertThatThrownBy(() -> InteractionsValidator.validateCreate(
                create(r -> r.getEncounter().status(InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API))))
                .hasMessageStartingWith("encounter.status must be one of the spec's values")
                .hasMessageContaining("UNKNOWN_DEFAULT_OPEN_API");
        assertThatThrownBy(() -> InteractionsValidator.validateCreate(
                create(r -> r.getEncounter().type(InteractionsEncounterTypeEnum.UNKNOWN_DEFAULT_OPEN_API))))
                .hasMessageStartingWith("encounter.type must be one of the spec's values");
        assertThatThrownBy(() -> InteractionsValidator.validateCreate(
                create(r -> r.getPatient().gender(InteractionsGenderEnum.UNKNOWN_DEFAULT_OPEN_API))))
                .hasMessageStartingWith("patient.gender must be one of the spec's values");
    }

    @Test
    void anUpdateMayOmitEverythingButWhatIsPresentMustBeValid() {
        assertThatCode(() -> InteractionsValidator.validateUpdate(new InteractionsUpdateRequest()))
                .doesNotThrowAnyException();
        assertThatCode(() -> InteractionsValidator.validateUpdate(new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().status(InteractionsEncounterStatusEnum.COMPLETED))))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> InteractionsValidator.validateUpdate(null)).hasMessage("request must not be null");
        assertThatThrownBy(() -> InteractionsValidator.validateUpdate(new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest()
                        .status(InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API))))
                .hasMessageStartingWith("encounter.status must be one of the spec's values");
        assertThatThrownBy(() -> InteractionsValidator.validateUpdate(new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest()
                        .type(InteractionsEncounterTypeEnum.UNKNOWN_DEFAULT_OPEN_API))))
                .hasMessageStartingWith("encounter.type must be one of the spec's values");
        assertThatThrownBy(() -> InteractionsValidator.validateUpdate(new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().period(new InteractionsEncounterPeriod()))))
                .hasMessage("encounter.period.startedAt is required");
        assertThatThrownBy(() -> InteractionsValidator.validateUpdate(new InteractionsUpdateRequest()
                .patient(new InteractionsPatient())))
                .hasMessage("patient.identifier is required");
    }

    @Test
    void parseIdAcceptsCanonicalUuidsInEitherCase() {
        UUID id = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        assertThat(InteractionsValidator.parseId("f47ac10b-58cc-4372-a567-0e02b2c3d479")).isEqualTo(id);
        assertThat(InteractionsValidator.parseId("F47AC10B-58CC-4372-A567-0E02B2C3D479")).isEqualTo(id);
        assertThat(InteractionsValidator.parseId(" f47ac10b-58cc-4372-a567-0e02b2c3d479 ")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "../x", "1-1-1-1-1", "", "f47ac10b58cc4372a5670e02b2c3d479",
            "f47ac10b-58cc-4372-a567-0e02b2c3d479/../../admin", "f47ac10b-58cc-4372-a567-0e02b2c3d47"})
    void parseIdRefusesAnythingElse(String id) {
        assertThatThrownBy(() -> InteractionsValidator.parseId(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("id must be a UUID");
    }

    @Test
    void parseIdKeepsControlCharactersOutOfItsMessage() {
        assertThatThrownBy(() -> InteractionsValidator.parseId("bad\r\nX-Injected: 1"))
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> InteractionsValidator.parseId(null)).hasMessage("id must not be null");
    }
}
