package ai.corti.bench.transfer;

import ai.corti.bench.clients.BenchSettings;
import ai.corti.client.reactive.CortiReactiveClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;

/** The SDK's reactive facade: {@code upload(id, Flux<ByteBuffer>, length)} and {@code get(..)} as chunks. */
final class SdkReactiveTransfer implements TransferClient {

    private static final Duration PATIENT = Duration.ofMinutes(2);

    private final CortiReactiveClient client;

    SdkReactiveTransfer(String baseUrl) {
        this.client = CortiReactiveClient.builder().tenantName(BenchSettings.TENANT).baseUrl(baseUrl)
                .bearerToken(BenchSettings.TOKEN).build();
    }

    @Override
    public UUID upload(long size) {
        return client.recordings().upload(INTERACTION, ChunkSource.byteBuffers(size), size).block(PATIENT)
                .getRecordingId();
    }

    @Override
    public long download(UUID recordingId) {
        return client.recordings().get(INTERACTION, recordingId)
                .map(ByteBuffer::remaining)
                .reduce(0L, (total, n) -> total + n)
                .block(PATIENT);
    }

    @Override
    public void close() {
        client.close();
    }
}
