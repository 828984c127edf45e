package ai.corti.client.blocking.streams;

/**
 * Receives a session's messages in order, on a worker thread of the SDK (never a Reactor event loop), so it
 * may block. A message is delivered only after the previous call returned; while it is busy, messages wait
 * (up to the session's message buffer, then the socket is no longer read).
 *
 * <pre>{@code
 * StreamListener<TranscribeMessage> printer = message -> {
 *     if (message instanceof DictationTranscript t && t.isFinal()) {
 *         System.out.println(t.text());
 *     }
 * };
 * }</pre>
 *
 * @param <M> {@code StreamMessage} or {@code TranscribeMessage}
 */
@FunctionalInterface
public interface StreamListener<M> {

    /**
     * Handles one message. An exception thrown here closes the session and is passed to {@link #onError}.
     *
     * @param message the message
     */
    void onMessage(M message);

    /**
     * Called once when the session fails (or {@link #onMessage} threw); no call follows. Does nothing by default.
     *
     * @param error a {@code CortiStreamException}, a {@code CortiTimeoutException}, or what {@code onMessage} threw
     */
    default void onError(Throwable error) {
    }

    /** Called once after the last message when the session ended or was closed. Does nothing by default. */
    default void onClose() {
    }
}
