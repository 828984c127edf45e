package ai.corti.emulator;

import java.util.List;
import java.util.Optional;

/**
 * The small, fixed table {@code codes_predict} predicts from: a handful of ICD-10 codes (and one CPT code), each
 * with the words that point to it. A strong cue ("sore throat") makes a predicted code, a weak one ("throat") only
 * a candidate. ICD-10-CM systems get the CM codes, the international and UK systems the ICD-10 codes (shorter where
 * CM adds a digit), {@code cpt} the CPT code; the other systems have no entries, so they predict nothing.
 */
final class CodeTable {

    /**
     * A code in the two ICD-10 flavours (or CPT).
     *
     * @param cm      the ICD-10-CM code (or the CPT code)
     * @param who     the ICD-10 (WHO, UK) code, or {@code null} when the entry is CPT only
     * @param display its description
     */
    record Code(String cm, String who, String display) {
    }

    /**
     * An entry.
     *
     * @param code         the code
     * @param cpt          whether it is a CPT code (else ICD-10)
     * @param strong       lower-case phrases that predict it
     * @param weak         lower-case phrases that make it a candidate
     * @param alternatives codes also considered
     */
    record Entry(Code code, boolean cpt, List<String> strong, List<String> weak, List<Code> alternatives) {

        /** The entry's code in a coding system, or empty when the system has none for it. */
        Optional<String> codeIn(String system) {
            return in(code, system);
        }

        /** A code in a system. */
        Optional<String> in(Code code, String system) {
            if (system.equals("cpt")) {
                return cpt ? Optional.of(code.cm()) : Optional.empty();
            }
            if (cpt) {
                return Optional.empty();
            }
            if (system.startsWith("icd10cm-")) {
                return Optional.of(code.cm());
            }
            if (system.startsWith("icd10int-") || system.startsWith("icd10uk-")) {
                return Optional.ofNullable(code.who());
            }
            return Optional.empty();
        }
    }

    static final List<Entry> ENTRIES = List.of(
            icd("J02.9", "J02.9", "Acute pharyngitis, unspecified", List.of("sore throat", "pharyngitis"),
                    List.of("throat"), new Code("J02.0", "J02.0", "Streptococcal pharyngitis"),
                    new Code("J03.90", "J03.9", "Acute tonsillitis, unspecified")),
            icd("R50.9", "R50.9", "Fever, unspecified", List.of("fever"), List.of("temperature"),
                    new Code("R50.81", "R50.8", "Fever presenting with conditions classified elsewhere")),
            icd("E11.9", "E11.9", "Type 2 diabetes mellitus without complications", List.of("type 2 diabetes"),
                    List.of("diabetes", "blood sugar"),
                    new Code("E11.65", "E11.8", "Type 2 diabetes mellitus with hyperglycemia")),
            icd("I10", "I10", "Essential (primary) hypertension", List.of("hypertension", "high blood pressure"),
                    List.of("blood pressure"), new Code("I15.9", "I15.9", "Secondary hypertension, unspecified")),
            icd("M54.50", "M54.5", "Low back pain, unspecified", List.of("low back pain", "lower back pain"),
                    List.of("back pain", "lumbar"), new Code("M54.59", "M54.4", "Other low back pain")),
            icd("R05.9", "R05", "Cough, unspecified", List.of("cough"), List.of(),
                    new Code("R05.1", "R05", "Acute cough")),
            icd("R51.9", "R51", "Headache, unspecified", List.of("headache"), List.of(),
                    new Code("G44.209", "G44.2", "Tension-type headache, unspecified")),
            icd("Z88.0", "Z88.0", "Allergy status to penicillin", List.of("allergic to penicillin",
                    "penicillin allergy"), List.of("penicillin"),
                    new Code("Z88.1", "Z88.1", "Allergy status to other antibiotic agents")),
            new Entry(new Code("29125", null, "Application of short arm splint (forearm to hand); static"), true,
                    List.of("short arm splint"), List.of("splint"),
                    List.of(new Code("29105", null, "Application of long arm splint (shoulder to hand)"))));

    private CodeTable() {
    }

    private static Entry icd(String cm, String who, String display, List<String> strong, List<String> weak,
                             Code... alternatives) {
        return new Entry(new Code(cm, who, display), false, strong, weak, List.of(alternatives));
    }
}
