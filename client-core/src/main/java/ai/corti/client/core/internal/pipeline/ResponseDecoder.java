package ai.corti.client.core.internal.pipeline;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.error.CortiDecodingException;
import ai.corti.client.core.internal.error.ErrorDecoder;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.internal.http.BodyBytes;
import ai.corti.client.core.internal.http.HttpResponseData;
import ai.corti.client.core.internal.json.JsonShape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a successful answer into the value a call yields. Strict where leniency would hide a broken or hostile
 * server: a key that appears twice in an object is refused (which one would win is a guess), and an empty body
 * where a model is expected is an error. A parser's complaint is redacted and kept as text only: Jackson's
 * exceptions quote the input, so none is ever attached as a cause. Internal to the SDK.
 */
public final class ResponseDecoder {

    private final ObjectMapper mapper;
    private final Redactor redactor;
    private final Map<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();

    /**
     * Creates the decoder.
     *
     * @param mapper   the SDK's JSON mapper
     * @param redactor removes credentials from excerpts
     */
    public ResponseDecoder(ObjectMapper mapper, Redactor redactor) {
        this.mapper = mapper;
        this.redactor = redactor;
    }

    /**
     * Decodes a 2xx answer.
     *
     * @param response the answer, fully read
     * @param reader   what the body is read as
     * @param what     the call, for messages ({@code GET /v2/interactions/})
     * @param <T>      the value's type
     * @return the value with status and headers
     * @throws CortiDecodingException when the body is not what the operation declares
     */
    @SuppressWarnings("unchecked")
    public <T> CortiResponse<T> decode(HttpResponseData response, ResponseReader<T> reader, String what) {
        if (reader instanceof ResponseReader.NoBody) {
            return new CortiResponse<>(response.statusCode(), response.headers(), null);
        }
        JavaType type;
        String name;
        if (reader instanceof ResponseReader.Json<T> json) {
            type = json.type();
            name = json.name();
        } else {
            Class<?> declared = ((ResponseReader.ByStatus) reader).types().get(response.statusCode());
            if (declared == null) {
                throw new CortiDecodingException(what + " -> HTTP " + response.statusCode() + ": the operation declares "
                        + "no answer for this status (declared: " + ((ResponseReader.ByStatus) reader).types().keySet()
                        + ")", response.statusCode(), "", null);
            }
            type = mapper.constructType(declared);
            name = declared.getSimpleName();
        }
        if (response.content().length() == 0) {
            throw new CortiDecodingException(what + " -> HTTP " + response.statusCode() + ": empty body, expected "
                    + name, response.statusCode(), "", null);
        }
        try {
            JsonShape.check(response.content());
            T value = read(readerFor(type), response.content());
            if (value == null) {
                throw new CortiDecodingException(what + " -> HTTP " + response.statusCode() + ": body is null, expected "
                        + name, response.statusCode(), "null", null);
            }
            return new CortiResponse<>(response.statusCode(), response.headers(), value);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CortiDecodingException decoding) {
                throw decoding;
            }
            String excerpt = redactor.excerpt(response.content(), ErrorDecoder.EXCERPT_LIMIT);
            throw new CortiDecodingException(what + " -> HTTP " + response.statusCode() + ": body is not a valid "
                    + name + " (" + reason(e) + "): " + excerpt, response.statusCode(), excerpt, null);
        }
    }

    /** A body of one block (any answer up to 64 KiB) is parsed from its array: cheaper than through a stream. */
    private static <T> T read(ObjectReader reader, BodyBytes body) throws IOException {
        return body.length() <= BodyBytes.BLOCK ? reader.readValue(body.toArray()) : reader.readValue(body.stream());
    }

    private ObjectReader readerFor(JavaType type) {
        return readers.computeIfAbsent(type, t -> mapper.readerFor(t).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    private String reason(Exception e) {
        String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (reason == null) {
            return e.getClass().getSimpleName();
        }
        reason = redactor.redact(reason.replaceAll("\\s+", " "));
        return reason.length() <= 200 ? reason : reason.substring(0, 200) + "...";
    }
}
