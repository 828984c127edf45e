package ai.corti.emulator;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The flow of a call with a binary body ({@code recordings_upload}): everything that can refuse it (an injected
 * failure, the path, auth, the media type, the interaction, a declared size past the limit) is checked before a byte
 * of the body is read; then the body is streamed straight into a {@link RecordingWriter}, one copy per chunk, never
 * aggregated. A refused upload's body is read and thrown away, so the client reads the answer instead of a broken
 * pipe (unless it sent {@code Expect: 100-continue}: then it never sends the body at all).
 */
final class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger("ai.corti.emulator");

    private final Faults faults;
    private final RecordingsApi recordings;
    private final BodyReader.Timing timing;

    Uploads(Faults faults, RecordingsApi recordings, BodyReader.Timing timing) {
        this.faults = faults;
        this.recordings = recordings;
        this.timing = timing;
    }

    /** Whether a Content-Type is one an upload may have: the spec's octet-stream, or any audio type. */
    static boolean isAudio(String mediaType) {
        return mediaType.equals("application/octet-stream") || mediaType.startsWith("audio/");
    }

    /**
     * Handles an upload.
     *
     * @param exchange    the exchange
     * @param operationId the operation
     * @param found       the route, with the path parameters
     * @param router      the router, for the checks every call shares and for recording and writing the answer
     * @return completion
     */
    Mono<Void> handle(Router.Exchange exchange, String operationId, OperationTable.Found found, Router router) {
        IncomingRequest incoming = exchange.incoming("");
        Faults.Fault fault = faults.poll(operationId);
        if (fault instanceof Faults.Drop) {
            return router.drop(exchange, incoming, operationId, null);
        }
        Reply early;
        Call call = null;
        try {
            early = router.refusal(incoming, found, fault);
            if (early == null) {
                call = router.call(incoming, found);
                early = recordings.beforeUpload(call);
            }
        } catch (InvalidRequest invalid) {
            early = ProblemResponses.badRequest(incoming.requestId(), invalid);
        }
        if (early != null) {
            Reply refusal = early;
            Reply checked = router.checked(incoming, operationId, () -> refusal);
            if (expectsContinue(incoming)) {
                // The client waits for a 100 before sending: it never sends the body, and the connection closes.
                return router.finishUpload(exchange, incoming, operationId, checked.withHeader("Connection", "close"),
                        0);
            }
            return BodyReader.drain(exchange.request(), timing).flatMap(truncated -> router.finishUpload(exchange, incoming,
                    operationId, truncated ? checked.withHeader("Connection", "close") : checked, 0));
        }
        Call accepted = call;
        RecordingWriter writer = recordings.writer();
        Mono<Void> delay = fault instanceof Faults.Delay pause ? Mono.delay(pause.delay(), timing.timer()).then() : Mono.empty();
        boolean[] stopped = new boolean[1];
        return BodyReader.receive(exchange.request(), timing)
                .takeWhile(chunk -> {
                    stopped[0] = !writer.append(chunk);
                    return !stopped[0];
                })
                .then(delay)
                .then(Mono.fromSupplier(() -> router.checked(incoming, operationId,
                        () -> recordings.upload(accepted, writer))))
                .doFinally(signal -> writer.abort())
                .flatMap(reply -> router.finishUpload(exchange, incoming, operationId,
                        stopped[0] ? reply.withHeader("Connection", "close") : reply, writer.size()))
                .onErrorResume(e -> {
                    // The client went away or stopped sending mid-upload: nothing was stored; close the connection.
                    LOG.debug("{} {}: the upload ended early: {}", incoming.method(), incoming.path(), e.toString());
                    return Router.close(exchange);
                });
    }

    private static boolean expectsContinue(IncomingRequest request) {
        return request.header(HttpHeaderNames.EXPECT.toString()).map(value -> value.toLowerCase(Locale.ROOT))
                .filter(value -> value.equals(HttpHeaderValues.CONTINUE.toString())).isPresent();
    }
}
