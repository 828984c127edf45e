package ai.corti.client.core.internal.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import java.lang.reflect.Type;
import java.util.Map;

/** Stub: how an answer is read, kept as data so a test can look at it. */
public sealed interface ResponseReader<T> {

    static <T> ResponseReader<T> json(Class<T> type) {
        return new Json<>(type);
    }

    static <T> ResponseReader<T> json(TypeReference<T> type) {
        return new Json<>(type.getType());
    }

    static ResponseReader<Void> none() {
        return new None();
    }

    static ResponseReader<Object> byStatus(Map<Integer, Class<?>> types) {
        return new ByStatus(types);
    }

    /** One JSON type. */
    record Json<T>(Type type) implements ResponseReader<T> {
    }

    /** No body. */
    record None() implements ResponseReader<Void> {
    }

    /** A type per status. */
    record ByStatus(Map<Integer, Class<?>> types) implements ResponseReader<Object> {
    }
}
