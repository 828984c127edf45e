package ai.corti.emulator.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges a {@code config} message as the real API would: {@code CONFIG_DENIED} naming the first field that
 * breaks a rule (the protocol's required fields, enums and limits, and the languages the emulator "knows"),
 * {@code CONFIG_REJECTED} for an audio format it does not support, else the settings the session runs with.
 */
final class ConfigRules {

    /** Languages the emulator accepts; another well-formed tag is denied as unavailable. */
    static final Set<String> LANGUAGES = Set.of("en", "en-us", "en-gb", "da", "de", "de-ch", "fr", "sv", "no", "nl",
            "es", "it");
    /** Audio formats the emulator accepts (parameters such as {@code ;codecs=opus} are allowed). */
    static final Set<String> AUDIO_FORMATS = Set.of("audio/wav", "audio/wave", "audio/x-wav", "audio/pcm",
            "audio/l16", "audio/webm", "audio/ogg", "audio/mpeg", "audio/mp4", "audio/flac");

    private static final Set<String> ROLES = Set.of("doctor", "patient", "multiple");
    private static final Set<String> MODES = Set.of("facts", "transcription");

    /** What the configuration yields. */
    sealed interface Outcome permits Refused, Accepted {
    }

    /**
     * Not accepted.
     *
     * @param type   {@code CONFIG_DENIED} or {@code CONFIG_REJECTED}
     * @param reason why, naming the field
     */
    record Refused(String type, String reason) implements Outcome {
    }

    /**
     * Accepted, with what the session needs from it.
     *
     * @param configuration        the configuration object, echoed in {@code CONFIG_ACCEPTED}
     * @param factsMode            facts are generated
     * @param fastInit             {@code factGenerationInterval: fast_init}
     * @param diarize              speakers are told apart
     * @param channels             the participants' channels, in order
     * @param multichannel         one participant per channel
     * @param interimResults       interim transcripts are sent
     * @param spokenPunctuation    "period" becomes "."
     * @param automaticPunctuation text is capitalised and punctuated
     * @param commands             the registered commands
     */
    record Accepted(JsonNode configuration, boolean factsMode, boolean fastInit, boolean diarize, List<Integer> channels,
                    boolean multichannel, boolean interimResults, boolean spokenPunctuation,
                    boolean automaticPunctuation, CommandMatcher commands) implements Outcome {
    }

    /** A broken rule: becomes {@code CONFIG_DENIED}. */
    private static final class Denied extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Denied(String reason) {
            super(reason, null, false, false);
        }
    }

    private ConfigRules() {
    }

    static Outcome judge(boolean transcribe, JsonNode message) {
        try {
            JsonNode configuration = message.get("configuration");
            if (configuration == null || !configuration.isObject()) {
                throw new Denied("configuration is required and must be an object");
            }
            Outcome audio = audioFormat(configuration);
            Outcome judged = transcribe ? transcribe(configuration) : streams(configuration);
            return audio != null && judged instanceof Accepted ? audio : judged;
        } catch (Denied denied) {
            return new Refused("CONFIG_DENIED", denied.getMessage());
        }
    }

    private static Outcome streams(JsonNode configuration) {
        JsonNode transcription = object(configuration, "transcription");
        language(transcription, "primaryLanguage", "transcription.");
        boolean diarize = optionalBoolean(transcription, "isDiarization", "transcription.");
        boolean multichannel = optionalBoolean(transcription, "isMultichannel", "transcription.");
        JsonNode participants = transcription.get("participants");
        if (participants == null || !participants.isArray() || participants.isEmpty()) {
            throw new Denied("transcription.participants must be a non-empty array");
        }
        List<Integer> channels = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            JsonNode participant = participants.get(i);
            String path = "transcription.participants[" + i + "].";
            JsonNode channel = participant.get("channel");
            if (channel == null || !channel.isIntegralNumber() || channel.asInt() < 0) {
                throw new Denied(path + "channel must be an integer of 0 or more");
            }
            if (!ROLES.contains(participant.path("role").asText(""))) {
                throw new Denied(path + "role must be one of doctor, patient, multiple");
            }
            channels.add(channel.asInt());
        }
        if (multichannel && new HashSet<>(channels).size() != channels.size()) {
            throw new Denied("transcription.participants: two participants share a channel in multichannel audio");
        }
        JsonNode mode = object(configuration, "mode");
        String type = mode.path("type").asText("");
        if (!MODES.contains(type)) {
            throw new Denied("mode.type must be one of facts, transcription");
        }
        boolean facts = type.equals("facts");
        if (facts) {
            language(mode, "outputLocale", "mode.");
        }
        JsonNode interval = mode.get("factGenerationInterval");
        if (interval != null && !Set.of("fixed", "fast_init").contains(interval.asText())) {
            throw new Denied("mode.factGenerationInterval must be one of fixed, fast_init");
        }
        JsonNode retention = configuration.get("retentionPolicy");
        if (retention != null && !Set.of("retain", "none").contains(retention.asText())) {
            throw new Denied("retentionPolicy must be one of retain, none");
        }
        shared(configuration);
        return new Accepted(configuration, facts, interval != null && interval.asText().equals("fast_init"), diarize,
                channels, multichannel, false, false, false, new CommandMatcher(null));
    }

    private static Outcome transcribe(JsonNode configuration) {
        language(configuration, "primaryLanguage", "");
        boolean interim = optionalBoolean(configuration, "interimResults", "");
        boolean spoken = optionalBoolean(configuration, "spokenPunctuation", "");
        boolean automatic = optionalBoolean(configuration, "automaticPunctuation", "");
        JsonNode commands = configuration.get("commands");
        if (commands != null) {
            if (!commands.isArray()) {
                throw new Denied("commands must be an array");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < commands.size(); i++) {
                command(commands.get(i), "commands[" + i + "].", ids);
            }
        }
        JsonNode formatting = configuration.get("formatting");
        if (formatting != null) {
            formatting(formatting);
        }
        shared(configuration);
        return new Accepted(configuration, false, false, false, List.of(0), false, interim, spoken, automatic,
                new CommandMatcher(commands));
    }

    private static void command(JsonNode command, String path, Set<String> ids) {
        String id = command.path("id").asText("");
        if (id.isBlank() || !ids.add(id)) {
            throw new Denied(path + "id must be a unique, non-blank string");
        }
        JsonNode phrases = command.get("phrases");
        if (phrases == null || !phrases.isArray() || phrases.isEmpty()) {
            throw new Denied(path + "phrases must be a non-empty array");
        }
        for (JsonNode phrase : phrases) {
            if (!phrase.isTextual() || phrase.asText().isBlank()) {
                throw new Denied(path + "phrases must be non-blank strings");
            }
        }
        JsonNode variables = command.get("variables");
        if (variables != null) {
            for (int i = 0; i < variables.size(); i++) {
                JsonNode variable = variables.get(i);
                String at = path + "variables[" + i + "].";
                if (variable.path("key").asText("").isBlank()) {
                    throw new Denied(at + "key is required");
                }
                String type = variable.path("type").asText("");
                if (type.equals("enum")) {
                    if (!variable.path("enum").isArray() || variable.path("enum").isEmpty()) {
                        throw new Denied(at + "enum must list the values of an enum variable");
                    }
                } else if (!type.equals("wildcard")) {
                    throw new Denied(at + "type must be one of enum, wildcard");
                }
            }
        }
    }

    private static void formatting(JsonNode formatting) {
        allowed(formatting, "dates", Set.of("locale:long", "locale:medium", "locale:short", "as_dictated", "iso"));
        allowed(formatting, "times", Set.of("locale", "h24", "h12", "as_dictated"));
        allowed(formatting, "numbers", Set.of("numerals_above_nine", "numerals", "as_dictated"));
        allowed(formatting, "measurements", Set.of("abbreviated", "as_dictated"));
        allowed(formatting, "numericRanges", Set.of("numerals", "as_dictated"));
        allowed(formatting, "ordinals", Set.of("numerals_above_nine", "numerals", "as_dictated"));
    }

    private static void allowed(JsonNode formatting, String field, Set<String> values) {
        JsonNode value = formatting.get(field);
        if (value != null && !values.contains(value.asText())) {
            throw new Denied("formatting." + field + " must be one of " + String.join(", ", values.stream().sorted().toList()));
        }
    }

    private static void shared(JsonNode configuration) {
        JsonNode replacements = configuration.get("replacements");
        if (replacements != null) {
            if (!replacements.isArray() || replacements.size() > 1000) {
                throw new Denied("replacements must be an array of at most 1000");
            }
            for (int i = 0; i < replacements.size(); i++) {
                if (!replacements.get(i).path("find").isTextual() || !replacements.get(i).path("replace").isTextual()) {
                    throw new Denied("replacements[" + i + "] needs find and replace strings");
                }
            }
        }
        JsonNode keyterms = configuration.get("keyterms");
        if (keyterms != null) {
            JsonNode terms = keyterms.get("terms");
            if (terms == null || !terms.isArray() || terms.size() > 1000) {
                throw new Denied("keyterms.terms must be an array of at most 1000");
            }
            for (int i = 0; i < terms.size(); i++) {
                String term = terms.get(i).path("term").asText("");
                if (term.isBlank() || term.length() > 50) {
                    throw new Denied("keyterms.terms[" + i + "].term must be 1 to 50 characters");
                }
            }
        }
    }

    /** {@code CONFIG_REJECTED} for a format the emulator does not support; {@code null} when fine or absent. */
    private static Outcome audioFormat(JsonNode configuration) {
        JsonNode format = configuration.get("audioFormat");
        if (format == null) {
            return null;
        }
        String base = format.asText("").split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return AUDIO_FORMATS.contains(base) ? null
                : new Refused("CONFIG_REJECTED", "audio format '" + format.asText() + "' is not supported");
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new Denied(field + " is required and must be an object");
        }
        return value;
    }

    private static void language(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new Denied(path + field + " is required");
        }
        if (!LANGUAGES.contains(value.asText().toLowerCase(Locale.ROOT))) {
            throw new Denied("language unavailable: " + path + field + " '" + value.asText() + "'");
        }
    }

    private static boolean optionalBoolean(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new Denied(path + field + " must be a boolean");
        }
        return value.booleanValue();
    }
}
