package ai.corti.examples;

/**
 * The walkthrough's steps in order, the whole lifecycle: interactions (created, listed in pages both ways, read and
 * PATCHed), a consultation (recording, transcripts, facts, a classic and a guided document, codes), typed errors,
 * the consultation deleted with everything it held, a live dictation, and the clean-up. Each step uses the facade
 * that reads best for it; steps that create or change data, or use credits, run only when allowed (always against
 * the emulator, with {@code --write} against the real API).
 */
final class WalkthroughSteps {

    private final StepContext context;

    /**
     * Creates the steps.
     *
     * @param context the clients, the report and what may be written
     */
    WalkthroughSteps(StepContext context) {
        this.context = context;
    }

    /** Runs every step in order; the first failure stops the run. */
    void runAll() {
        InteractionSteps interactions = new InteractionSteps(context);
        interactions.createADozen();
        interactions.listInPagesOfFive();
        interactions.streamBlocking();
        interactions.getThenPatch();

        Consultation consultation = new Consultation();
        ConsultationSteps recorded = new ConsultationSteps(context, consultation);
        recorded.createAndRecord();
        recorded.transcribeAndWait();
        recorded.transcribeAsync();
        DocumentationSteps documented = new DocumentationSteps(context, consultation);
        documented.facts();
        documented.classicDocument();
        documented.predictCodes();
        documented.guidedDocument();

        new ErrorSteps(context).typedErrors();
        recorded.deleteAndShowCascade();
        new DictationStep(context).liveDictation();
        interactions.cleanUp();
    }
}
