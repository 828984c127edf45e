package ai.corti.emulator.streams;

import java.time.Duration;
import java.util.Objects;

/**
 * A session the emulator is serving, for tests that act on it while it runs: push a message, close or drop
 * the socket, wait for audio or for the end. Get it from {@link StreamControls#awaitSession(int, Duration)}.
 */
public final class LiveStreamSession {

    private final EmulatedSession session;

    LiveStreamSession(EmulatedSession session) {
        this.session = session;
    }

    /**
     * Sends a text message as it is (any type, valid or not).
     *
     * @param rawMessage the text
     * @return this session
     */
    public LiveStreamSession send(String rawMessage) {
        Objects.requireNonNull(rawMessage, "rawMessage");
        synchronized (session) {
            session.send(rawMessage);
        }
        return this;
    }

    /**
     * Closes the socket with a close frame, after the messages already queued.
     *
     * @param code   the close code, e.g. 1011
     * @param reason the reason
     */
    public void close(int code, String reason) {
        synchronized (session) {
            session.closeWith(code, reason);
        }
    }

    /** Closes the TCP connection without a close frame, as a lost network would. */
    public void drop() {
        synchronized (session) {
            session.drop("dropped by the test");
        }
    }

    /**
     * Waits until at least this much audio arrived after the acceptance.
     *
     * @param bytes   the audio bytes
     * @param timeout the longest wait
     * @return this session
     * @throws AssertionError when the audio did not arrive in time
     */
    public LiveStreamSession awaitAudioBytes(long bytes, Duration timeout) {
        if (!session.await(() -> session.audioBytes() >= bytes, timeout)) {
            throw new AssertionError("the emulator received " + session.audioBytes() + " audio bytes, not " + bytes
                    + ", within " + timeout);
        }
        return this;
    }

    /**
     * Waits until the socket is closed, by either side.
     *
     * @param timeout the longest wait
     * @return what happened in the session
     * @throws AssertionError when it is still open after the wait
     */
    public StreamSessionRecord awaitClosed(Duration timeout) {
        if (!session.await(session::isClosed, timeout)) {
            throw new AssertionError("the " + session.endpoint() + " session is still open after " + timeout);
        }
        return session.record();
    }

    /**
     * Returns the audio bytes received after the acceptance so far.
     *
     * @return the bytes
     */
    public long audioBytes() {
        return session.audioBytes();
    }

    /**
     * Returns what happened in the session so far.
     *
     * @return a snapshot
     */
    public StreamSessionRecord record() {
        return session.record();
    }

    @Override
    public String toString() {
        return "LiveStreamSession[" + session.record() + "]";
    }
}
