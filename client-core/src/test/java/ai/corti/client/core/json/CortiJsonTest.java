package ai.corti.client.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterUpdateRequest;
import ai.corti.client.model.InteractionsGenderEnum;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsPatient;
import ai.corti.client.model.InteractionsUpdateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapitools.jackson.nullable.JsonNullable;

class CortiJsonTest {

    private final ObjectMapper mapper = CortiJson.mapper();

    private JsonNode seed(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/seed-examples/" + name)) {
            return mapper.readTree(in);
        }
    }

    @ParameterizedTest(name = "{0} round-trips through {1}")
    @CsvSource({
        "get-response.json,    ai.corti.client.model.InteractionsGetResponse",
        "update-response.json, ai.corti.client.model.InteractionsGetResponse",
        "update-request.json,  ai.corti.client.model.InteractionsUpdateRequest",
    })
    void everySeedExampleRoundTrips(String file, Class<?> type) throws Exception {
        JsonNode original = seed(file);

        Object model = mapper.treeToValue(original, type);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(model));

        assertThat(written).isEqualTo(original);
    }

    @Test
    void seedGetResponseHasTypedFields() throws Exception {
        InteractionsGetResponse response = mapper.treeToValue(seed("get-response.json"), InteractionsGetResponse.class);

        assertThat(response.getId()).isEqualTo(UUID.fromString("3c90c3cc-0d44-4b50-8888-8dd25736052a"));
        assertThat(response.getCreatedAt()).isEqualTo(OffsetDateTime.of(2023, 11, 7, 5, 31, 56, 0, ZoneOffset.UTC));
        assertThat(response.getPatient().getGender()).isEqualTo(InteractionsGenderEnum.MALE);
        assertThat(response.getEncounter().getStatus()).isEqualTo(InteractionsEncounterStatusEnum.PLANNED);
    }

    @Test
    void anEmptyPatchIsAnEmptyObject() throws Exception {
        assertThat(mapper.writeValueAsString(new InteractionsUpdateRequest())).isEqualTo("{}");
    }

    @Test
    void anExplicitNullIsSentAndAnUnsetFieldIsAbsent() throws Exception {
        InteractionsUpdateRequest clearTitle = new InteractionsUpdateRequest()
                .encounter(new InteractionsEncounterUpdateRequest().title(null));

        assertThat(mapper.readTree(mapper.writeValueAsString(clearTitle)))
                .isEqualTo(mapper.readTree("{\"encounter\":{\"title\":null}}"));
    }

    @Test
    void nullableGenderCanBeClearedOrLeftOut() throws Exception {
        InteractionsPatient cleared = new InteractionsPatient().identifier("p-1").gender(null);
        InteractionsPatient untouched = new InteractionsPatient().identifier("p-1");

        assertThat(mapper.readTree(mapper.writeValueAsString(cleared)))
                .isEqualTo(mapper.readTree("{\"identifier\":\"p-1\",\"gender\":null}"));
        assertThat(mapper.readTree(mapper.writeValueAsString(untouched)))
                .isEqualTo(mapper.readTree("{\"identifier\":\"p-1\"}"));
    }

    @Test
    void anExplicitNullFromTheServerIsReadAsPresentNull() throws Exception {
        InteractionsPatient patient = mapper.readValue("{\"identifier\":\"p\",\"name\":null}", InteractionsPatient.class);

        assertThat(patient.getName_JsonNullable()).isEqualTo(JsonNullable.of(null));
        assertThat(patient.getPronouns_JsonNullable()).isEqualTo(JsonNullable.undefined());
    }

    @Test
    void unknownEnumValuesAndUnknownFieldsDoNotThrow() throws Exception {
        ObjectNodeBuilder json = new ObjectNodeBuilder(seed("get-response.json"));
        json.set("/encounter", "status", "archived");
        json.set("", "brandNewField", "x");

        InteractionsGetResponse response = mapper.treeToValue(json.root, InteractionsGetResponse.class);

        assertThat(response.getEncounter().getStatus()).isEqualTo(InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(response.getId()).isNotNull();
    }

    @Test
    void datesAreWrittenInUtc() throws Exception {
        OffsetDateTime inCopenhagen = OffsetDateTime.of(2024, 1, 2, 10, 0, 0, 0, ZoneOffset.ofHours(1));

        assertThat(mapper.writeValueAsString(inCopenhagen)).isEqualTo("\"2024-01-02T09:00:00Z\"");
    }

    /** Minimal mutator for tests on seed JSON. */
    private static final class ObjectNodeBuilder {
        final JsonNode root;

        ObjectNodeBuilder(JsonNode root) {
            this.root = root;
        }

        void set(String pointer, String field, String value) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.at(pointer)).put(field, value);
        }
    }
}
