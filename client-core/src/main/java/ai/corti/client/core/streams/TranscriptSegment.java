package ai.corti.client.core.streams;

/**
 * One segment of a {@code /streams} transcript.
 *
 * @param id         the segment's id
 * @param transcript the text
 * @param isFinal    {@code false} for an interim result that a later segment replaces
 * @param speakerId  the speaker, or -1 without diarization
 * @param channel    the audio channel it was heard on
 * @param start      start time, in seconds from the start of the audio
 * @param end        end time, in seconds from the start of the audio
 */
public record TranscriptSegment(String id, String transcript, boolean isFinal, int speakerId, int channel,
                                double start, double end) {
}
