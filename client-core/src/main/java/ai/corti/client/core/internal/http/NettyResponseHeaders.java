package ai.corti.client.core.internal.http;

import ai.corti.client.core.http.ResponseHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ResponseHeaders} read in place from Netty's received headers: most callers only read a header or two,
 * and Netty's headers are already case-insensitive, so nothing is copied until someone asks for the whole map.
 * They are plain objects, not pooled buffers, so holding them after the response is released is safe.
 */
final class NettyResponseHeaders implements ResponseHeaders {

    private final HttpHeaders received;
    private volatile Map<String, List<String>> copy;

    NettyResponseHeaders(HttpHeaders received) {
        this.received = received;
    }

    @Override
    public Optional<String> first(String name) {
        return Optional.ofNullable(received.get(name));
    }

    @Override
    public List<String> all(String name) {
        return List.copyOf(received.getAll(name));
    }

    @Override
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> map = copy;
        if (map == null) {
            map = ResponseHeaders.of(received).asMap();
            copy = map;
        }
        return map;
    }

    @Override
    public String toString() {
        return "ResponseHeaders" + asMap().keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }
}
