package ai.corti.client.core.internal.http;

import java.nio.ByteBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries out HTTP exchanges. The pipeline's stages (auth, retries, decoding) sit on top of this interface, so
 * they can be tested against a fake one without a network. Internal to the SDK.
 *
 * <p>Every failure is one of the SDK's exceptions ({@code CortiTransportException}, {@code CortiTimeoutException},
 * {@code CortiResponseTooLargeException}, {@code CortiClientClosedException}); an HTTP error status is not a
 * failure here, it is an answer.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends a request and reads the whole answer into memory, within {@link OutgoingRequest#limits()} and
     * {@link OutgoingRequest#timeout()}.
     *
     * @param request what to send
     * @return the answer, lazily; each subscription is a new exchange
     */
    Mono<HttpResponseData> exchange(OutgoingRequest request);

    /**
     * Sends a request and streams a 2xx answer's body as it arrives, with backpressure: nothing more is read from
     * the socket than downstream asked for. Any other answer is read (within the error limit) and signalled as an
     * {@link UnsuccessfulAnswer}. The timeout applies until the first chunk, then between chunks.
     *
     * @param request what to send
     * @return the body's chunks, each a fresh buffer the caller owns
     */
    Flux<ByteBuffer> download(OutgoingRequest request);

    /** Ends every exchange in flight with an error and refuses new ones; releases connections and threads. */
    @Override
    void close();

    /**
     * A download's server answered with a status other than 2xx; carries the answer, read into memory, for the
     * pipeline to turn into the typed exception. Never seen by users.
     */
    final class UnsuccessfulAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpResponseData answer;

        /**
         * Wraps an answer.
         *
         * @param answer the answer
         */
        public UnsuccessfulAnswer(HttpResponseData answer) {
            super("HTTP " + answer.statusCode(), null, false, false);
            this.answer = answer;
        }

        /**
         * Returns the answer.
         *
         * @return the answer, body included
         */
        public HttpResponseData answer() {
            return answer;
        }
    }
}
