package ai.corti.client.blocking.streams;

import ai.corti.client.core.internal.Blocking;
import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.error.CortiTimeoutException;
import java.time.Duration;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * How the blocking sessions wait: never on a Reactor thread, never longer than a backstop (the engine's own
 * deadlines fire first; this one only guards against a bug), and an interrupt becomes a {@link CortiException}
 * with the thread's interrupt flag set again.
 */
final class Awaits {

    /** Added to an operation's own deadline to make the backstop. */
    static final Duration MARGIN = Duration.ofSeconds(5);

    private Awaits() {
    }

    static <T> T await(Mono<T> operation, Duration deadline, String what) {
        Blocking.requireBlockingAllowed();
        Duration backstop = deadline.plus(MARGIN);
        try {
            return operation.timeout(backstop, Mono.error(() -> new CortiTimeoutException(what + ": no result within "
                    + backstop, backstop, true, null))).block();
        } catch (RuntimeException e) {
            if (Exceptions.unwrap(e) instanceof InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new CortiException(what + ": interrupted while waiting", interrupted);
            }
            throw e;
        }
    }
}
