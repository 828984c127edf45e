package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** The one YAML configuration for reading and writing OpenAPI documents in the spec build. */
public final class SpecYaml {

    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private SpecYaml() {
    }

    /**
     * Returns the mapper: keeps key order and quotes only where YAML needs it (status codes such as
     * {@code '200'} stay strings). It reads JSON too, JSON being a subset of YAML.
     *
     * @return the shared, thread-safe mapper; do not reconfigure it
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
