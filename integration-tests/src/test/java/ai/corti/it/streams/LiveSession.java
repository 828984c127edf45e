package ai.corti.it.streams;

import ai.corti.client.core.streams.ConfigStatus;
import ai.corti.client.core.streams.ServerMessage;
import ai.corti.client.core.streams.UsageMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One open session seen the same way through either facade, so a scenario is written once and run on both.
 * Every wait has a deadline.
 *
 * @param <M> the endpoint's message type
 */
interface LiveSession<M extends ServerMessage> extends AutoCloseable {

    /** How long a test waits for anything the emulator does promptly. */
    Duration WAIT = Duration.ofSeconds(10);

    ConfigStatus accepted();

    void send(byte[] chunk);

    void flush();

    Optional<UsageMessage> end();

    long pendingAudioBytes();

    /** The next message, or empty when none arrived within {@code timeout} or the messages ended. */
    Optional<M> next(Duration timeout);

    /** Whether the messages ended (normally) and were all taken. */
    boolean finished();

    /** The failure the messages ended with, if they did. */
    Optional<Throwable> failure(Duration timeout);

    @Override
    void close();

    /** Takes messages until one matches, failing the test if none does within {@link #WAIT}. */
    default M awaitMessage(Predicate<? super M> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Optional<M> next = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (next.isEmpty()) {
                break;
            }
            if (wanted.test(next.get())) {
                return next.get();
            }
            seen.add(next.get().type());
        }
        throw new AssertionError("no matching message within " + WAIT + "; saw " + seen);
    }

    /** Takes every message until the messages end (within {@link #WAIT}). */
    default List<M> drain() {
        List<M> all = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!finished()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the messages did not end within " + WAIT + "; took " + all.size());
            }
            next(Duration.ofMillis(200)).ifPresent(all::add);
        }
        return all;
    }
}
