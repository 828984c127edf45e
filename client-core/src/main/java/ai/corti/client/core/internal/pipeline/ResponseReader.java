package ai.corti.client.core.internal.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Map;
import java.util.Objects;

/**
 * What a successful answer's body is read as: a JSON model, nothing (204), or one model per status when an
 * operation answers 200 and 201 with different bodies. Internal to the SDK.
 *
 * @param <T> the value the call yields
 */
public sealed interface ResponseReader<T> {

    /**
     * Reads the body as JSON into a model.
     *
     * @param type the model
     * @param <T>  its type
     * @return the reader
     */
    @SuppressWarnings("unchecked")
    static <T> ResponseReader<T> json(Class<T> type) {
        return (ResponseReader<T>) Json.BY_CLASS.get(type);
    }

    /**
     * Reads the body as JSON into a generic type, e.g. {@code List<GuidedTemplate>}.
     *
     * @param type the type, as a type reference
     * @param <T>  the type
     * @return the reader
     */
    static <T> ResponseReader<T> json(TypeReference<T> type) {
        JavaType javaType = TypeFactory.defaultInstance().constructType(type);
        return new Json<>(javaType, javaType.toCanonical().replaceAll("[a-z.]*\\.", ""));
    }

    /**
     * Expects no body (204 No Content); a body, if any, is ignored.
     *
     * @return the reader
     */
    static ResponseReader<Void> none() {
        return NoBody.INSTANCE;
    }

    /**
     * Reads the body as the model declared for its status.
     *
     * @param types model per 2xx status
     * @return the reader; the value is the model of whichever status came
     */
    static ResponseReader<Object> byStatus(Map<Integer, Class<?>> types) {
        return new ByStatus(Map.copyOf(types));
    }

    /**
     * JSON into one model.
     *
     * @param type the model's Jackson type
     * @param name the model's name, for messages
     * @param <T>  the model
     */
    record Json<T>(JavaType type, String name) implements ResponseReader<T> {
        /** One reader per model class: every call of an operation asks for the same one. */
        private static final ClassValue<Json<?>> BY_CLASS = new ClassValue<>() {
            @Override
            protected Json<?> computeValue(Class<?> type) {
                return new Json<>(TypeFactory.defaultInstance().constructType(type), type.getSimpleName());
            }
        };

        /**
         * Checks the values.
         *
         * @param type the model's Jackson type
         * @param name the model's name, for messages
         */
        public Json {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }

    /** No body. */
    final class NoBody implements ResponseReader<Void> {
        static final NoBody INSTANCE = new NoBody();

        private NoBody() {
        }
    }

    /**
     * A model per status.
     *
     * @param types model per 2xx status
     */
    record ByStatus(Map<Integer, Class<?>> types) implements ResponseReader<Object> {
    }
}
