package ai.corti.client.core.internal.streams;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a session's tasks one at a time, in the order they were submitted, on whichever thread submits while
 * no other is running them (no thread of its own, no lock). A session's state is touched only by its tasks,
 * so socket events, timers and calls from any thread never race; a task that submits another (a subscriber
 * calling back into the session) has it run right after, never nested.
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger("ai.corti.client.streams");

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() != 0) {
            return; // another thread is draining; it will run this task too
        }
        int missed = 1;
        do {
            Runnable next;
            while ((next = tasks.poll()) != null) {
                try {
                    next.run();
                } catch (RuntimeException | Error bug) {
                    // A failing task must not stop the ones after it (they may be the ones that clean up).
                    LOG.error("A real-time session task failed", bug);
                }
            }
            missed = pending.addAndGet(-missed);
        } while (missed != 0);
    }
}
