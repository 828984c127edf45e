package ai.corti.client.core.internal.http;

import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Maps Netty, Reactor Netty and Reactor failures to the SDK's exceptions, so none of their types escape. */
final class TransportErrors {

    private TransportErrors() {
    }

    static Throwable map(Throwable error, String what, Duration timeout) {
        if (error instanceof CortiException || error instanceof HttpTransport.UnsuccessfulAnswer) {
            return error; // already said what happened; an answer's status is the pipeline's to decode
        }
        if (error instanceof TimeoutException) {
            // Reactor's timeout operator: the whole exchange ran past its deadline (not an idle read timeout).
            return new CortiTimeoutException(what + ": no complete answer within " + timeout, timeout, false, null);
        }
        if (error instanceof ConnectException) {
            // Covers connection refused and Netty's ConnectTimeoutException: nothing was sent.
            return new CortiTransportException(what + ": could not connect (" + describe(error) + ")", true, error);
        }
        String type = error.getClass().getSimpleName();
        if (type.startsWith("PoolAcquire")) {
            // Reactor Netty's shaded pool exceptions: the request waited for a connection and never left.
            return new CortiTransportException(what + ": no pooled connection available (" + describe(error) + ")",
                    true, error);
        }
        if (error instanceof IOException) {
            return new CortiTransportException(what + ": connection failed (" + describe(error) + ")", false, error);
        }
        return new CortiTransportException(what + ": transport failure (" + describe(error) + ")", false, error);
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
