package ai.corti.bench.transfer;

import ai.corti.bench.clients.BenchSettings;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.RecordingsCreateResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The floor: raw Reactor Netty sending the chunks with {@code send(Flux<ByteBuf>)} and counting the response's
 * {@code ByteBuf}s as they arrive, with the SDK's mapper decoding the upload's reply. No validation, retries,
 * timeouts or error decoding; a wrong status fails the call.
 */
final class RawTransfer implements TransferClient {

    private static final Duration PATIENT = Duration.ofMinutes(2);

    private final ConnectionProvider pool = BenchSettings.pool("raw-transfer");
    private final ObjectMapper mapper = CortiJson.mapper();
    private final HttpClient http;

    RawTransfer(String baseUrl) {
        this.http = HttpClient.create(pool)
                .baseUrl(baseUrl)
                .headers(h -> h.set("Tenant-Name", BenchSettings.TENANT)
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + BenchSettings.TOKEN));
    }

    @Override
    public UUID upload(long size) {
        return http.post()
                .uri("/interactions/" + INTERACTION + "/recordings/")
                .send((request, out) -> {
                    request.header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
                            .header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(size));
                    return out.send(ChunkSource.byteBufs(size));
                })
                .responseSingle((response, body) -> body.asByteArray().map(bytes -> {
                    if (response.status().code() != 201) {
                        throw new IllegalStateException("HTTP " + response.status().code() + " for an upload");
                    }
                    return decode(bytes).getRecordingId();
                }))
                .block(PATIENT);
    }

    @Override
    public long download(UUID recordingId) {
        return http.get()
                .uri("/interactions/" + INTERACTION + "/recordings/" + recordingId)
                .response((response, body) -> {
                    if (response.status().code() != 200) {
                        return body.then(Mono.<Integer>error(new IllegalStateException(
                                "HTTP " + response.status().code() + " for a download")));
                    }
                    // Reactor Netty releases each chunk after this map: only its length is kept.
                    return body.map(ByteBuf::readableBytes);
                })
                .reduce(0L, (total, n) -> total + n)
                .block(PATIENT);
    }

    private RecordingsCreateResponse decode(byte[] bytes) {
        try {
            return mapper.readValue(bytes, RecordingsCreateResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
