package ai.corti.client.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.TimeZone;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The one JSON configuration of the SDK. Every request body, response body and error body goes
 * through a mapper built here, so both facades, the emulator and the tests agree on the wire format.
 *
 * <p>Why each setting matters:
 * <ul>
 *   <li>{@code NON_NULL} inclusion: an unset field is absent. With a default mapper an empty PATCH
 *       serialises as {@code {"assignedUserId":null,...}} and the API re-assigns a nulled
 *       {@code assignedUserId}.</li>
 *   <li>{@link JsonNullableModule}: a nullable field set to {@code JsonNullable.of(null)} is sent as an
 *       explicit {@code null} (to clear it), while {@code JsonNullable.undefined()} stays absent.</li>
 *   <li>Unknown fields are ignored, so a server that adds fields does not break old clients.</li>
 *   <li>Dates are ISO-8601 strings written in UTC, as the API documents them.</li>
 * </ul>
 */
public final class CortiJson {

    private static final ObjectMapper SHARED = newMapper();

    private CortiJson() {
    }

    /**
     * Returns the shared mapper. It is thread-safe; do not reconfigure it.
     *
     * @return the SDK's mapper
     */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /**
     * Builds a new mapper with the SDK's configuration, for callers that want their own instance.
     *
     * @return a newly configured mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new JsonNullableModule())
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultTimeZone(TimeZone.getTimeZone("UTC"))
                .build();
    }
}
