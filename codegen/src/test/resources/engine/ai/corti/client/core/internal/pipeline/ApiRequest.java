package ai.corti.client.core.internal.pipeline;

import java.util.List;
import java.util.Map;

/** Stub: the real record's shape (the real one also decides from the method whether a retry is safe). */
public record ApiRequest(String method, String path, List<Map.Entry<String, String>> query,
                         Map<String, String> headers, Object body, String operation) {
}
