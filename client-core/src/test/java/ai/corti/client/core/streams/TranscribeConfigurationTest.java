package ai.corti.client.core.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscribeConfigurationTest {

    @Test
    void onlyTheLanguageIsRequired() {
        assertThatThrownBy(() -> TranscribeConfiguration.builder().build()).hasMessage("primaryLanguage is required");
        TranscribeConfiguration config = TranscribeConfiguration.builder().primaryLanguage("da").build();
        assertThat(config.interimResults()).isEmpty();
        assertThat(config.commands()).isEmpty();
        assertThat(config.formatting()).isEmpty();
    }

    @Test
    void commandsNeedAPhraseAndUniqueIdsAndVariableKeys() {
        assertThatThrownBy(() -> TranscribeCommand.builder("next").build())
                .hasMessage("command 'next': at least one phrase is required");
        assertThatThrownBy(() -> TranscribeCommand.builder(" ")).hasMessage("command id must not be blank");
        assertThatThrownBy(() -> TranscribeCommand.builder("go").phrase("go to {a} {a}").variable(CommandVariable.wildcard("a"))
                .variable(CommandVariable.wildcard("a")).build()).hasMessageContaining("variable key 'a' is used twice");
        TranscribeCommand next = TranscribeCommand.builder("next").phrase("next section").build();
        assertThatThrownBy(() -> TranscribeConfiguration.builder().primaryLanguage("en").command(next).command(next).build())
                .hasMessage("commands[1]: id 'next' is used twice");
    }

    @Test
    void enumVariablesListTheirValuesAndWildcardsNone() {
        assertThat(CommandVariable.oneOf("t", "normal", "abnormal").values()).containsExactly("normal", "abnormal");
        assertThatThrownBy(() -> CommandVariable.oneOf("t")).hasMessageContaining("needs at least one value");
        assertThatThrownBy(() -> new CommandVariable("t", CommandVariable.Type.WILDCARD, List.of("x")))
                .hasMessageContaining("takes no values");
        assertThatThrownBy(() -> CommandVariable.oneOf("t", "ok", "")).hasMessageContaining("value [1] must not be blank");
    }

    @Test
    void everySettingIsKept() {
        TranscribeFormatting formatting = TranscribeFormatting.builder().dates(TranscribeFormatting.Dates.ISO)
                .ordinals(TranscribeFormatting.Ordinals.NUMERALS).build();
        TranscribeConfiguration config = TranscribeConfiguration.builder().primaryLanguage("en").interimResults(true)
                .spokenPunctuation(false).automaticPunctuation(true).formatting(formatting).audioEvents(true)
                .audioFormat("audio/ogg").keyterm("Hansen").replacement("BID", "twice daily").build();

        assertThat(config.interimResults()).contains(true);
        assertThat(config.spokenPunctuation()).contains(false);
        assertThat(config.formatting()).contains(formatting);
        assertThat(formatting.dates()).contains(TranscribeFormatting.Dates.ISO);
        assertThat(formatting.times()).isEmpty();
        assertThat(config.toString()).doesNotContain("Hansen");
    }
}
