package ai.corti.client.core.streams;

/**
 * A message from one of Corti's real-time endpoints, decoded strictly by its {@code type}: a known type
 * becomes its own record (never another's), an unknown type an {@link UnknownMessage}, and a known type
 * whose fields do not match the protocol a {@link MalformedMessage}. Neither of those two is an error: the
 * session goes on. Switch on the endpoint's own hierarchy, {@link StreamMessage} or {@link TranscribeMessage}.
 */
public sealed interface ServerMessage permits StreamMessage, TranscribeMessage {

    /**
     * Returns the message's {@code type} as the server sent it.
     *
     * @return e.g. {@code transcript}, or an empty string when a malformed message had none
     */
    String type();
}
