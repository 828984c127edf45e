package ai.corti.bench.transfer;

import java.util.UUID;

/** One client under test, reduced to the two streamed-body calls: upload a recording, download one. */
public interface TransferClient extends AutoCloseable {

    /** The interaction every transfer belongs to. */
    UUID INTERACTION = UUID.fromString("3c90c3cc-0d44-4b50-8888-8dd25736052a");

    /**
     * Uploads {@code size} bytes from {@link ChunkSource} and waits for the server's reply.
     *
     * @param size the recording's length
     * @return the id the server gave the recording
     */
    UUID upload(long size);

    /**
     * Downloads a recording into a sink that counts and keeps nothing, and waits for its end.
     *
     * @param recordingId which recording (its id says its size)
     * @return how many bytes arrived
     */
    long download(UUID recordingId);

    /** Releases the client's connections and threads. */
    @Override
    void close();
}
