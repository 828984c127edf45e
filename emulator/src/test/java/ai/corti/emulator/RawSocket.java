package ai.corti.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare WebSocket client (the JDK's, not the SDK's) for testing the emulator's protocol directly, including
 * what the SDK would never send. Every wait has a deadline.
 */
final class RawSocket implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * One client for every socket, held for the whole run: the JDK stops a client's selector thread once the
     * client object is garbage collected, even with a WebSocket still open, which would lose its close.
     */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Opens a socket, failing with the handshake's status when the upgrade is refused. */
    static RawSocket open(String base, String path, String tenant, String token) {
        StringBuilder uri = new StringBuilder(base.replace("http://", "ws://").replace("/v2", "")).append(path);
        char separator = '?';
        if (tenant != null) {
            uri.append(separator).append("tenant-name=").append(URLEncoder.encode(tenant, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (token != null) {
            uri.append(separator).append("token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        RawSocket listener = new RawSocket();
        try {
            listener.socket = CLIENT.newWebSocketBuilder().connectTimeout(WAIT)
                    .buildAsync(URI.create(uri.toString()), listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return listener;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The upgrade was refused with this status. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status) {
            super("upgrade refused with " + status);
            this.status = status;
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            texts.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    RawSocket text(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    RawSocket binary(int bytes) {
        socket.sendBinary(ByteBuffer.wrap(new byte[bytes]), true).join();
        return this;
    }

    /** The next text message. */
    String next() {
        try {
            String text = texts.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("no message within " + WAIT);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonNode nextJson() {
        try {
            return RawHttp.JSON.readTree(next());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The close code the server sent, or -1 when the connection ended without one. */
    int awaitClose() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close within " + WAIT, e);
        }
    }

    /**
     * Waits for a connection the server dropped (no close frame) to end, touching the socket with a ping every
     * 100 ms: the JDK's WebSocket client sometimes misses the server's FIN (about one drop in twenty here, while the
     * server's channel had closed each time), and a write to the closed connection fails.
     *
     * @return the close code, or -1 when the connection ended without one
     */
    int awaitDropped() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return closed.get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillOpen) {
                // A failed write is the client seeing the connection gone; the JDK reports it on the send's future
                // only, not to the listener.
                socket.sendPing(ByteBuffer.allocate(0)).whenComplete((sent, error) -> {
                    if (error != null) {
                        closed.complete(-1);
                    }
                });
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the dropped connection did not end within " + WAIT);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }
}
