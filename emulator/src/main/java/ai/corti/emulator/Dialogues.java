package ai.corti.emulator;

import java.util.List;
import java.util.zip.CRC32;

/**
 * The fixed clinical conversations the emulator "hears" in a recording. Which one a recording gets depends only on
 * its bytes (a CRC-32 of its first 4 KiB, mixed with its size), so the same file always gives the same transcript,
 * and a few different files give different ones. The words are chosen so that the other resources have something
 * to find in them: fact groups, the classic templates' sections, and the codes of {@link CodeTable}.
 */
final class Dialogues {

    /** Who speaks a line. */
    enum Speaker {
        /** The clinician. */
        DOCTOR,
        /** The patient. */
        PATIENT
    }

    /**
     * One utterance.
     *
     * @param speaker who says it
     * @param text    what is said
     */
    record Line(Speaker speaker, String text) {
    }

    /**
     * A conversation.
     *
     * @param title a short name, for logs and tests
     * @param lines what is said, in order
     */
    record Dialogue(String title, List<Line> lines) {
    }

    /** How many leading bytes choose the dialogue. */
    static final int HEAD = 4096;

    static final List<Dialogue> ALL = List.of(
            new Dialogue("sore throat", List.of(
                    doctor("Good morning, what brings you in today?"),
                    patient("I have had a sore throat and a fever for three days."),
                    doctor("Have you taken anything for it?"),
                    patient("Ibuprofen twice a day, it helps a little."),
                    doctor("Any allergies to medication?"),
                    patient("I am allergic to penicillin."),
                    doctor("Your temperature is 38.5 degrees and your throat is red."),
                    doctor("It looks like a viral pharyngitis; rest and fluids, and come back if it is not better "
                            + "in a week."))),
            new Dialogue("diabetes follow-up", List.of(
                    doctor("Hello, how have your blood sugars been since the last visit?"),
                    patient("Mostly between seven and nine in the mornings."),
                    doctor("Are you still taking metformin twice daily?"),
                    patient("Yes, and I have started walking every evening."),
                    doctor("Your blood pressure today is 145 over 90, which is high."),
                    patient("My father had high blood pressure too."),
                    doctor("Your type 2 diabetes is reasonably controlled, but we should treat the hypertension."),
                    doctor("I will start lisinopril 10 mg daily and check your kidney function in two weeks."))),
            new Dialogue("low back pain", List.of(
                    doctor("What can I do for you today?"),
                    patient("I have had low back pain since I lifted a heavy box on Saturday."),
                    doctor("Does the pain go down your legs?"),
                    patient("No, it stays in my lower back, and it is worse when I bend."),
                    doctor("Any numbness, weakness or problems with your bladder?"),
                    patient("No, nothing like that, but I also have a dry cough."),
                    doctor("There is tenderness over the lumbar muscles and the straight leg raise is normal."),
                    doctor("This is mechanical low back pain; keep active, take ibuprofen with food, and we will "
                            + "review in two weeks."))));

    private Dialogues() {
    }

    /**
     * Chooses the dialogue of a recording.
     *
     * @param head the recording's first bytes, up to {@link #HEAD}
     * @param size the recording's size
     * @return the dialogue
     */
    static Dialogue of(byte[] head, long size) {
        CRC32 crc = new CRC32();
        crc.update(head);
        return ALL.get((int) Math.floorMod(crc.getValue() ^ size, (long) ALL.size()));
    }

    private static Line doctor(String text) {
        return new Line(Speaker.DOCTOR, text);
    }

    private static Line patient(String text) {
        return new Line(Speaker.PATIENT, text);
    }
}
