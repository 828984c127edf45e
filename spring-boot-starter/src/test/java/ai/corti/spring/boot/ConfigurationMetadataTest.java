package ai.corti.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * IDEs complete {@code corti.*} from {@code META-INF/spring-configuration-metadata.json}: every property that binds
 * must be in it, with a description and its type.
 */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyHasMetadataWithADescription() throws Exception {
        JsonNode metadata;
        try (InputStream in = CortiProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json in the jar").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode property : metadata.get("properties")) {
            byName.put(property.get("name").asText(), property);
        }
        Set<String> bindable = new TreeSet<>();
        collect("corti", CortiProperties.class, bindable);
        assertThat(bindable).hasSize(25).contains("corti.tenant-name", "corti.retry.max-retries",
                "corti.pool.eviction-interval", "corti.default-headers");
        assertThat(byName.keySet()).containsAll(bindable);
        for (String name : bindable) {
            JsonNode property = byName.get(name);
            assertThat(property.path("description").asText()).as("description of %s", name).isNotBlank();
            assertThat(property.path("type").asText()).as("type of %s", name).isNotBlank();
        }
        assertThat(byName.get("corti.connect-timeout").path("defaultValue").asText()).isEqualTo("10s");
        assertThat(byName.get("corti.retry.max-retries").path("defaultValue").asInt()).isEqualTo(2);
    }

    /** The kebab-case names of every readable and writable property, nested groups walked. */
    private static void collect(String prefix, Class<?> type, Set<String> names) throws Exception {
        for (PropertyDescriptor descriptor : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
            String name = prefix + "." + descriptor.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            if (descriptor.getWriteMethod() != null) {
                names.add(name);
            } else if (descriptor.getPropertyType().getName().startsWith(CortiProperties.class.getName())) {
                collect(name, descriptor.getPropertyType(), names);
            }
        }
    }
}
