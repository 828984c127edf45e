package ai.corti.client.core.internal.streams;

import ai.corti.client.core.json.CortiJson;
import ai.corti.client.core.streams.CommandVariable;
import ai.corti.client.core.streams.Participant;
import ai.corti.client.core.streams.Replacement;
import ai.corti.client.core.streams.StreamConfiguration;
import ai.corti.client.core.streams.TranscribeCommand;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeFormatting;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes a configuration as the {@code config} message the server expects, field names as in Corti's
 * AsyncAPI documents. Settings left unset are absent, so the server applies its defaults.
 */
public final class ConfigurationJson {

    private static final ObjectMapper MAPPER = CortiJson.mapper();

    private ConfigurationJson() {
    }

    /**
     * Writes a {@code /streams} configuration message.
     *
     * @param config the configuration
     * @return {@code {"type":"config","configuration":{...}}}
     */
    public static String streams(StreamConfiguration config) {
        ObjectNode configuration = MAPPER.createObjectNode();
        ObjectNode transcription = configuration.putObject("transcription");
        transcription.put("primaryLanguage", config.primaryLanguage());
        config.diarization().ifPresent(on -> transcription.put("isDiarization", on));
        config.multichannel().ifPresent(on -> transcription.put("isMultichannel", on));
        ArrayNode participants = transcription.putArray("participants");
        for (Participant participant : config.participants()) {
            participants.addObject().put("channel", participant.channel()).put("role", participant.role().wireValue());
        }
        ObjectNode mode = configuration.putObject("mode");
        mode.put("type", config.mode().wireValue());
        config.outputLocale().ifPresent(locale -> mode.put("outputLocale", locale));
        config.factGenerationInterval().ifPresent(interval -> mode.put("factGenerationInterval", interval.wireValue()));
        config.retentionPolicy().ifPresent(policy -> configuration.put("retentionPolicy", policy.wireValue()));
        shared(configuration, config.audioFormat().orElse(null), config.audioEvents().orElse(null),
                config.replacements(), config.keyterms());
        return message(configuration);
    }

    /**
     * Writes a {@code /transcribe} configuration message.
     *
     * @param config the configuration
     * @return {@code {"type":"config","configuration":{...}}}
     */
    public static String transcribe(TranscribeConfiguration config) {
        ObjectNode configuration = MAPPER.createObjectNode();
        configuration.put("primaryLanguage", config.primaryLanguage());
        config.interimResults().ifPresent(on -> configuration.put("interimResults", on));
        config.spokenPunctuation().ifPresent(on -> configuration.put("spokenPunctuation", on));
        config.automaticPunctuation().ifPresent(on -> configuration.put("automaticPunctuation", on));
        if (!config.commands().isEmpty()) {
            ArrayNode commands = configuration.putArray("commands");
            for (TranscribeCommand command : config.commands()) {
                ObjectNode node = commands.addObject().put("id", command.id());
                ArrayNode phrases = node.putArray("phrases");
                command.phrases().forEach(phrases::add);
                if (!command.variables().isEmpty()) {
                    ArrayNode variables = node.putArray("variables");
                    for (CommandVariable variable : command.variables()) {
                        ObjectNode v = variables.addObject().put("key", variable.key())
                                .put("type", variable.type().wireValue());
                        if (variable.type() == CommandVariable.Type.ENUM) {
                            ArrayNode values = v.putArray("enum");
                            variable.values().forEach(values::add);
                        }
                    }
                }
            }
        }
        config.formatting().ifPresent(formatting -> formatting(configuration.putObject("formatting"), formatting));
        shared(configuration, config.audioFormat().orElse(null), config.audioEvents().orElse(null),
                config.replacements(), config.keyterms());
        return message(configuration);
    }

    private static void formatting(ObjectNode node, TranscribeFormatting formatting) {
        formatting.dates().ifPresent(f -> node.put("dates", f.wireValue()));
        formatting.times().ifPresent(f -> node.put("times", f.wireValue()));
        formatting.numbers().ifPresent(f -> node.put("numbers", f.wireValue()));
        formatting.measurements().ifPresent(f -> node.put("measurements", f.wireValue()));
        formatting.numericRanges().ifPresent(f -> node.put("numericRanges", f.wireValue()));
        formatting.ordinals().ifPresent(f -> node.put("ordinals", f.wireValue()));
    }

    private static void shared(ObjectNode configuration, String audioFormat, Boolean audioEvents,
                               List<Replacement> replacements, List<String> keyterms) {
        if (audioFormat != null) {
            configuration.put("audioFormat", audioFormat);
        }
        if (audioEvents != null) {
            configuration.putObject("audioEvents").put("enabled", audioEvents);
        }
        if (!replacements.isEmpty()) {
            ArrayNode array = configuration.putArray("replacements");
            replacements.forEach(r -> array.addObject().put("find", r.find()).put("replace", r.replace()));
        }
        if (!keyterms.isEmpty()) {
            ArrayNode terms = configuration.putObject("keyterms").putArray("terms");
            keyterms.forEach(term -> terms.addObject().put("term", term));
        }
    }

    private static String message(ObjectNode configuration) {
        ObjectNode message = MAPPER.createObjectNode();
        message.put("type", "config");
        message.set("configuration", configuration);
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and booleans always serialises; this is a bug, not bad input.
            throw new IllegalStateException("configuration could not be written as JSON", e);
        }
    }
}
