package ai.corti.client.core.streams;

import java.util.List;

/**
 * A {@code transcript} message of {@code /streams}: one or more segments (about every 3 s of audio).
 *
 * @param segments the segments, at least one
 */
public record StreamTranscript(List<TranscriptSegment> segments) implements StreamMessage {

    /**
     * Copies the segments.
     *
     * @param segments the segments, at least one
     */
    public StreamTranscript {
        segments = List.copyOf(segments);
    }

    @Override
    public String type() {
        return "transcript";
    }
}
