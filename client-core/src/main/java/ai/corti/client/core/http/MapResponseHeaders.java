package ai.corti.client.core.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link ResponseHeaders} over a case-insensitive map, as built by {@link ResponseHeaders#of}. */
final class MapResponseHeaders implements ResponseHeaders {

    private final Map<String, List<String>> byName;

    MapResponseHeaders(Map<String, List<String>> byName) {
        this.byName = byName;
    }

    @Override
    public Optional<String> first(String name) {
        List<String> values = byName.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> all(String name) {
        return byName.getOrDefault(name, List.of());
    }

    @Override
    public Map<String, List<String>> asMap() {
        return byName;
    }

    @Override
    public String toString() {
        return "ResponseHeaders" + byName.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }
}
