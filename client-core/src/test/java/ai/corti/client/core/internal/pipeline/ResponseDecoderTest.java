package ai.corti.client.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.error.CortiDecodingException;
import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.internal.http.HttpResponseData;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.InteractionsCreateResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A 2xx body read strictly: repeated keys, trailing bytes and empty bodies are decoding errors. */
class ResponseDecoderTest {

    private static final String ID = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
    private final ResponseDecoder decoder = new ResponseDecoder(CortiJson.mapper(), new Redactor());

    private InteractionsCreateResponse decode(String body) {
        return decoder.decode(new HttpResponseData(201, ResponseHeaders.EMPTY, body.getBytes(StandardCharsets.UTF_8)),
                ResponseReader.json(InteractionsCreateResponse.class), "POST /v2/interactions/").value();
    }

    @Test
    void aWellFormedAnswerIsRead() {
        assertThat(decode("{\"interactionId\":\"" + ID + "\",\"websocketUrl\":\"wss://x/s\"}").getInteractionId())
                .hasToString(ID);
    }

    @Test
    void aKeyThatAppearsTwiceIsRefused() {
        assertThatThrownBy(() -> decode("{\"interactionId\":\"" + ID + "\",\"interactionId\":\"" + ID
                + "\",\"websocketUrl\":\"wss://x/s\"}"))
                .isInstanceOf(CortiDecodingException.class)
                .hasMessageContaining("not a valid InteractionsCreateResponse")
                .hasMessageContaining("Duplicate field 'interactionId'")
                .hasNoCause();
    }

    @Test
    void bytesAfterTheValueAreRefused() {
        assertThatThrownBy(() -> decode("{\"interactionId\":\"" + ID + "\",\"websocketUrl\":\"wss://x/s\"} {}"))
                .isInstanceOf(CortiDecodingException.class).hasNoCause();
    }

    @Test
    void anEmptyOrNullBodyIsRefused() {
        assertThatThrownBy(() -> decode("")).isInstanceOf(CortiDecodingException.class).hasMessageContaining("empty body");
        assertThatThrownBy(() -> decode("null")).isInstanceOf(CortiDecodingException.class)
                .hasMessageContaining("body is null");
    }

    @Test
    void noContentReadsNothing() {
        assertThat(decoder.decode(new HttpResponseData(204, ResponseHeaders.EMPTY, new byte[0]), ResponseReader.none(),
                "DELETE /v2/interactions/x").statusCode()).isEqualTo(204);
    }
}
