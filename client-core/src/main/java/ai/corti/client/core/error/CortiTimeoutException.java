package ai.corti.client.core.error;

import java.time.Duration;

/**
 * A deadline passed: either one attempt got no response in time (the response timeout), or the whole
 * call, all attempts and waits included, ran past its budget (the call timeout).
 */
public class CortiTimeoutException extends CortiException {

    private static final long serialVersionUID = 1L;

    /** The limit that was reached. */
    private final Duration timeout;
    /** Whether the whole call's budget ran out (rather than one attempt's). */
    private final boolean wholeCall;

    /**
     * Creates the exception.
     *
     * @param message   what timed out
     * @param timeout   the limit that was reached
     * @param wholeCall {@code true} when the call's overall budget ran out, {@code false} for one attempt
     * @param cause     the underlying failure, or {@code null}
     */
    public CortiTimeoutException(String message, Duration timeout, boolean wholeCall, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
        this.wholeCall = wholeCall;
    }

    /**
     * Returns the limit that was reached.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Tells which deadline passed.
     *
     * @return {@code true} when the call's overall budget ran out, {@code false} when one attempt timed out
     */
    public boolean wholeCall() {
        return wholeCall;
    }
}
