package ai.corti.emulator;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * What the emulator answers to one request, before it is written to the wire (and recorded).
 *
 * @param status  the HTTP status
 * @param headers response headers, in order
 * @param body    the body text, empty for none or for a binary body
 * @param binary  a binary body (a recording), or {@code null}
 */
record Reply(int status, Map<String, String> headers, String body, Binary binary) {

    /** A binary body: its length is known up front, its bytes are streamed out in chunks, never copied whole. */
    interface Binary {
        /**
         * Returns the body's length.
         *
         * @return bytes
         */
        long length();

        /**
         * Returns the body's bytes as buffers that do not own their memory (releasing them frees nothing), so a
         * download needs no bookkeeping, also when it is cancelled.
         *
         * @return the chunks, in order
         */
        Flux<ByteBuf> chunks();
    }

    Reply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    /** A text answer (or none, with an empty body). */
    Reply(int status, Map<String, String> headers, String body) {
        this(status, headers, body, null);
    }

    /** A JSON body. */
    static Reply json(int status, String body) {
        return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }

    /** 204: no body, no Content-Type. */
    static Reply noContent() {
        return new Reply(204, Map.of(), "");
    }

    /** A binary body of a media type. */
    static Reply binary(int status, String mediaType, Binary content) {
        return new Reply(status, Map.of("Content-Type", mediaType), "", content);
    }

    /** A copy with one more header. */
    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, copy, body, binary);
    }

    /** The Content-Type, or an empty string. */
    String contentType() {
        return headers.getOrDefault("Content-Type", "");
    }

    /** The body as {@link RecordedExchange} keeps it: the text, or a summary of a binary body. */
    String recordedBody() {
        return binary == null ? body : binarySummary(binary.length());
    }

    /** How a binary body is shown in the journal: never its bytes. */
    static String binarySummary(long length) {
        return "<binary, " + length + " bytes>";
    }
}
