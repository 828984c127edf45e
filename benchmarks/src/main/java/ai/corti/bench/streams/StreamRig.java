package ai.corti.bench.streams;

import ai.corti.emulator.CortiEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An emulator shaped for one scenario, and a client with an open session on it, checked with one operation
 * before any measurement.
 *
 * <ul>
 *   <li>{@link Scenario#AUDIO}: {@value #AUDIO_CHUNKS} chunks of {@value #CHUNK} bytes (250 ms of 16 kHz 16-bit
 *       PCM each, 16 s in all) then a flush; the emulator emits one transcript (at the flush), so this is the audio
 *       path.</li>
 *   <li>{@link Scenario#MESSAGES}: one chunk then a flush, with the emulator set to one transcript per
 *       {@value #BYTES_PER_TRANSCRIPT} bytes: {@value #TRANSCRIPTS_PER_OP} transcripts to read and decode per
 *       operation; this is the per-message path.</li>
 * </ul>
 */
public final class StreamRig implements AutoCloseable {

    /** What one operation exercises. */
    public enum Scenario {
        /** Audio frames then a flush, no transcripts: the audio path. */
        AUDIO,
        /** One chunk yielding many transcripts, then a flush: the per-message path. */
        MESSAGES
    }

    /** The two clients compared. */
    public enum Kind {
        /** The SDK's reactive session. */
        SDK,
        /** Raw Reactor Netty WebSocket. */
        RAW
    }

    static final int CHUNK = 8_000;
    static final int AUDIO_CHUNKS = 64;
    static final int BYTES_PER_TRANSCRIPT = 64;
    static final int TRANSCRIPTS_PER_OP = CHUNK / BYTES_PER_TRANSCRIPT;

    final CortiEmulator emulator;
    final StreamBenchClient client;
    final List<byte[]> operation;

    private StreamRig(CortiEmulator emulator, StreamBenchClient client, List<byte[]> operation) {
        this.emulator = emulator;
        this.client = client;
        this.operation = operation;
    }

    static StreamRig start(Scenario scenario, Kind kind) {
        CortiEmulator emulator = CortiEmulator.builder().exchangeLimit(0).start();
        emulator.streams().transcriptEvery(scenario == Scenario.AUDIO ? Integer.MAX_VALUE : BYTES_PER_TRANSCRIPT);
        StreamBenchClient client = open(emulator, kind);
        List<byte[]> operation = Collections.nCopies(scenario == Scenario.AUDIO ? AUDIO_CHUNKS : 1, new byte[CHUNK]);
        StreamRig rig = new StreamRig(emulator, client, operation);
        long before = client.transcripts();
        rig.run();
        long expected = scenario == Scenario.AUDIO ? 1 : TRANSCRIPTS_PER_OP; // audio: the flush's one for what was held
        if (client.transcripts() - before != expected) {
            rig.close();
            throw new IllegalStateException(kind + " read " + (client.transcripts() - before) + " transcripts, not "
                    + expected);
        }
        return rig;
    }

    static StreamBenchClient open(CortiEmulator emulator, Kind kind) {
        return kind == Kind.SDK ? new SdkStreamClient(emulator)
                : new RawStreamClient(emulator.baseUrl().replace("http://", "ws://").replace("/v2", "/audio-bridge/v2"),
                        CortiEmulator.DEFAULT_TENANT, token(emulator));
    }

    /** One operation: the chunks, then flush, waited for. */
    void run() {
        client.sendThenFlush(operation).block(Duration.ofSeconds(60));
    }

    /** A token from the emulator's token endpoint, as any client would get one. */
    static String token(CortiEmulator emulator) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(emulator.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + emulator.clientId() + "&client_secret=" + emulator.clientSecret()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
            if (!token.find()) {
                throw new IllegalStateException("no token from the emulator: HTTP " + response.statusCode());
            }
            return token.group(1);
        } catch (Exception e) {
            throw new IllegalStateException("could not get a token from the emulator", e);
        }
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }
}
