package ai.corti.emulator.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The emulator judges configurations as the real API would, naming the field it refuses. */
class ConfigRulesTest {

    private static final String STREAMS = "{\"transcription\":{\"primaryLanguage\":\"en\",\"participants\":"
            + "[{\"channel\":0,\"role\":\"doctor\"}]},\"mode\":{\"type\":\"transcription\"}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|transcription is required and must be an object",
            "{\"transcription\":{\"participants\":[{\"channel\":0,\"role\":\"doctor\"}]},\"mode\":{\"type\":\"facts\"}}"
                    + "|transcription.primaryLanguage is required",
            "{\"transcription\":{\"primaryLanguage\":\"tlh\",\"participants\":[{\"channel\":0,\"role\":\"doctor\"}]}}"
                    + "|language unavailable: transcription.primaryLanguage 'tlh'",
            "{\"transcription\":{\"primaryLanguage\":\"en\",\"participants\":[]},\"mode\":{\"type\":\"facts\"}}"
                    + "|transcription.participants must be a non-empty array",
            "{\"transcription\":{\"primaryLanguage\":\"en\",\"participants\":[{\"channel\":0,\"role\":\"nurse\"}]}}"
                    + "|transcription.participants[0].role must be one of doctor, patient, multiple",
            "{\"transcription\":{\"primaryLanguage\":\"en\",\"isMultichannel\":true,\"participants\":[{\"channel\":0,"
                    + "\"role\":\"doctor\"},{\"channel\":0,\"role\":\"patient\"}]},\"mode\":{\"type\":\"facts\"}}"
                    + "|transcription.participants: two participants share a channel in multichannel audio",
            "{\"transcription\":{\"primaryLanguage\":\"en\",\"participants\":[{\"channel\":0,\"role\":\"doctor\"}]},"
                    + "\"mode\":{\"type\":\"documentation\"}}|mode.type must be one of facts, transcription",
            "{\"transcription\":{\"primaryLanguage\":\"en\",\"participants\":[{\"channel\":0,\"role\":\"doctor\"}]},"
                    + "\"mode\":{\"type\":\"facts\"}}|mode.outputLocale is required"})
    void invalidStreamsConfigurationsAreDeniedNamingTheField(String configuration, String reason) {
        assertThat(judge(false, configuration)).isEqualTo(new ConfigRules.Refused("CONFIG_DENIED", reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|primaryLanguage is required",
            "{\"primaryLanguage\":\"en\",\"interimResults\":\"yes\"}|interimResults must be a boolean",
            "{\"primaryLanguage\":\"en\",\"commands\":[{\"id\":\"a\",\"phrases\":[]}]}|commands[0].phrases must be a non-empty array",
            "{\"primaryLanguage\":\"en\",\"commands\":[{\"id\":\"a\",\"phrases\":[\"x\"]},{\"id\":\"a\",\"phrases\":[\"y\"]}]}"
                    + "|commands[1].id must be a unique, non-blank string",
            "{\"primaryLanguage\":\"en\",\"commands\":[{\"id\":\"a\",\"phrases\":[\"x {v}\"],\"variables\":[{\"key\":\"v\","
                    + "\"type\":\"enum\"}]}]}|commands[0].variables[0].enum must list the values of an enum variable",
            "{\"primaryLanguage\":\"en\",\"formatting\":{\"dates\":\"roman\"}}"
                    + "|formatting.dates must be one of as_dictated, iso, locale:long, locale:medium, locale:short",
            "{\"primaryLanguage\":\"en\",\"keyterms\":{\"terms\":[{\"term\":\"" + "abcdefghij" + "abcdefghij" + "abcdefghij"
                    + "abcdefghij" + "abcdefghij" + "x\"}]}}|keyterms.terms[0].term must be 1 to 50 characters"})
    void invalidTranscribeConfigurationsAreDeniedNamingTheField(String configuration, String reason) {
        assertThat(judge(true, configuration)).isEqualTo(new ConfigRules.Refused("CONFIG_DENIED", reason));
    }

    @Test
    void anUnsupportedAudioFormatIsRejectedNotDenied() {
        assertThat(judge(false, STREAMS + ",\"audioFormat\":\"audio/midi\"}"))
                .isEqualTo(new ConfigRules.Refused("CONFIG_REJECTED", "audio format 'audio/midi' is not supported"));
        assertThat(judge(false, STREAMS + ",\"audioFormat\":\"audio/webm;codecs=opus\"}"))
                .isInstanceOf(ConfigRules.Accepted.class);
    }

    @Test
    void anAcceptedConfigurationCarriesWhatTheSessionNeeds() {
        ConfigRules.Outcome outcome = judge(false, "{\"transcription\":{\"primaryLanguage\":\"de-CH\",\"isDiarization\":true,"
                + "\"isMultichannel\":true,\"participants\":[{\"channel\":1,\"role\":\"doctor\"},{\"channel\":0,"
                + "\"role\":\"patient\"}]},\"mode\":{\"type\":\"facts\",\"outputLocale\":\"en\",\"factGenerationInterval\":"
                + "\"fast_init\"}}");

        assertThat(outcome).isInstanceOfSatisfying(ConfigRules.Accepted.class, accepted -> {
            assertThat(accepted.factsMode()).isTrue();
            assertThat(accepted.fastInit()).isTrue();
            assertThat(accepted.diarize()).isTrue();
            assertThat(accepted.channels()).containsExactly(1, 0);
        });
    }

    private static ConfigRules.Outcome judge(boolean transcribe, String configuration) {
        try {
            return ConfigRules.judge(transcribe, StreamControls.JSON.readTree("{\"type\":\"config\",\"configuration\":"
                    + configuration + "}"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
