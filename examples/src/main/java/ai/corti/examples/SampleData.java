package ai.corti.examples;

import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterPeriod;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsGenderEnum;
import ai.corti.client.model.InteractionsPatient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The dozen interactions the walkthrough creates: four patients, every status but deleted, every type.
 * Against the real API every identifier carries a per-run prefix, so they never mix with real patients.
 */
final class SampleData {

    private static final InteractionsEncounterStatusEnum[] STATUSES = {
        InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.IN_PROGRESS,
        InteractionsEncounterStatusEnum.COMPLETED, InteractionsEncounterStatusEnum.PLANNED,
        InteractionsEncounterStatusEnum.IN_PROGRESS, InteractionsEncounterStatusEnum.ON_HOLD,
        InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.COMPLETED,
        InteractionsEncounterStatusEnum.IN_PROGRESS, InteractionsEncounterStatusEnum.CANCELLED,
        InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.COMPLETED};
    private static final InteractionsEncounterTypeEnum[] TYPES = {
        InteractionsEncounterTypeEnum.FIRST_CONSULTATION, InteractionsEncounterTypeEnum.CONSULTATION,
        InteractionsEncounterTypeEnum.EMERGENCY, InteractionsEncounterTypeEnum.INPATIENT,
        InteractionsEncounterTypeEnum.OUTPATIENT};
    private static final String[] TITLES = {"Knee pain", "Chest pain", "Annual check-up", "Migraine", "Asthma review",
        "Back pain", "Vaccination", "Diabetes review", "Wrist fracture", "Skin rash", "Blood pressure", "Post-op review"};

    private SampleData() {
    }

    /** One sample patient. */
    record Patient(String identifier, String name, InteractionsGenderEnum gender, OffsetDateTime birthDate) {
        InteractionsPatient toModel() {
            InteractionsPatient patient = new InteractionsPatient().identifier(identifier);
            if (name != null) {
                patient.name(name).gender(gender).birthDate(birthDate);
            }
            return patient;
        }
    }

    /**
     * The four patients.
     *
     * @param prefix put before each identifier ({@code ""} against the emulator)
     */
    static List<Patient> patients(String prefix) {
        return List.of(
                new Patient(prefix + "P-1001", "Ada Lovelace", InteractionsGenderEnum.FEMALE, date(1815, 12, 10)),
                new Patient(prefix + "P-1002", "Alan Turing", InteractionsGenderEnum.MALE, date(1912, 6, 23)),
                new Patient(prefix + "P-1003", "Grace Hopper", InteractionsGenderEnum.FEMALE, date(1906, 12, 9)),
                new Patient(prefix + "P-1004", null, null, null));
    }

    /**
     * The twelve create requests, in creation order.
     *
     * @param prefix put before every identifier
     * @param now    the time the encounters are placed before
     */
    static List<InteractionsCreateRequest> interactions(String prefix, Instant now) {
        List<Patient> patients = patients(prefix);
        List<InteractionsCreateRequest> requests = new ArrayList<>();
        for (int i = 0; i < STATUSES.length; i++) {
            Instant start = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(STATUSES.length - i));
            InteractionsEncounterPeriod period = new InteractionsEncounterPeriod()
                    .startedAt(start.atOffset(ZoneOffset.UTC));
            if (STATUSES[i] == InteractionsEncounterStatusEnum.COMPLETED) {
                period.endedAt(start.plus(Duration.ofMinutes(25)).atOffset(ZoneOffset.UTC));
            }
            requests.add(new InteractionsCreateRequest()
                    .encounter(new InteractionsEncounterCreateRequest()
                            .identifier(String.format("%senc-%02d", prefix, i + 1))
                            .status(STATUSES[i])
                            .type(TYPES[i % TYPES.length])
                            .period(period)
                            .title(TITLES[i]))
                    .patient(patients.get(i % patients.size()).toModel()));
        }
        return requests;
    }

    private static OffsetDateTime date(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 0, 0, 0, 0, ZoneOffset.UTC);
    }
}
