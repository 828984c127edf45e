package ai.corti.client.core.streams;

import java.util.Map;

/**
 * A {@code command} message of {@code /transcribe}: a registered voice command was spoken.
 *
 * @param id                the command's id, as registered
 * @param variables         the values of its variables, by key; empty when it has none
 * @param rawTranscriptText the words that triggered it
 * @param start             start time, in seconds
 * @param end               end time, in seconds
 */
public record CommandMessage(String id, Map<String, String> variables, String rawTranscriptText, double start,
                             double end) implements TranscribeMessage {

    /**
     * Copies the variables.
     *
     * @param id                the command's id, as registered
     * @param variables         the values of its variables, by key; empty when it has none
     * @param rawTranscriptText the words that triggered it
     * @param start             start time, in seconds
     * @param end               end time, in seconds
     */
    public CommandMessage {
        variables = Map.copyOf(variables);
    }

    @Override
    public String type() {
        return "command";
    }
}
