package ai.corti.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the emulator answers to one request, before it is written to the wire (and recorded).
 *
 * @param status  the HTTP status
 * @param headers response headers, in order
 * @param body    the body text, empty for none
 */
record Reply(int status, Map<String, String> headers, String body) {

    Reply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    /** A JSON body. */
    static Reply json(int status, String body) {
        return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }

    /** A copy with one more header. */
    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, copy, body);
    }

    /** The Content-Type, or an empty string. */
    String contentType() {
        return headers.getOrDefault("Content-Type", "");
    }
}
