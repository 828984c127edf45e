package ai.corti.client.core.streams;

/**
 * A message of the {@code /streams} endpoint (live transcript and facts of an interaction).
 *
 * <pre>{@code
 * if (message instanceof StreamTranscript transcript) { ... }
 * else if (message instanceof FactsMessage facts) { ... }
 * }</pre>
 */
public sealed interface StreamMessage extends ServerMessage
        permits ConfigStatus, StreamTranscript, FactsMessage, UsageMessage, DeltaUsageMessage, FlushedMessage,
        EndedMessage, ErrorMessage, AudioEventMessage, UnknownMessage, MalformedMessage {
}
