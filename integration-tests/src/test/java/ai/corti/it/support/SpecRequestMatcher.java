package ai.corti.it.support;

import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockserver.model.HttpRequest;

/**
 * A MockServer request matcher built from one operation of the spec, for the operations MockServer's own OpenAPI
 * matcher cannot check (a binary request body, see {@link MockCorti}): the method, the path with each path
 * parameter held to its schema's format (a UUID where the spec says {@code format: uuid}), every required header,
 * a bearer token, and the declared media type of the body.
 */
public final class SpecRequestMatcher {

    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private SpecRequestMatcher() {
    }

    /**
     * Builds the matcher.
     *
     * @param spec     the spec, to resolve parameter schemas
     * @param op       the operation
     * @param basePath the server's base path, e.g. {@code /v2}
     * @return a request matcher with regular expressions for the path and header values
     */
    public static HttpRequest of(SpecDocument spec, SpecDocument.SpecOperation op, String basePath) {
        HttpRequest match = request().withMethod(op.method()).withPath(basePath + pathPattern(spec, op))
                .withHeader("Authorization", "Bearer .+");
        for (String header : op.requiredParameterNames("header")) {
            match.withHeader(header, ".+");
        }
        op.requestBody().map(Map.Entry::getKey).ifPresent(mediaType -> match.withHeader("Content-Type",
                Pattern.quote(mediaType) + ".*"));
        return match;
    }

    private static String pathPattern(SpecDocument spec, SpecDocument.SpecOperation op) {
        StringBuilder out = new StringBuilder();
        Matcher m = PARAMETER.matcher(op.path());
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(op.path().substring(last, m.start())));
            out.append(valuePattern(spec, op, m.group(1)));
            last = m.end();
        }
        return out.append(Pattern.quote(op.path().substring(last))).toString();
    }

    private static String valuePattern(SpecDocument spec, SpecDocument.SpecOperation op, String name) {
        JsonNode parameter = op.parameters().stream()
                .filter(p -> "path".equals(p.path("in").asText()) && name.equals(p.path("name").asText()))
                .findFirst().orElseThrow(() -> new IllegalStateException(op + " does not declare path parameter " + name));
        return "uuid".equals(spec.resolve(parameter.path("schema")).path("format").asText()) ? UUID : "[^/]+";
    }
}
