package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an output schema is filled from context and rendered, node kind by node kind. */
class GuidedRendererTest {

    private final GuidedRenderer renderer = new GuidedRenderer("- {item}\n", "{key}: {value}\n");
    private final List<ContextItem> items = List.of(new ContextItem("Temperature 39.2 degrees.", null),
            new ContextItem("Pulse 88, regular.", "vitals"));

    @Test
    void formatsStringsEnumsNumbersAndBooleans() {
        assertThat(renderer.render(json("{\"type\":\"string\"}"), items).text())
                .isEqualTo("Temperature 39.2 degrees. Pulse 88, regular.");
        assertThat(renderer.render(json("{\"type\":\"string\",\"enum\":[\"irregular\",\"regular\"]}"), items)
                .value().asText()).isEqualTo("regular");
        assertThat(renderer.render(json("{\"type\":\"number\",\"maximum\":45}"), items).text()).isEqualTo("39.2");
        assertThat(renderer.render(json("{\"type\":\"number\",\"maximum\":30,\"default\":0}"), items).text())
                .isEqualTo("0");
        assertThat(renderer.render(json("{\"type\":\"boolean\"}"), List.of()).value().isNull()).isTrue();
        assertThat(renderer.render(json("{\"type\":\"boolean\",\"default\":false}"), List.of()).text()).isEqualTo("No");
    }

    @Test
    void listsAndObjectsUseTheirFormatsInBothModes() {
        assertThat(renderer.render(json("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":1,"
                + "\"itemFormat\":\"* {item};\"}"), items).text()).isEqualTo("* Temperature 39.2 degrees.;");
        String fields = "\"fields\":[{\"key\":\"temperature\",\"description\":\"in degrees\",\"value\":{\"type\":"
                + "\"number\"}},{\"key\":\"pulseRate\",\"description\":\"beats\",\"value\":{\"type\":\"number\"}},"
                + "{\"key\":\"oxygen\",\"description\":\"saturation\",\"value\":{\"type\":\"number\"}}]";
        GuidedRenderer.Rendered subheadings = renderer.render(json("{\"type\":\"object\"," + fields + "}"), items);
        assertThat(subheadings.text()).isEqualTo("temperature: 39.2\npulseRate: 88");
        assertThat(subheadings.value().get("oxygen").isNull()).isTrue();
        assertThat(renderer.render(json("{\"type\":\"object\",\"fieldFormat\":\"{temperature} C, {pulseRate}/min\","
                + fields + "}"), items).text()).isEqualTo("39.2 C, 88/min");
    }

    @Test
    void aHostilelyDeepSchemaStopsAtTheDepthLimit() {
        String schema = "{\"type\":\"string\"}";
        for (int i = 0; i < 400; i++) {
            schema = "{\"type\":\"array\",\"items\":" + schema + "}";
        }

        GuidedRenderer.Rendered rendered = renderer.render(json(schema), items);

        JsonNode value = rendered.value();
        int depth = 0;
        while (value.isArray() && !value.isEmpty()) {
            value = value.get(0);
            depth++;
        }
        assertThat(depth).isLessThanOrEqualTo(GuidedRenderer.MAX_DEPTH + 1);
    }

    private static JsonNode json(String text) {
        return RawHttp.json(text);
    }
}
