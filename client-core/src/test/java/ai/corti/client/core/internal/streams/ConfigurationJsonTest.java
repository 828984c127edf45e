package ai.corti.client.core.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.streams.CommandVariable;
import ai.corti.client.core.streams.FactGenerationInterval;
import ai.corti.client.core.streams.ParticipantRole;
import ai.corti.client.core.streams.RetentionPolicy;
import ai.corti.client.core.streams.StreamConfiguration;
import ai.corti.client.core.streams.StreamMode;
import ai.corti.client.core.streams.TranscribeCommand;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeFormatting;
import org.junit.jupiter.api.Test;

class ConfigurationJsonTest {

    @Test
    void aFullStreamsConfigurationUsesTheProtocolsFieldNames() {
        StreamConfiguration config = StreamConfiguration.builder()
                .primaryLanguage("en")
                .diarization(true)
                .multichannel(true)
                .participant(0, ParticipantRole.DOCTOR)
                .participant(1, ParticipantRole.PATIENT)
                .mode(StreamMode.FACTS)
                .outputLocale("da")
                .factGenerationInterval(FactGenerationInterval.FAST_INIT)
                .retentionPolicy(RetentionPolicy.NONE)
                .audioFormat("audio/wav")
                .audioEvents(true)
                .replacement("BID", "twice daily")
                .keyterm("Ibuprofen")
                .build();

        assertThat(ConfigurationJson.streams(config)).isEqualTo("{\"type\":\"config\",\"configuration\":{"
                + "\"transcription\":{\"primaryLanguage\":\"en\",\"isDiarization\":true,\"isMultichannel\":true,"
                + "\"participants\":[{\"channel\":0,\"role\":\"doctor\"},{\"channel\":1,\"role\":\"patient\"}]},"
                + "\"mode\":{\"type\":\"facts\",\"outputLocale\":\"da\",\"factGenerationInterval\":\"fast_init\"},"
                + "\"retentionPolicy\":\"none\",\"audioFormat\":\"audio/wav\",\"audioEvents\":{\"enabled\":true},"
                + "\"replacements\":[{\"find\":\"BID\",\"replace\":\"twice daily\"}],"
                + "\"keyterms\":{\"terms\":[{\"term\":\"Ibuprofen\"}]}}}");
    }

    @Test
    void unsetOptionsAreAbsentSoTheServerAppliesItsDefaults() {
        StreamConfiguration config = StreamConfiguration.builder().primaryLanguage("en")
                .participant(0, ParticipantRole.MULTIPLE).mode(StreamMode.TRANSCRIPTION).build();

        assertThat(ConfigurationJson.streams(config)).isEqualTo("{\"type\":\"config\",\"configuration\":{"
                + "\"transcription\":{\"primaryLanguage\":\"en\",\"participants\":[{\"channel\":0,\"role\":\"multiple\"}]},"
                + "\"mode\":{\"type\":\"transcription\"}}}");
        assertThat(ConfigurationJson.transcribe(TranscribeConfiguration.builder().primaryLanguage("en").build()))
                .isEqualTo("{\"type\":\"config\",\"configuration\":{\"primaryLanguage\":\"en\"}}");
    }

    @Test
    void aFullTranscribeConfigurationWithCommandsAndFormatting() {
        TranscribeConfiguration config = TranscribeConfiguration.builder()
                .primaryLanguage("en-GB")
                .interimResults(true)
                .spokenPunctuation(true)
                .automaticPunctuation(false)
                .command(TranscribeCommand.builder("insert").phrase("insert {template} template")
                        .variable(CommandVariable.oneOf("template", "normal", "abnormal")).build())
                .command(TranscribeCommand.builder("note").phrase("note {text}").variable(CommandVariable.wildcard("text"))
                        .build())
                .formatting(TranscribeFormatting.builder().dates(TranscribeFormatting.Dates.LOCALE_LONG)
                        .times(TranscribeFormatting.Times.H24).numbers(TranscribeFormatting.Numbers.NUMERALS_ABOVE_NINE)
                        .measurements(TranscribeFormatting.Measurements.ABBREVIATED)
                        .numericRanges(TranscribeFormatting.NumericRanges.AS_DICTATED)
                        .ordinals(TranscribeFormatting.Ordinals.NUMERALS).build())
                .build();

        assertThat(ConfigurationJson.transcribe(config)).isEqualTo("{\"type\":\"config\",\"configuration\":{"
                + "\"primaryLanguage\":\"en-GB\",\"interimResults\":true,\"spokenPunctuation\":true,"
                + "\"automaticPunctuation\":false,\"commands\":["
                + "{\"id\":\"insert\",\"phrases\":[\"insert {template} template\"],\"variables\":[{\"key\":\"template\","
                + "\"type\":\"enum\",\"enum\":[\"normal\",\"abnormal\"]}]},"
                + "{\"id\":\"note\",\"phrases\":[\"note {text}\"],\"variables\":[{\"key\":\"text\",\"type\":\"wildcard\"}]}],"
                + "\"formatting\":{\"dates\":\"locale:long\",\"times\":\"h24\",\"numbers\":\"numerals_above_nine\","
                + "\"measurements\":\"abbreviated\",\"numericRanges\":\"as_dictated\",\"ordinals\":\"numerals\"}}}");
    }

    @Test
    void textIsEscaped() {
        TranscribeConfiguration config = TranscribeConfiguration.builder().primaryLanguage("en")
                .keyterm("O'Brien \"Jr\"").build();

        assertThat(ConfigurationJson.transcribe(config)).contains("{\"term\":\"O'Brien \\\"Jr\\\"\"}");
    }
}
