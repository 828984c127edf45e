package ai.corti.client.core.paging;

import java.util.concurrent.Callable;

/**
 * Runs work on a thread with a small stack, so that recursion growing with the number of pages fails
 * loudly with {@link StackOverflowError} instead of hiding in a large default stack.
 */
final class SmallStack {

    private static final long STACK_BYTES = 256 * 1024;

    private SmallStack() {
    }

    static <V> V run(Callable<V> work) throws Throwable {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = work.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", STACK_BYTES);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        V value = (V) result[0];
        return value;
    }
}
