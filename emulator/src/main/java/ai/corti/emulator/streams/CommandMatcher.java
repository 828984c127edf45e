package ai.corti.emulator.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a registered voice command in a dictated line: each phrase becomes a pattern over the whole line
 * (case-insensitive), {@code {key}} matching one of an enum variable's values or, for a wildcard, any words.
 */
final class CommandMatcher {

    /**
     * A recognised command.
     *
     * @param id        the command's id
     * @param variables the variables' values
     */
    record Match(String id, Map<String, String> variables) {
    }

    private record Phrase(String id, Pattern pattern, List<String> keys) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]+)}");

    private final List<Phrase> phrases = new ArrayList<>();

    /** Builds the matcher from the {@code commands} array of a configuration (already validated). */
    CommandMatcher(JsonNode commands) {
        if (commands == null || !commands.isArray()) {
            return;
        }
        for (JsonNode command : commands) {
            Map<String, JsonNode> variables = new LinkedHashMap<>();
            JsonNode declared = command.get("variables");
            if (declared != null && declared.isArray()) {
                declared.forEach(v -> variables.put(v.get("key").asText(), v));
            }
            for (JsonNode phrase : command.get("phrases")) {
                phrases.add(compile(command.get("id").asText(), phrase.asText(), variables));
            }
        }
    }

    private static Phrase compile(String id, String phrase, Map<String, JsonNode> variables) {
        StringBuilder regex = new StringBuilder();
        List<String> keys = new ArrayList<>();
        Matcher m = VARIABLE.matcher(phrase);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(phrase.substring(last, m.start())));
            String key = m.group(1);
            JsonNode variable = variables.get(key);
            if (variable != null && "enum".equals(variable.path("type").asText())) {
                List<String> values = new ArrayList<>();
                variable.path("enum").forEach(value -> values.add(Pattern.quote(value.asText())));
                regex.append('(').append(String.join("|", values)).append(')');
            } else {
                regex.append("(.+?)");
            }
            keys.add(key);
            last = m.end();
        }
        regex.append(Pattern.quote(phrase.substring(last)));
        return new Phrase(id, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE), keys);
    }

    Optional<Match> match(String line) {
        for (Phrase phrase : phrases) {
            Matcher m = phrase.pattern().matcher(line.trim());
            if (m.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < phrase.keys().size(); i++) {
                    values.put(phrase.keys().get(i), m.group(i + 1));
                }
                return Optional.of(new Match(phrase.id(), values));
            }
        }
        return Optional.empty();
    }
}
