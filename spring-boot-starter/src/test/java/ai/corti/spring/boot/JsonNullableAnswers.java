package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;

/** An SDK model with a {@code JsonNullable} field in its three states, and what Boot's mapper must write. */
final class JsonNullableAnswers {

    private JsonNullableAnswers() {
    }

    /** The model: {@code title} set to "x", set to null, or never set. */
    static InteractionsEncounterCreateRequest encounter(String mode) {
        InteractionsEncounterCreateRequest encounter = new InteractionsEncounterCreateRequest()
                .identifier("enc-json")
                .status(InteractionsEncounterStatusEnum.PLANNED)
                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION);
        switch (mode) {
            case "value" -> encounter.title("x");
            case "null" -> encounter.title(null);
            case "absent" -> { }
            default -> throw new IllegalArgumentException(mode);
        }
        return encounter;
    }

    /** Asserts the three answers of {@code GET /encounter/{mode}}. */
    static void assertWritten(HttpJson http) {
        assertThat(http.get("/encounter/value")).contains("\"title\":\"x\"").doesNotContain("present");
        assertThat(http.get("/encounter/null")).contains("\"title\":null").doesNotContain("present");
        assertThat(http.get("/encounter/absent")).doesNotContain("title").doesNotContain("present")
                .contains("\"identifier\":\"enc-json\"");
    }
}
