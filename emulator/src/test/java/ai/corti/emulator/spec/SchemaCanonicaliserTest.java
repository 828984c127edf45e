package ai.corti.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The canonical form keeps what the schema declares, in its order, with UTC date-times and lower-case UUIDs,
 * through {@code allOf} members, the chosen {@code oneOf} alternative and maps ({@code keywords.yaml}).
 */
@Timeout(30)
class SchemaCanonicaliserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaCanonicaliser canonicaliser = new SchemaCanonicaliser(load());

    @Test
    void keepsDeclaredPropertiesInSchemaOrderWithUtcTimesAndLowerCaseUuids() throws IOException {
        JsonNode value = JSON.readTree("{\"when\":\"2023-11-07T06:31:56+01:00\",\"zz\":1,\"name\":\"abc\","
                + "\"id\":\"3C90C3CC-0D44-4B50-8888-8DD25736052A\",\"kind\":null}");

        assertThat(canonicaliser.canonical(value, "Everything", false)).hasToString(
                "{\"name\":\"abc\",\"id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"when\":\"2023-11-07T05:31:56Z\"}");
        assertThat(canonicaliser.canonical(value, "Everything", true).get("kind").isNull()).isTrue();
    }

    @Test
    void allOfMembersAllShapeTheValue() throws IOException {
        JsonNode value = JSON.readTree("{\"zz\":1,\"extra\":\"e\",\"id\":\"i\"}");

        assertThat(canonicaliser.canonical(value, "Derived", false)).hasToString("{\"id\":\"i\",\"extra\":\"e\"}");
    }

    @Test
    void theOneOfAlternativeTheValueMatchesShapesIt() throws IOException {
        JsonNode facts = JSON.readTree("{\"facts\":[\"f\"],\"text\":\"not a facts field\",\"type\":\"facts\"}");
        JsonNode text = JSON.readTree("{\"text\":\"t\",\"facts\":\"not a text field\",\"type\":\"text\"}");

        assertThat(canonicaliser.canonical(facts, "Context", false)).hasToString("{\"type\":\"facts\",\"facts\":[\"f\"]}");
        assertThat(canonicaliser.canonical(text, "Context", false)).hasToString("{\"type\":\"text\",\"text\":\"t\"}");
    }

    @Test
    void mapsKeepTheirEntriesAndRecursiveSchemasAreFollowed() throws IOException {
        JsonNode value = JSON.readTree("{\"name\":\"abc\",\"labels\":{\"b\":\"2\",\"a\":\"1\"},"
                + "\"tree\":{\"children\":[{\"name\":\"leaf\",\"zz\":true}],\"name\":\"root\"}}");

        assertThat(canonicaliser.canonical(value, "Everything", false)).hasToString("{\"name\":\"abc\","
                + "\"labels\":{\"b\":\"2\",\"a\":\"1\"},\"tree\":{\"name\":\"root\",\"children\":[{\"name\":\"leaf\"}]}}");
    }

    private static SpecSchemas load() {
        try (InputStream in = SchemaCanonicaliserTest.class.getResourceAsStream("/openapi/keywords.yaml")) {
            return SpecSchemas.parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
