package ai.corti.emulator;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path of the spec ({@code /interactions/{id}/recordings/{recordingId}}) as a matcher for request paths under the
 * emulator's API prefix ({@code /v2}). A parameter matches one non-empty path segment; a trailing slash is optional
 * either way, as the real API redirects one form to the other.
 */
final class PathTemplate {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private final String template;
    private final Pattern pattern;
    private final List<String> names;
    private final int literals;

    private PathTemplate(String template, Pattern pattern, List<String> names, int literals) {
        this.template = template;
        this.pattern = pattern;
        this.names = names;
        this.literals = literals;
    }

    /**
     * Compiles a spec path.
     *
     * @param prefix   the API prefix, e.g. {@code /v2}
     * @param specPath the path as the spec writes it
     * @return the template
     */
    static PathTemplate of(String prefix, String specPath) {
        String path = prefix + (specPath.endsWith("/") ? specPath.substring(0, specPath.length() - 1) : specPath);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(path);
        int at = 0;
        int literals = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(at, parameter.start()))).append("([^/]+)");
            literals += parameter.start() - at;
            names.add(parameter.group(1));
            at = parameter.end();
        }
        regex.append(Pattern.quote(path.substring(at))).append("/?");
        literals += path.length() - at;
        return new PathTemplate(prefix + specPath, Pattern.compile(regex.toString()), List.copyOf(names), literals);
    }

    /**
     * Matches a request path (already URL-decoded by Netty: the raw path is used for parameters, decoded here).
     *
     * @param path the request's path, without the query
     * @return the parameters by name, or empty when the path is not this one
     */
    Optional<Map<String, String>> match(String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), QueryStringDecoder.decodeComponent(matcher.group(i + 1), StandardCharsets.UTF_8));
        }
        return Optional.of(Collections.unmodifiableMap(values));
    }

    /** How many literal characters the template has: with two matches, the more literal one is meant. */
    int literals() {
        return literals;
    }

    @Override
    public String toString() {
        return template;
    }
}
