package ai.corti.client.core.streams;

/**
 * A {@code transcript} message of {@code /transcribe}.
 *
 * @param text              the text, punctuation applied and command phrases removed
 * @param rawTranscriptText the raw text, as heard
 * @param start             start time, in seconds
 * @param end               end time, in seconds
 * @param isFinal           {@code false} for an interim result (with {@code interimResults} on)
 */
public record DictationTranscript(String text, String rawTranscriptText, double start, double end, boolean isFinal)
        implements TranscribeMessage {

    @Override
    public String type() {
        return "transcript";
    }
}
