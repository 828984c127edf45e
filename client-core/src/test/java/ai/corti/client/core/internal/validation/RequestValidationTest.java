package ai.corti.client.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.internal.operations.OperationSupport;
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

/**
 * Request bodies are checked against what the spec declares before anything is sent, naming the field (the generated
 * {@link RequestValidation}), and ids given as text must be UUIDs ({@link OperationSupport#uuid}).
 */
class RequestValidationTest {

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
        assertThatThrownBy(() -> RequestValidation.validate(request, "request", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aCompleteCreateRequestPasses() {
        assertThatCode(() -> RequestValidation.validate(validCreate(), "request", "")).doesNotThrowAnyException();
        assertThatCode(() -> RequestValidation.validate(create(r -> r.patient(null)), "request", ""))
                .as("patient is optional").doesNotThrowAnyException();
        assertThatCode(() -> RequestValidation.validate(create(r -> r.getEncounter().period(null)), "request", ""))
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
        assertThatThrownBy(() -> RequestValidation.validate(
                create(r -> r.getEncounter().status(InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API)), "request", ""))
                .hasMessageStartingWith("encounter.status must be one of the spec's values")
                .hasMessageContaining("UNKNOWN_DEFAULT_OPEN_API");
        assertThatThrownBy(() -> RequestValidation.validate(
                create(r -> r.getEncounter().type(InteractionsEncounterTypeEnum.UNKNOWN_DEFAULT_OPEN_API)), "request", ""))
                .hasMessageStartingWith("encounter.type must be one of the spec's values");
        assertThatThrownBy(() -> RequestValidation.validate(
                create(r -> r.getPatient().gender(InteractionsGenderEnum.UNKNOWN_DEFAULT_OPEN_API)), "request", ""))
                .hasMessageStartingWith("patient.gender must be one of the spec's values");
    }

    @Test
    void anUpdateMayOmitEverythingButWhatIsPresentMustBeValid() {
        assertThatCode(() -> RequestValidation.validate(new InteractionsUpdateRequest(), "request", ""))
                .doesNotThrowAnyException();
        assertThatCode(() -> RequestValidation.validate(new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().status(InteractionsEncounterStatusEnum.COMPLETED)), "request", ""))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> RequestValidation.validate((InteractionsUpdateRequest) null, "request", "")).hasMessage("request must not be null");
        assertThatThrownBy(() -> RequestValidation.validate(new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest()
                        .status(InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API)), "request", ""))
                .hasMessageStartingWith("encounter.status must be one of the spec's values");
        assertThatThrownBy(() -> RequestValidation.validate(new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest()
                        .type(InteractionsEncounterTypeEnum.UNKNOWN_DEFAULT_OPEN_API)), "request", ""))
                .hasMessageStartingWith("encounter.type must be one of the spec's values");
        assertThatThrownBy(() -> RequestValidation.validate(new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().period(new InteractionsEncounterPeriod())), "request", ""))
                .hasMessage("encounter.period.startedAt is required");
        assertThatThrownBy(() -> RequestValidation.validate(new InteractionsUpdateRequest()
                .patient(new InteractionsPatient()), "request", ""))
                .hasMessage("patient.identifier is required");
    }

    @Test
    void parseIdAcceptsCanonicalUuidsInEitherCase() {
        UUID id = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        assertThat(OperationSupport.uuid("f47ac10b-58cc-4372-a567-0e02b2c3d479", "id")).isEqualTo(id);
        assertThat(OperationSupport.uuid("F47AC10B-58CC-4372-A567-0E02B2C3D479", "id")).isEqualTo(id);
        assertThat(OperationSupport.uuid(" f47ac10b-58cc-4372-a567-0e02b2c3d479 ", "id")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "../x", "1-1-1-1-1", "", "f47ac10b58cc4372a5670e02b2c3d479",
            "f47ac10b-58cc-4372-a567-0e02b2c3d479/../../admin", "f47ac10b-58cc-4372-a567-0e02b2c3d47"})
    void parseIdRefusesAnythingElse(String id) {
        assertThatThrownBy(() -> OperationSupport.uuid(id, "id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("id must be a UUID");
    }

    @Test
    void parseIdKeepsControlCharactersOutOfItsMessage() {
        assertThatThrownBy(() -> OperationSupport.uuid("bad\r\nX-Injected: 1", "id"))
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> OperationSupport.uuid(null, "id")).hasMessage("id must not be null");
    }
}
