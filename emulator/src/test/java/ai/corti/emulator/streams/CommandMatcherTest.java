package ai.corti.emulator.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandMatcherTest {

    private final CommandMatcher matcher = new CommandMatcher(read("[{\"id\":\"next\",\"phrases\":[\"next section\","
            + "\"go on\"]},{\"id\":\"insert\",\"phrases\":[\"insert {template} exam template\"],\"variables\":"
            + "[{\"key\":\"template\",\"type\":\"enum\",\"enum\":[\"normal\",\"abnormal\"]}]},{\"id\":\"note\","
            + "\"phrases\":[\"note that {text}\"],\"variables\":[{\"key\":\"text\",\"type\":\"wildcard\"}]}]"));

    @Test
    void aPhraseMatchesTheWholeLineIgnoringCase() {
        assertThat(matcher.match("Next Section")).contains(new CommandMatcher.Match("next", Map.of()));
        assertThat(matcher.match("go on")).contains(new CommandMatcher.Match("next", Map.of()));
        assertThat(matcher.match("the next section")).isEmpty();
    }

    @Test
    void enumVariablesMatchOnlyTheirValuesAndWildcardsAnyWords() {
        assertThat(matcher.match("insert abnormal exam template"))
                .contains(new CommandMatcher.Match("insert", Map.of("template", "abnormal")));
        assertThat(matcher.match("insert weird exam template")).isEmpty();
        assertThat(matcher.match("note that the patient is anxious"))
                .contains(new CommandMatcher.Match("note", Map.of("text", "the patient is anxious")));
    }

    @Test
    void noCommandsMatchNothing() {
        assertThat(new CommandMatcher(null).match("next section")).isEmpty();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return StreamControls.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
