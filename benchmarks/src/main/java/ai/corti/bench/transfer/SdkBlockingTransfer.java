package ai.corti.bench.transfer;

import ai.corti.bench.clients.BenchSettings;
import ai.corti.client.blocking.CortiClient;
import java.io.OutputStream;
import java.util.UUID;

/** The SDK's blocking facade: {@code upload(id, InputStream, length)} and {@code get(id, rid, OutputStream)}. */
final class SdkBlockingTransfer implements TransferClient {

    private final CortiClient client;

    SdkBlockingTransfer(String baseUrl) {
        this.client = CortiClient.builder().tenantName(BenchSettings.TENANT).baseUrl(baseUrl)
                .bearerToken(BenchSettings.TOKEN).build();
    }

    @Override
    public UUID upload(long size) {
        return client.recordings().upload(INTERACTION, ChunkSource.stream(size), size).getRecordingId();
    }

    @Override
    public long download(UUID recordingId) {
        CountingSink sink = new CountingSink();
        long reported = client.recordings().get(INTERACTION, recordingId, sink);
        if (reported != sink.count) {
            throw new IllegalStateException("the SDK reported " + reported + " bytes, the stream saw " + sink.count);
        }
        return sink.count;
    }

    @Override
    public void close() {
        client.close();
    }

    /** Counts what is written and keeps none of it. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
