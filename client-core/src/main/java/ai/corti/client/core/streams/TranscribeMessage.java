package ai.corti.client.core.streams;

/**
 * A message of the {@code /transcribe} endpoint (dictation: transcript and voice commands).
 *
 * <pre>{@code
 * if (message instanceof DictationTranscript transcript && transcript.isFinal()) { ... }
 * else if (message instanceof CommandMessage command) { ... }
 * }</pre>
 */
public sealed interface TranscribeMessage extends ServerMessage
        permits ConfigStatus, DictationTranscript, CommandMessage, UsageMessage, DeltaUsageMessage, FlushedMessage,
        EndedMessage, ErrorMessage, AudioEventMessage, UnknownMessage, MalformedMessage {
}
