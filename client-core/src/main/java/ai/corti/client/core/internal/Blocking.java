package ai.corti.client.core.internal;

import ai.corti.client.core.error.CortiInterruptedException;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * How the blocking facade waits for the shared engine. Waiting on a Reactor event-loop thread would
 * stall every connection served by that thread, so it fails fast instead. Internal to the SDK.
 */
public final class Blocking {

    /** The start of the message thrown when the blocking client is called from a Reactor thread. */
    public static final String ON_REACTOR_THREAD =
            "The blocking Corti client was called from a Reactor non-blocking thread";

    private Blocking() {
    }

    /**
     * Subscribes and waits for the result.
     *
     * @param mono the call
     * @param <T>  the result type
     * @return the result, or {@code null} for an empty {@code Mono}
     * @throws IllegalStateException when called on a Reactor non-blocking thread
     * @throws ai.corti.client.core.error.CortiInterruptedException when the thread is interrupted while waiting
     */
    public static <T> T await(Mono<T> mono) {
        requireBlockingAllowed();
        try {
            return mono.block();
        } catch (RuntimeException e) {
            throw interruptedOr(e);
        }
    }

    /**
     * Turns Reactor's wrapper of an {@link InterruptedException} into the SDK's own exception; anything else is
     * returned as it is. The interrupt flag stays set (Reactor restores it before throwing).
     *
     * @param failure what a blocking wait threw
     * @return the exception to throw
     */
    public static RuntimeException interruptedOr(RuntimeException failure) {
        Throwable cause = Exceptions.unwrap(failure);
        if (cause instanceof InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new CortiInterruptedException("the blocking Corti call was interrupted while waiting; it was "
                    + "cancelled", interrupted);
        }
        return failure;
    }

    /**
     * Fails when the current thread must not block.
     *
     * @throws IllegalStateException when called on a Reactor non-blocking thread
     */
    public static void requireBlockingAllowed() {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException(ON_REACTOR_THREAD + " (" + Thread.currentThread().getName()
                    + "), where blocking would stall other requests. Use CortiReactiveClient "
                    + "(module corti-client-reactive) from reactive code.");
        }
    }
}
