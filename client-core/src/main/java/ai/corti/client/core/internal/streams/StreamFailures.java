package ai.corti.client.core.internal.streams;

import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.streams.CortiStreamException;
import ai.corti.client.core.streams.StreamHandshakeException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Maps what the transport throws to the SDK's exceptions, naming the endpoint by its address without query.
 * The original stays as the cause, for diagnostics: it cannot carry the token, which never enters Reactor
 * Netty's view of the request ({@link CredentialQueryHandler}).
 */
final class StreamFailures {

    private StreamFailures() {
    }

    static CortiException map(String where, Throwable error) {
        if (error instanceof CortiException corti) {
            return corti;
        }
        if (error instanceof WebSocketClientHandshakeException handshake) {
            if (handshake.response() != null) {
                int status = handshake.response().status().code();
                return new StreamHandshakeException(where + ": the server refused the WebSocket upgrade with HTTP "
                        + status + " " + handshake.response().status().reasonPhrase() + hint(status), status, error);
            }
            return new CortiTransportException(where + ": the connection closed before the WebSocket upgrade completed",
                    false, error);
        }
        if (error instanceof ConnectException || error instanceof ConnectTimeoutException
                || error instanceof UnknownHostException) {
            return new CortiTransportException(where + ": could not connect (" + error.getClass().getSimpleName() + ")",
                    true, error);
        }
        if (error instanceof TooLongFrameException || error instanceof CorruptedFrameException) {
            return new CortiStreamException(where + ": the server sent a frame the session refuses (larger than "
                    + "maxMessageBytes, or corrupt): " + error.getClass().getSimpleName(), error);
        }
        if (error instanceof SSLException) {
            return new CortiTransportException(where + ": TLS failed (" + error.getClass().getSimpleName() + ")", false,
                    error);
        }
        if (error instanceof IOException) {
            return new CortiTransportException(where + ": the connection failed (" + error.getClass().getSimpleName()
                    + ")", false, error);
        }
        return new CortiStreamException(where + ": " + error.getClass().getSimpleName(), error);
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> " (the token is missing, invalid or expired)";
            case 403 -> " (the token is not valid for this tenant)";
            case 404 -> " (no such interaction for this tenant, or a wrong address)";
            default -> "";
        };
    }
}
