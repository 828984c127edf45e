package ai.corti.client.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsGenderEnum;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsEncounterPeriod;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.TranscriptsData;
import ai.corti.client.model.TranscriptsListItem;
import ai.corti.spec.CortiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullable;

/** The generator saw the normalised document: these are the types the quirks used to break. */
class GeneratedModelsTest {

    @Test
    void uuidFieldsAreUuids() throws Exception {
        assertThat(InteractionsGetResponse.class.getMethod("getId").getReturnType()).isEqualTo(UUID.class);
        assertThat(InteractionsGetResponse.class.getMethod("getAssignedUserId").getReturnType()).isEqualTo(UUID.class);
        assertThat(InteractionsCreateResponse.class.getMethod("getInteractionId").getReturnType()).isEqualTo(UUID.class);
        assertThat(InteractionsCreateRequest.class.getMethod("getAssignedUserId").getReturnType()).isEqualTo(UUID.class);
    }

    @Test
    void datesAreOffsetDateTimes() throws Exception {
        assertThat(InteractionsGetResponse.class.getMethod("getCreatedAt").getReturnType()).isEqualTo(OffsetDateTime.class);
        assertThat(InteractionsEncounterPeriod.class.getMethod("getStartedAt").getReturnType()).isEqualTo(OffsetDateTime.class);
    }

    @Test
    void nullableFieldsAreJsonNullable() throws Exception {
        assertThat(InteractionsPatient.class.getMethod("getGender_JsonNullable").getReturnType()).isEqualTo(JsonNullable.class);
        assertThat(InteractionsPatient.class.getMethod("getBirthDate_JsonNullable").getReturnType()).isEqualTo(JsonNullable.class);
        assertThat(InteractionsEncounterPeriod.class.getMethod("getEndedAt_JsonNullable").getReturnType()).isEqualTo(JsonNullable.class);
    }

    @Test
    void aNullableReferenceIsAJsonNullableOfTheReferencedType() throws Exception {
        assertThat(nullableType(InteractionsPatient.class, "getGender_JsonNullable")).isEqualTo(InteractionsGenderEnum.class);
        assertThat(InteractionsPatient.class.getMethod("getGender").getReturnType()).isEqualTo(InteractionsGenderEnum.class);
        assertThat(InteractionsPatient.class.getMethod("gender", InteractionsGenderEnum.class).getReturnType())
                .isEqualTo(InteractionsPatient.class);
        assertThat(nullableType(TranscriptsListItem.class, "getTranscript_JsonNullable")).isEqualTo(TranscriptsData.class);
    }

    /**
     * A oneOf of component schemas is an interface its variants implement; a oneOf with a member that is not a
     * component (an array, a string) has no such Java type and must be mapped to {@code Object} in client-core's
     * {@code schemaMappings}, so no class of that name may exist.
     */
    @Test
    void everyOneOfIsAnInterfaceOrMappedToObject() throws Exception {
        JsonNode spec;
        try (InputStream in = CortiSpec.open()) {
            spec = new YAMLMapper().readTree(in);
        }
        List<String> interfaces = new ArrayList<>();
        JsonNode schemas = spec.at("/components/schemas");
        for (String schemaName : (Iterable<String>) schemas::fieldNames) {
            Map.Entry<String, JsonNode> schema = Map.entry(schemaName, schemas.get(schemaName));
            JsonNode oneOf = schema.getValue().get("oneOf");
            if (oneOf == null) {
                continue;
            }
            String name = "ai.corti.client.model." + schema.getKey();
            boolean allComponents = true;
            for (JsonNode member : oneOf) {
                allComponents &= member.has("$ref");
            }
            if (!allComponents) {
                assertThat(classExists(name)).as(schema.getKey() + " mixes non-object members: add it to "
                        + "client-core's <schemaMappings> as java.lang.Object").isFalse();
                continue;
            }
            Class<?> type = Class.forName(name);
            assertThat(type.isInterface()).as(name).isTrue();
            for (JsonNode member : oneOf) {
                String variant = member.get("$ref").asText().substring("#/components/schemas/".length());
                assertThat(type.isAssignableFrom(Class.forName("ai.corti.client.model." + variant)))
                        .as(variant + " implements " + schema.getKey()).isTrue();
            }
            interfaces.add(schema.getKey());
        }
        assertThat(interfaces).contains("GuidedDocumentsGenerateRequest", "GuidedDocumentContext", "GuidedOutputSchema",
                "CommonAIContext");
    }

    private static Type nullableType(Class<?> model, String getter) throws Exception {
        Type type = model.getMethod(getter).getGenericReturnType();
        assertThat(type).isInstanceOf(ParameterizedType.class);
        assertThat(((ParameterizedType) type).getRawType()).isEqualTo(JsonNullable.class);
        return ((ParameterizedType) type).getActualTypeArguments()[0];
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
