package ai.corti.client.core.internal.http;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A subscriber that a call can be ended through from outside (a deadline, the client's close) exactly once, with no
 * serialiser: whichever of the value, the end, the error, the cancel and the outside end wins one compare-and-set is
 * the only thing downstream sees; the losers do nothing. A single value ends the call ({@link #onNext} passes it on
 * with the end), which is what makes the serialiser unnecessary. Subclasses say what else ending means
 * ({@link #ended()}). Internal to the SDK.
 *
 * @param <T> the value
 */
public abstract class EndsOnce<T> extends Operators.DeferredSubscription implements CoreSubscriber<T> {

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<EndsOnce> DONE =
            AtomicIntegerFieldUpdater.newUpdater(EndsOnce.class, "done");

    /** Downstream. */
    protected final CoreSubscriber<? super T> actual;
    private volatile int done;

    /**
     * Creates the subscriber.
     *
     * @param actual downstream
     */
    protected EndsOnce(CoreSubscriber<? super T> actual) {
        this.actual = actual;
    }

    /** Called once, by whichever signal ended the call, before downstream hears of it. */
    protected abstract void ended();

    /**
     * Tells whether the call has ended.
     *
     * @return {@code true} once any signal or {@link #endWith} won
     */
    protected final boolean isEnded() {
        return done != 0;
    }

    /** Wins the right to end the call, or returns {@code false} when something else already did. */
    private boolean finish() {
        if (DONE.compareAndSet(this, 0, 1)) {
            ended();
            return true;
        }
        return false;
    }

    /**
     * Ends the call from outside with an error, cancelling upstream, unless it already ended.
     *
     * @param error what downstream gets
     */
    protected final void endWith(Throwable error) {
        if (finish()) {
            super.cancel();
            actual.onError(error);
        }
    }

    @Override
    public Context currentContext() {
        return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
        set(s); // cancels s at once if the call already ended from outside
    }

    @Override
    public void onNext(T value) {
        if (finish()) {
            actual.onNext(value);
            actual.onComplete();
        } else {
            Operators.onDiscard(value, actual.currentContext());
        }
    }

    @Override
    public void onError(Throwable error) {
        if (finish()) {
            actual.onError(error);
        }
    }

    @Override
    public void onComplete() {
        if (finish()) {
            actual.onComplete();
        }
    }

    @Override
    public void cancel() {
        finish();
        super.cancel();
    }
}
