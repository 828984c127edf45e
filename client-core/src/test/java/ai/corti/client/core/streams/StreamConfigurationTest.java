package ai.corti.client.core.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamConfigurationTest {

    private static StreamConfiguration.Builder valid() {
        return StreamConfiguration.builder().primaryLanguage("en-US").participant(0, ParticipantRole.DOCTOR)
                .mode(StreamMode.TRANSCRIPTION);
    }

    @Test
    void aMinimalConfigurationBuildsWithUnsetOptionsEmpty() {
        StreamConfiguration config = valid().build();

        assertThat(config.primaryLanguage()).isEqualTo("en-US");
        assertThat(config.participants()).containsExactly(new Participant(0, ParticipantRole.DOCTOR));
        assertThat(config.diarization()).isEmpty();
        assertThat(config.outputLocale()).isEmpty();
        assertThat(config.keyterms()).isEmpty();
        assertThat(config.toString()).contains("keyterms=0");
    }

    @Test
    void theRequiredFieldsAreNamedWhenMissing() {
        assertThatThrownBy(() -> StreamConfiguration.builder().participant(0, ParticipantRole.DOCTOR)
                .mode(StreamMode.TRANSCRIPTION).build()).hasMessage("transcription.primaryLanguage is required");
        assertThatThrownBy(() -> StreamConfiguration.builder().primaryLanguage("en").mode(StreamMode.TRANSCRIPTION).build())
                .hasMessageContaining("transcription.participants: at least one participant is required");
        assertThatThrownBy(() -> StreamConfiguration.builder().primaryLanguage("en").participant(0, ParticipantRole.PATIENT)
                .build()).hasMessageContaining("mode.type is required");
        assertThatThrownBy(() -> valid().mode(StreamMode.FACTS).build())
                .hasMessageContaining("mode.outputLocale is required in facts mode");
    }

    @Test
    void languagesMustBeTags() {
        assertThatThrownBy(() -> StreamConfiguration.builder().primaryLanguage("english please"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transcription.primaryLanguage must be a language tag");
        assertThatThrownBy(() -> StreamConfiguration.builder().outputLocale(""))
                .hasMessageContaining("mode.outputLocale is required");
        assertThat(StreamConfiguration.builder().primaryLanguage("de-CH")).isNotNull();
    }

    @Test
    void multichannelAudioHasOneParticipantPerChannel() {
        assertThatThrownBy(() -> valid().participant(0, ParticipantRole.PATIENT).multichannel(true).build())
                .hasMessageContaining("transcription.participants[1]: channel 0 is already taken");
        assertThat(valid().participant(0, ParticipantRole.PATIENT).build().participants()).hasSize(2);
        assertThatThrownBy(() -> new Participant(-1, ParticipantRole.DOCTOR)).hasMessageContaining("0 or more");
    }

    @Test
    void factGenerationIntervalBelongsToFactsMode() {
        assertThatThrownBy(() -> valid().factGenerationInterval(FactGenerationInterval.FAST_INIT).build())
                .hasMessageContaining("mode.factGenerationInterval applies to facts mode only");
        assertThat(valid().mode(StreamMode.FACTS).outputLocale("en").factGenerationInterval(FactGenerationInterval.FAST_INIT)
                .build().factGenerationInterval()).contains(FactGenerationInterval.FAST_INIT);
    }

    @Test
    void keytermsAreLimitedTo1000Of50Characters() {
        StreamConfiguration.Builder builder = valid();
        builder.keyterm("x".repeat(StreamLimits.MAX_KEYTERM_LENGTH));
        IntStream.range(1, StreamLimits.MAX_KEYTERMS).forEach(i -> builder.keyterm("term" + i));

        assertThat(builder.build().keyterms()).hasSize(1000);
        assertThatThrownBy(() -> builder.keyterm("one too many")).hasMessage("keyterms: at most 1000 per session");
        assertThatThrownBy(() -> valid().keyterm("x".repeat(51)))
                .hasMessage("keyterms[0]: at most 50 characters, was 51");
        assertThatThrownBy(() -> valid().keyterms(java.util.List.of("ok", " "))).hasMessage("keyterms[1] must not be blank");
    }

    @Test
    void replacementsAreLimitedTo1000() {
        StreamConfiguration.Builder builder = valid();
        IntStream.range(0, StreamLimits.MAX_REPLACEMENTS).forEach(i -> builder.replacement("t" + i, "r"));

        assertThat(builder.build().replacements()).hasSize(1000);
        assertThatThrownBy(() -> builder.replacement("BID", "twice daily")).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> valid().replacement(" ", "x")).hasMessageContaining("'find' must not be blank");
        assertThatThrownBy(() -> valid().replacement("x", null)).hasMessageContaining("'replace' must not be null");
        assertThat(valid().replacement("um", "").build().replacements()).containsExactly(new Replacement("um", ""));
    }

    @Test
    void audioFormatMustBeAMimeType() {
        assertThat(valid().audioFormat("audio/webm;codecs=opus").build().audioFormat()).contains("audio/webm;codecs=opus");
        assertThat(valid().audioFormat("audio/L16; rate=16000").build().audioFormat()).isPresent();
        assertThatThrownBy(() -> valid().audioFormat("wav")).hasMessageContaining("audioFormat must be a MIME type");
        assertThatThrownBy(() -> valid().audioFormat("audio/wav\r\nX: y")).hasMessageContaining("audioFormat");
    }

    @Test
    void theListsAreCopies() {
        StreamConfiguration config = valid().keyterm("a").build();
        assertThatThrownBy(() -> config.keyterms().add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> valid().keyterms(Collections.singletonList(null))).isInstanceOf(IllegalArgumentException.class);
    }
}
