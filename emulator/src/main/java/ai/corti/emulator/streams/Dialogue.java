package ai.corti.emulator.streams;

import java.util.List;

/**
 * The fixed words the emulator "hears": a short consultation for {@code /streams} (each line may carry a
 * fact) and a dictation for {@code /transcribe}, cycled as audio arrives. Fixed, so tests can assert them.
 */
final class Dialogue {

    /**
     * One line of the consultation.
     *
     * @param text      what is said
     * @param factText  the fact it yields, or {@code null}
     * @param factGroup the fact's group, or {@code null}
     */
    record Line(String text, String factText, String factGroup) {
    }

    static final List<Line> CONSULTATION = List.of(
            new Line("Good morning, what brings you in today?", null, null),
            new Line("I have had a sore throat and a fever for three days.", "Sore throat and fever for three days",
                    "history-of-present-illness"),
            new Line("Have you taken anything for it?", null, null),
            new Line("Ibuprofen twice a day, it helps a little.", "Takes ibuprofen twice daily, partial relief",
                    "medications"),
            new Line("Any allergies to medication?", null, null),
            new Line("I am allergic to penicillin.", "Penicillin allergy", "allergies"),
            new Line("Your temperature is thirty eight point five.", "Temperature 38.5 C", "vitals"),
            new Line("It looks viral; rest and fluids should help.", "Plan: rest and fluids", "plan"));

    static final List<String> DICTATION = List.of(
            "patient presents with a sore throat and fever for three days period",
            "next section",
            "temperature thirty eight point five degrees period",
            "insert normal exam template",
            "plan rest and fluids comma review in one week period");

    private Dialogue() {
    }

    /** Lines given by a test become lines whose fact is the line itself, in group {@code other}. */
    static List<Line> consultation(List<String> lines) {
        return lines.stream().map(text -> new Line(text, text, "other")).toList();
    }
}
