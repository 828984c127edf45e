package ai.corti.emulator;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Reads request bodies with a bound. A text body (JSON, a token form) is copied into memory up to a limit; past it
 * the rest is read and thrown away, so the client still gets the answer (a 413) instead of a broken pipe. Past a
 * second, larger bound even that stops and the connection is closed after the answer: a client that never stops
 * sending does not hold the emulator, and neither does one that stops sending: a body whose next bytes take longer
 * than the read timeout ({@link #READ_TIMEOUT} by default) to come fails with a
 * {@link java.util.concurrent.TimeoutException} (the router then closes the connection). Netty's buffers are released by Reactor Netty after each is copied.
 */
final class BodyReader {

    /** How much more than a limit is read and thrown away before the emulator stops reading. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    /** The longest wait for the next bytes of a body, unless the emulator is built with another. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private BodyReader() {
    }

    /**
     * What was read.
     *
     * @param text      the body as UTF-8 text, empty when it was too large
     * @param size      how many bytes arrived (up to where reading stopped)
     * @param tooLarge  whether it was larger than the limit
     * @param truncated whether reading stopped before the end: the connection must close after the answer
     */
    record Text(String text, long size, boolean tooLarge, boolean truncated) {
    }

    /**
     * Reads a body as text, up to {@code limit} bytes.
     *
     * @param request the request
     * @param limit   the most bytes kept in memory
     * @param timing  the read timeout and the timer it runs on
     * @return the text, or a note that it was too large
     */
    static Mono<Text> text(HttpServerRequest request, int limit, Timing timing) {
        Accumulator accumulator = new Accumulator(limit);
        return receive(request, timing)
                .takeWhile(accumulator::add)
                .then(Mono.fromSupplier(accumulator::text));
    }

    /**
     * Reads a body and throws it away, up to {@link #DRAIN_LIMIT} bytes.
     *
     * @param request the request
     * @param timing  the read timeout and the timer it runs on
     * @return whether reading stopped before the end
     */
    static Mono<Boolean> drain(HttpServerRequest request, Timing timing) {
        Accumulator accumulator = new Accumulator(0);
        return receive(request, timing)
                .takeWhile(accumulator::add)
                .then(Mono.fromSupplier(() -> accumulator.text().truncated()));
    }

    /**
     * The emulator's waits: how long a body may pause, and the timer that counts it (and injected delays): the
     * emulator's own, not {@code Schedulers.parallel()}, which a user's virtual-time test may have replaced.
     *
     * @param readTimeout the longest wait for a body's next bytes
     * @param timer       the emulator's timer
     */
    record Timing(Duration readTimeout, Scheduler timer) {
    }

    /**
     * Returns a request's body chunks, each to come within the read timeout of the previous one. (Reactor Netty
     * has a server read timeout only from versions newer than the oldest the emulator runs on.)
     *
     * @param request the request
     * @param timing  the read timeout and its timer
     * @return the chunks; released by Reactor Netty once each is handled
     */
    static Flux<ByteBuf> receive(HttpServerRequest request, Timing timing) {
        return request.receive().timeout(timing.readTimeout(), timing.timer());
    }

    /** Copies bytes up to the limit, then only counts them. Used on one connection at a time: no locking. */
    private static final class Accumulator {

        private final int limit;
        private byte[] bytes = new byte[0];
        private int kept;
        private long size;
        private boolean stopped;

        Accumulator(int limit) {
            this.limit = limit;
        }

        /** Takes a chunk; answers whether to keep reading. */
        boolean add(ByteBuf chunk) {
            int readable = chunk.readableBytes();
            size += readable;
            if (size <= limit) {
                if (kept + readable > bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(kept + readable, bytes.length * 2 + 1024)));
                }
                chunk.getBytes(chunk.readerIndex(), bytes, kept, readable);
                kept += readable;
            } else {
                bytes = new byte[0]; // too large: what was kept is of no use
                kept = 0;
            }
            stopped = size > limit + DRAIN_LIMIT;
            return !stopped;
        }

        Text text() {
            boolean tooLarge = size > limit;
            return new Text(tooLarge ? "" : new String(bytes, 0, kept, StandardCharsets.UTF_8), size, tooLarge,
                    stopped);
        }
    }
}
