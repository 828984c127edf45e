package ai.corti.bench.transfer;

import ai.corti.bench.server.BenchServer;
import ai.corti.bench.server.Recordings;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One recording upload or download of 1 MB or 150 MB per operation, through each SDK facade and through raw
 * Reactor Netty, against the bench server (which drains uploads and streams downloads from one shared buffer).
 * Time per operation gives MB/s; with {@code -prof gc}, {@code gc.alloc.rate.norm} divided by the size gives bytes
 * allocated per MB (all threads, the in-process server's included, which is the same for every client).
 *
 * <p>The fork's heap (128 MiB) is smaller than the large recording, so a client that held a whole body in memory
 * fails the run instead of producing a figure; {@code LargeRecordingTest} in integration-tests checks the same for
 * both facades in 64 MiB, with checksums.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms128m", "-Xmx128m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Timeout(time = 120)
public class TransferBenchmark {

    /** The clients that move recordings. */
    public enum Client {
        /** The SDK's reactive facade. */
        SDK_REACTIVE(SdkReactiveTransfer::new),
        /** The SDK's blocking facade. */
        SDK_BLOCKING(SdkBlockingTransfer::new),
        /** Raw Reactor Netty, the floor. */
        RAW(RawTransfer::new);

        private final Function<String, TransferClient> factory;

        Client(Function<String, TransferClient> factory) {
            this.factory = factory;
        }

        /**
         * Creates the client.
         *
         * @param baseUrl the server's API base URL
         * @return a new client; close it after use
         */
        public TransferClient open(String baseUrl) {
            return factory.apply(baseUrl);
        }
    }

    /** Which way the bytes go. */
    public enum Direction {
        /** Client to server. */
        UPLOAD,
        /** Server to client. */
        DOWNLOAD
    }

    /** The client under test. */
    @Param({"SDK_REACTIVE", "SDK_BLOCKING", "RAW"})
    public Client client;

    /** The recording's size: {@code 1MB} or {@code 150MB} (decimal megabytes). */
    @Param({"1MB", "150MB"})
    public String size;

    /** Upload or download. */
    @Param({"UPLOAD", "DOWNLOAD"})
    public Direction direction;

    private BenchServer server;
    private TransferClient transfer;
    private long bytes;
    private UUID recordingId;

    /** Starts the server and the client, and checks one transfer before anything is measured. */
    @Setup(Level.Trial)
    public void start() {
        bytes = megabytes(size) * Recordings.MB;
        recordingId = bytes == Recordings.MB ? Recordings.SMALL_ID : Recordings.LARGE_ID;
        if (Recordings.size(recordingId.toString()) != bytes) {
            throw new IllegalArgumentException("no recording of " + size);
        }
        server = BenchServer.start();
        transfer = client.open(server.baseUrl());
        transfer();
    }

    /** Stops both. */
    @TearDown(Level.Trial)
    public void stop() {
        transfer.close();
        server.close();
    }

    /**
     * One whole recording, up or down.
     *
     * @return how many bytes moved
     */
    @Benchmark
    public long transfer() {
        if (direction == Direction.UPLOAD) {
            UUID id = transfer.upload(bytes);
            if (!Recordings.UPLOADED_ID.equals(id)) {
                throw new IllegalStateException(client + " upload answered " + id);
            }
            return bytes;
        }
        long received = transfer.download(recordingId);
        if (received != bytes) {
            throw new IllegalStateException(client + " downloaded " + received + " of " + bytes + " bytes");
        }
        return received;
    }

    /**
     * Reads a size parameter.
     *
     * @param size e.g. {@code 150MB}
     * @return the number of megabytes
     */
    public static long megabytes(String size) {
        if (!size.endsWith("MB")) {
            throw new IllegalArgumentException("size must look like 150MB, was " + size);
        }
        return Long.parseLong(size.substring(0, size.length() - 2));
    }
}
