package ai.corti.client.core.internal.json;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The scan that bounds JSON on Jackson versions without read constraints (2.13, 2.14): deep nesting and long numbers
 * are refused, strings are skipped whatever they hold, and the message never quotes the body.
 */
class JsonShapeTest {

    private static void scan(String json) throws IOException {
        JsonShape.scan(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ordinaryAnswersPass() {
        assertThatCode(() -> scan("{\"a\":[1,2,{\"b\":-1.5e10}],\"c\":\"x\"}")).doesNotThrowAnyException();
        assertThatCode(() -> scan("[".repeat(JsonShape.MAX_DEPTH) + "]".repeat(JsonShape.MAX_DEPTH)))
                .doesNotThrowAnyException();
    }

    @Test
    void nestingPastTheLimitIsRefused() {
        assertThatThrownBy(() -> scan("{\"x\":" + "[".repeat(JsonShape.MAX_DEPTH + 1)))
                .isInstanceOf(JsonShape.TooComplex.class).hasMessage("JSON with nesting deeper than 500 levels");
    }

    @Test
    void aNumberPastTheLimitIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> scan("{\"expires_in\":" + "9".repeat(JsonShape.MAX_NUMBER_LENGTH + 1) + "}"))
                .isInstanceOf(JsonShape.TooComplex.class).hasMessageNotContaining("999");
    }

    @Test
    void bracketsAndDigitsInsideStringsDoNotCount() {
        String text = "\\\"" + "[".repeat(2000) + "9".repeat(2000);
        assertThatCode(() -> scan("{\"s\":\"" + text + "\"}")).doesNotThrowAnyException();
    }
}
