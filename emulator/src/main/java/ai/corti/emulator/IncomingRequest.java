package ai.corti.emulator;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as the emulator's handlers see it: fully read, decoupled from Netty, with the id the
 * emulator gives it (echoed as {@code X-Request-Id} and as {@code requestid} in problem bodies).
 *
 * @param requestId the emulator's id for this request
 * @param method    the HTTP method, upper case
 * @param path      the decoded path, without the query
 * @param rawQuery  the query as sent, without {@code ?}; empty for none
 * @param query     the decoded query parameters; a repeated key keeps every value in order
 * @param headers   the request headers, names case-insensitive, first value of each
 * @param body      the body as text, empty for none
 */
record IncomingRequest(String requestId, String method, String path, String rawQuery,
                       Map<String, List<String>> query, Map<String, String> headers, String body) {

    /** Reads what the handlers need from a Netty request. */
    static IncomingRequest of(String requestId, String method, String uri, HttpHeaders nettyHeaders, String body) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri);
        int q = uri.indexOf('?');
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> header : nettyHeaders) {
            headers.putIfAbsent(header.getKey(), header.getValue());
        }
        return new IncomingRequest(requestId, method, decoder.path(), q < 0 ? "" : uri.substring(q + 1),
                Collections.unmodifiableMap(decoder.parameters()), Collections.unmodifiableMap(headers), body);
    }

    /** A header's value, case-insensitively. */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The media type of the body, lower case and without parameters such as {@code charset}. */
    String mediaType() {
        String value = header("Content-Type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
