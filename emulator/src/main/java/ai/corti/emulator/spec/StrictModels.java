package ai.corti.emulator.spec;

import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.ErrorResponse;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an API answer into the SDK's generated model the way the strictest client would: an unknown property
 * fails (the generated models ignore them, so this overrides their annotation), every property the spec marks
 * required must be non-null, and no enum may fall back to the generator's {@code UNKNOWN_DEFAULT_OPEN_API}.
 *
 * <p>It is a second opinion on {@link SchemaValidator}, built from the generated code instead of the YAML: the
 * two share no logic, so one catches what a bug in the other would let through. Which model an answer is read into
 * is the one named by the spec's {@code $ref} for the operation and status (the generator names each model after its
 * schema); an answer that is a list of models ({@code guided_templates_list}) is read as a list of them.
 */
public final class StrictModels {

    private static final String MODEL_PACKAGE = "ai.corti.client.model";
    private static final String UNKNOWN_ENUM = "UNKNOWN_DEFAULT_OPEN_API";

    private static final ObjectMapper STRICT = strictMapper();

    private StrictModels() {
    }

    /**
     * Returns the generated model of an operation's answer, when the answer is one object.
     *
     * @param operationId the operation, e.g. {@code interactions_list}
     * @param status      the status answered
     * @return the model class, or empty for a status without a JSON body (401, 204, a binary answer), a list answer
     *         ({@link #problems(String, int, String)} reads those), or an unknown operation
     */
    public static Optional<Class<?>> modelFor(String operationId, int status) {
        if (status == 401) {
            return Optional.empty();
        }
        if (status >= 400) {
            return Optional.of(ErrorResponse.class);
        }
        JsonNode schema = answerSchema(operationId, status);
        return schema == null ? Optional.empty() : model(schema);
    }

    /**
     * Reads an operation's answer strictly into the generated models, whatever its shape, and lists what is wrong.
     *
     * @param operationId the operation
     * @param status      the status answered
     * @param body        the body answered
     * @return the problems, empty when the body reads cleanly or has no model (no body, binary)
     */
    public static List<String> problems(String operationId, int status, String body) {
        Optional<Class<?>> single = modelFor(operationId, status);
        if (single.isPresent()) {
            return problems(body, single.get());
        }
        JsonNode schema = status == 401 || status >= 400 ? null : answerSchema(operationId, status);
        if (schema == null || !"array".equals(schema.path("type").asText())) {
            return List.of();
        }
        Optional<Class<?>> item = model(schema.path("items"));
        if (item.isEmpty()) {
            return List.of();
        }
        List<?> values;
        try {
            values = STRICT.readValue(body, STRICT.getTypeFactory().constructCollectionType(List.class, item.get()));
        } catch (IOException e) {
            return List.of("List<" + item.get().getSimpleName() + ">: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        walk(values, "List<" + item.get().getSimpleName() + ">", problems);
        return problems;
    }

    /** The JSON schema of a success answer, or {@code null}. */
    private static JsonNode answerSchema(String operationId, int status) {
        SpecSchemas spec = SpecSchemas.shared();
        try {
            return spec.responseSchema(operationId, status).orElse(null);
        } catch (IllegalArgumentException unknownOperation) {
            return null;
        }
    }

    /** The generated model a {@code $ref} names. */
    private static Optional<Class<?>> model(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(MODEL_PACKAGE + "." + SpecSchemas.refName(ref)));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated model for " + ref, e);
        }
    }

    /**
     * Reads a body strictly and lists what is wrong with it.
     *
     * @param body  the JSON text
     * @param model the generated model class
     * @return the problems, empty when the body reads cleanly
     */
    public static List<String> problems(String body, Class<?> model) {
        Object value;
        try {
            value = STRICT.readValue(body, model);
        } catch (IOException e) {
            return List.of(model.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        walk(value, model.getSimpleName(), problems);
        return problems;
    }

    /** Checks required properties and enum values, recursing into nested models and lists. */
    private static void walk(Object value, String where, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), where + "[" + i + "]", problems);
            }
            return;
        }
        if (value instanceof Enum<?> constant) {
            if (constant.name().equals(UNKNOWN_ENUM)) {
                problems.add(where + ": a value outside the spec's enum");
            }
            return;
        }
        if (value instanceof Map<?, ?> || !value.getClass().getPackageName().equals(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            JsonProperty property = getter.getAnnotation(JsonProperty.class);
            if (property == null || getter.getParameterCount() != 0 || !getter.getName().startsWith("get")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                problems.add(where + "." + property.value() + ": unreadable (" + e + ")");
                continue;
            }
            if (field instanceof org.openapitools.jackson.nullable.JsonNullable<?> nullable) {
                field = nullable.isPresent() ? nullable.get() : null;
            }
            if (property.required() && field == null) {
                problems.add(where + "." + property.value() + ": required but missing or null");
            }
            walk(field, where + "." + property.value(), problems);
        }
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = CortiJson.newMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
                // The generated models say ignoreUnknown = true; a strict reader must not.
                return super.findPropertyIgnoralByName(config, annotated).withoutIgnoreUnknown();
            }
        });
        return mapper;
    }
}
