package ai.corti.client.core.internal.interactions;

import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterPeriod;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGenderEnum;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.InteractionsUpdateRequest;
import java.util.UUID;

/**
 * Checks requests against the spec's required fields before anything is sent, so a bad request fails
 * with a message naming the field instead of a 400 from the server. Also refuses the generated
 * {@code UNKNOWN_DEFAULT_OPEN_API} enum marker, which only exists to read unknown server values.
 */
public final class InteractionsValidator {

    private InteractionsValidator() {
    }

    /**
     * Validates a create request.
     *
     * @param request the request
     * @throws IllegalArgumentException naming the first missing or invalid field
     */
    public static void validateCreate(InteractionsCreateRequest request) {
        require(request != null, "request must not be null");
        InteractionsEncounterCreateRequest encounter = request.getEncounter();
        require(encounter != null, "encounter is required");
        require(hasText(encounter.getIdentifier()), "encounter.identifier is required");
        require(encounter.getStatus() != null, "encounter.status is required");
        require(encounter.getType() != null, "encounter.type is required");
        status(encounter.getStatus(), "encounter.status");
        type(encounter.getType(), "encounter.type");
        period(encounter.getPeriod(), "encounter.period");
        patient(request.getPatient(), "patient");
    }

    /**
     * Validates an update (PATCH) request: every field is optional, but what is present must be valid.
     *
     * @param request the request
     * @throws IllegalArgumentException naming the first invalid field
     */
    public static void validateUpdate(InteractionsUpdateRequest request) {
        require(request != null, "request must not be null");
        InteractionsEncounterUpdateRequest encounter = request.getEncounter();
        if (encounter != null) {
            status(encounter.getStatus(), "encounter.status");
            type(encounter.getType(), "encounter.type");
            period(encounter.getPeriod(), "encounter.period");
        }
        patient(request.getPatient(), "patient");
    }

    /**
     * Parses an interaction id, refusing anything but a UUID: an unvalidated id would be put in the
     * request path (the official SDKs send {@code not-a-uuid} to the server).
     *
     * @param id the id as text
     * @return the id
     * @throws IllegalArgumentException when it is not a UUID
     */
    public static UUID parseId(String id) {
        require(id != null, "id must not be null");
        try {
            UUID parsed = UUID.fromString(id.trim());
            // UUID.fromString accepts short groups ("1-1-1-1-1"); insist on the canonical form.
            if (parsed.toString().equalsIgnoreCase(id.trim())) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the SDK's message
        }
        throw new IllegalArgumentException("id must be a UUID (e.g. f47ac10b-58cc-4372-a567-0e02b2c3d479), was '"
                + printable(id) + "'");
    }

    private static void period(InteractionsEncounterPeriod period, String name) {
        if (period != null) {
            require(period.getStartedAt() != null, name + ".startedAt is required");
        }
    }

    private static void patient(InteractionsPatient patient, String name) {
        if (patient != null) {
            require(hasText(patient.getIdentifier()), name + ".identifier is required");
            InteractionsGenderEnum gender = patient.getGender();
            require(gender != InteractionsGenderEnum.UNKNOWN_DEFAULT_OPEN_API, name + ".gender must be one of "
                    + "the spec's values, not UNKNOWN_DEFAULT_OPEN_API");
        }
    }

    private static void status(InteractionsEncounterStatusEnum status, String name) {
        require(status != InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API,
                name + " must be one of the spec's values, not UNKNOWN_DEFAULT_OPEN_API");
    }

    private static void type(InteractionsEncounterTypeEnum type, String name) {
        require(type != InteractionsEncounterTypeEnum.UNKNOWN_DEFAULT_OPEN_API,
                name + " must be one of the spec's values, not UNKNOWN_DEFAULT_OPEN_API");
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
